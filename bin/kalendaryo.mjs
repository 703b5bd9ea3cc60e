#!/usr/bin/env node
// Runs the command bundle (scripts/build-cli.mjs) when it was built from the sources as they are
// now, else the TypeScript sources directly through tsx, so `npm ci && npm start` needs no build
// step and an edited source is never shadowed by an old bundle.
import { freshBundle } from '../scripts/cli-bundle.mjs';

const bundle = process.env.KALENDARYO_NO_BUNDLE ? null : freshBundle();
if (!bundle) (await import('tsx/esm/api')).register();
const { main } = await import(bundle ? bundle.href : '../src/cli/main.ts');
await main(process.argv.slice(2));
