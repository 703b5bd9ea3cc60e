import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
// The public files and their checker, copied from the project's shared conformance folder.
const conformance = path.resolve(repoRoot, 'test/fixtures/conformance');

describe('iCalendar import conformance files', () => {
  it('all pass through `npx kalendaryo ics check`', async () => {
    // Asynchronous on purpose: a blocking spawn would starve vitest's worker channel for minutes.
    const child = spawn(process.execPath, [path.join(conformance, 'check-ics.mjs'), path.join(conformance, 'ics'), 'npx', 'kalendaryo', 'ics', 'check'], { cwd: repoRoot });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(out).toMatch(/^(\d+) passed, 0 failed$/m);
    expect(status, out).toBe(0);
  }, 900_000);
});
