// Where the command's bundle is (scripts/build-cli.mjs) and whether it is still what the sources
// say: every source file it was built from unchanged since. Shared by bin/kalendaryo.mjs (use it or
// run the sources through tsx) and the build (skip it when there is nothing to do).
import { readFileSync, statSync } from 'node:fs';

const repo = new URL('..', import.meta.url);
export const BUNDLE_DIR = new URL('dist/cli/', repo);

/** The bundle's entry when it is fresh, else null. */
export function freshBundle() {
  try {
    const { builtAt, inputs } = JSON.parse(readFileSync(new URL('inputs.json', BUNDLE_DIR), 'utf8'));
    for (const input of inputs) if (statSync(new URL(input, repo)).mtimeMs > builtAt) return null;
    return new URL('main.js', BUNDLE_DIR);
  } catch {
    return null;
  }
}
