#!/usr/bin/env node
/**
 * Bundles the `kalendaryo` command into dist/cli/ (one chunk per command, shared code split out),
 * so a short command such as `ics check` or `import` starts without tsx compiling ~200 modules on
 * the way. bin/kalendaryo.mjs uses the bundle only while every source file it was built from is
 * unchanged (dist/cli/inputs.json) and otherwise runs the sources through tsx, so a stale or
 * missing bundle can slow a command down but never run old code.
 *
 * Run by `npm ci` (prepare) and `npm start` (prestart; skipped while fresh, `--force` builds
 * anyway). It never fails the install: without a bundle everything still works through tsx.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLE_DIR, freshBundle } from './cli-bundle.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = fileURLToPath(BUNDLE_DIR);
// `npm start` runs this every time: nothing to do while the bundle matches the sources.
if (!process.argv.includes('--force') && freshBundle()) process.exit(0);

// Taken before esbuild reads anything: a source saved during the build counts as newer than it.
const builtAt = Date.now();
try {
  const esbuild = await import('esbuild');
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const result = await esbuild.build({
    absWorkingDir: repo,
    entryPoints: ['src/cli/main.ts'],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outdir,
    metafile: true,
    logLevel: 'warning',
  });
  const inputs = Object.keys(result.metafile.inputs).filter((p) => !p.startsWith('node_modules/'));
  // Written last: a bundle without it is never used.
  writeFileSync(path.join(outdir, 'inputs.json'), JSON.stringify({ builtAt, inputs }));
} catch (error) {
  rmSync(outdir, { recursive: true, force: true });
  process.stderr.write(`kalendaryo: the command bundle was not built (${error instanceof Error ? error.message : String(error)}); commands run through tsx\n`);
}
