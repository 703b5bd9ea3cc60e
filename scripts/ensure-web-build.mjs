#!/usr/bin/env node
/**
 * `npm start` runs this first: it builds the web calendar when web/dist is missing or older than
 * anything under web/src or locales/ (or web/index.html, web/vite.config.ts and its plugins). Exits non-zero if the build fails.
 * `--force` always builds.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(repo, 'web');
const builtIndex = path.join(web, 'dist', 'index.html');

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const st = statSync(target);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(target).reduce((max, name) => Math.max(max, newestMtime(path.join(target, name))), st.mtimeMs);
}

const sources = [...['src', 'index.html', 'vite.config.ts', 'locales-plugin.ts', 'field-sw.ts', 'public'].map((p) => path.join(web, p)), path.join(repo, 'locales')];
const builtAt = existsSync(builtIndex) ? statSync(builtIndex).mtimeMs : 0;
const sourceAt = Math.max(...sources.map(newestMtime));

if (!process.argv.includes('--force') && builtAt > 0 && builtAt >= sourceAt) {
  process.exit(0);
}

process.stdout.write(builtAt ? 'web/dist is older than web/src: rebuilding the web calendar…\n' : 'Building the web calendar (web/dist)…\n');
const vite = path.join(repo, 'node_modules', 'vite', 'bin', 'vite.js');
// Always a production build: run from the test runner NODE_ENV is "test", and Vite would then
// bundle React's development build, which behaves differently (the browser tests failed on it).
// The config is loaded without a temporary file in node_modules (see vitest.config.ts for why).
const result = spawnSync(process.execPath, [vite, 'build', web, '--logLevel', 'warn', '--configLoader', 'runner'], {
  cwd: repo,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production' },
});
process.exit(result.status ?? 1);
