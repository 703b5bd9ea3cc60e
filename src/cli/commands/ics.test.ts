import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function kalendaryo(...args: string[]): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin/kalendaryo.mjs'), ...args], { cwd: repoRoot });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out })));
}

describe('kalendaryo ics', () => {
  it('prints its help and exits 0', async () => {
    const r = await kalendaryo('ics', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/usage: kalendaryo ics check FILE/);
  });

  it('reports a refused file with its line for a person, exit 1; a missing file is exit 2', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kalendaryo-ics-'));
    const file = path.join(dir, 'bad.ics');
    writeFileSync(file, 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY no colon\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n');
    const r = await kalendaryo('ics', 'check', file);
    expect(r.code).toBe(1);
    expect(r.out).toContain('bad.ics:3: invalid');
    expect((await kalendaryo('ics', 'check', path.join(dir, 'none.ics'))).code).toBe(2);
  });

  it('lists occurrences for a person', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kalendaryo-ics-'));
    const file = path.join(dir, 'ok.ics');
    writeFileSync(file, 'BEGIN:VCALENDAR\r\nX-WR-CALNAME:Desk\r\nBEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Hearing\r\nDTSTART;TZID=Asia/Manila:20260310T140000\r\nDTEND;TZID=Asia/Manila:20260310T160000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n');
    const r = await kalendaryo('ics', 'check', file, '--from', '2026-03-01', '--to', '2026-04-01');
    expect(r.code).toBe(0);
    expect(r.out).toContain('2026-03-10T14:00:00+08:00 → 2026-03-10T16:00:00+08:00  Hearing');
  });
});
