import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Runs once before any test worker starts. The browser tests need web/dist: building it here, once,
 * keeps two workers from building it at the same moment (each would overwrite the other's chunks
 * and leave a web app whose files do not fit together).
 */
export default async function setup(): Promise<void> {
  const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const result = spawnSync(process.execPath, [path.join(repo, 'scripts', 'ensure-web-build.mjs')], { cwd: repo, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('building the web calendar for the browser tests failed');
}
