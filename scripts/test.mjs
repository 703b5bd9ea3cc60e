// `npm test`: the server suite, then the web app's unit tests — both always run, and the command
// fails if either fails (chained with &&, a failing server suite used to hide the web suite).
// Arguments go to the server run (e.g. `npm test -- src/features/entries`); the web tests are quick and always run whole.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vitest = path.join(repo, 'node_modules', 'vitest', 'vitest.mjs');
const extra = process.argv.slice(2);
const runs = [
  { name: 'server', args: ['run', '--configLoader', 'runner', ...extra] },
  { name: 'web', args: ['run', '--config', 'web/vitest.config.ts', '--configLoader', 'runner'] },
];
const failed = [];
for (const run of runs) {
  const result = spawnSync(process.execPath, [vitest, ...run.args], { cwd: repo, stdio: 'inherit' });
  if (result.status !== 0) failed.push(`${run.name} (exit ${result.status ?? result.signal})`);
}
if (failed.length) {
  console.error(`\nFailed: ${failed.join(', ')}`);
  process.exit(1);
}
