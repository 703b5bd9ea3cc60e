/**
 * `npm run bench`: runs every bench/*.bench.ts (or those named on the command line) and prints each
 * figure as one JSON line {"name","value","unit"}. A bench file exports `default async function
 * (report)`; report(name, value, unit) prints one figure.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type Report = (name: string, value: number, unit: string) => void;

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const report: Report = (name, value, unit) => {
  process.stdout.write(`${JSON.stringify({ name, value: Math.round(value * 1000) / 1000, unit })}\n`);
};

for (const file of files) {
  const mod = (await import(pathToFileURL(path.join(here, file)).href)) as { default: (r: Report) => Promise<void> };
  try {
    await mod.default(report);
  } catch (err) {
    process.stderr.write(`bench ${file} failed: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  }
}
