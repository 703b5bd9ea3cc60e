import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDirBusyError, lockDataDir, processStartTime } from './data-lock.js';

// Live processes to name in pid files: one that is plainly not Kalendaryo, one whose command line says it is.
let other: ChildProcess;
let kalendaryo: ChildProcess;
let root = '';
const sleeper = (...args: string[]) => spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)', ...args], { stdio: 'ignore' });

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'kal-lock-'));
  other = sleeper();
  kalendaryo = sleeper('kalendaryo', 'serve');
  // Both have started once they are spawned; their /proc entries exist from then on.
  await Promise.all([other, kalendaryo].map((child) => new Promise((resolve) => child.once('spawn', resolve))));
});
afterAll(() => {
  other?.kill();
  kalendaryo?.kill();
  rmSync(root, { recursive: true, force: true });
});

let n = 0;
function dirWithPidFile(content: string): string {
  const dir = path.join(root, `d${++n}`);
  lockDataDir(dir)();
  writeFileSync(path.join(dir, 'kalendaryo.pid'), content);
  return dir;
}

describe('the embedded data directory lock', () => {
  it('is taken over from a pid file naming a live process that is not Kalendaryo (an old pid file after a crash)', () => {
    const dir = dirWithPidFile(String(other.pid));
    const unlock = lockDataDir(dir);
    expect(readFileSync(path.join(dir, 'kalendaryo.pid'), 'utf8')).toMatch(new RegExp(`^${process.pid}\\b`));
    unlock();
  });

  it('is taken over when the pid now belongs to a process started at another time (pid reused)', () => {
    const dir = dirWithPidFile(`${kalendaryo.pid} 1`);
    lockDataDir(dir)();
  });

  it('is taken over from a process that is gone', () => {
    const dir = dirWithPidFile('999999999');
    lockDataDir(dir)();
  });

  it('refuses while the Kalendaryo process named holds it, by pid and start time or, for an old file, by its command line', () => {
    for (const content of [`${kalendaryo.pid} ${processStartTime(kalendaryo.pid!)}`, String(kalendaryo.pid)]) {
      const dir = dirWithPidFile(content);
      expect(() => lockDataDir(dir)).toThrow(DataDirBusyError);
    }
  });
});
