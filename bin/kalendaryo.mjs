#!/usr/bin/env node
// Runs the command bundle (scripts/build-cli.mjs) when it was built from the sources as they are
// now, else the TypeScript sources directly through tsx, so `npm ci && npm start` needs no build
// step and an edited source is never shadowed by an old bundle.
import { readFileSync, statSync } from 'node:fs';

const repo = new URL('..', import.meta.url);

function freshBundle() {
  if (process.env.KALENDARYO_NO_BUNDLE) return null;
  try {
    const { builtAt, inputs } = JSON.parse(readFileSync(new URL('dist/cli/inputs.json', repo), 'utf8'));
    for (const input of inputs) if (statSync(new URL(input, repo)).mtimeMs > builtAt) return null;
    return new URL('dist/cli/main.js', repo);
  } catch {
    return null;
  }
}

const bundle = freshBundle();
if (!bundle) (await import('tsx/esm/api')).register();
const { main } = await import(bundle ? bundle.href : '../src/cli/main.ts');
await main(process.argv.slice(2));
