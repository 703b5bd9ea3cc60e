import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
// The public vectors and their checker, copied from the project's shared conformance folder.
const conformance = path.resolve(repoRoot, 'test/fixtures/conformance');

describe('conformance vectors', () => {
  it('passes every public RRULE case through `kalendaryo expand`', () => {
    const cases = path.join(conformance, 'rrule-public.jsonl');
    const run = spawnSync('node', [path.join(conformance, 'check-rrule.mjs'), '--lines', cases, 'npx', 'kalendaryo', 'expand'],
      { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 });
    const total = run.stdout.match(/(\d+) cases in/)?.[1];
    expect(run.stdout).toContain(`${total} passed, 0 failed`);
    expect(Number(total)).toBeGreaterThanOrEqual(308);
    expect(run.status).toBe(0);
  }, 150_000);
});
