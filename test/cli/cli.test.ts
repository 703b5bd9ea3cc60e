import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { processStartTime } from '../../src/db/data-lock.js';

const run = promisify(execFile);
const bin = path.resolve('bin/kalendaryo.mjs');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kalendaryo-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs the real command on the embedded database in a scratch data directory. */
async function kalendaryo(args: string[], env: Record<string, string> = {}) {
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env: { ...rest, DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env }, timeout: 90_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('the kalendaryo command', { timeout: 180_000 }, () => {
  it('migrates, creates a user and prints a working token for them', async () => {
    const migrated = await kalendaryo(['migrate']);
    expect(migrated.code, migrated.stderr).toBe(0);
    expect(migrated.stdout).toContain('0000_init');
    const created = await kalendaryo(['user', 'create', '--email', 'coordinator@example.org', '--password', 'a long password', '--role', 'manager']);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain('created manager coordinator@example.org');
    const token = await kalendaryo(['token', 'create', '--email', 'coordinator@example.org']);
    expect(token.code, token.stderr).toBe(0);
    expect(token.stdout.trim()).toMatch(/^kal_[A-Za-z0-9_-]{40,}$/);
  });

  it('refuses to touch the embedded database while another process holds it, and changes nothing', async () => {
    // The test runner itself is a live process that is not the command: it stands in for a running
    // server, writing the pid file as one does (pid and start time).
    writeFileSync(path.join(dataDir, 'kalendaryo.pid'), `${process.pid} ${processStartTime('self') ?? ''}`.trim());
    try {
      const refused = await kalendaryo(['user', 'create', '--email', 'late@example.org', '--password', 'a long password']);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`in use by another Kalendaryo process (pid ${process.pid})`);
    } finally {
      rmSync(path.join(dataDir, 'kalendaryo.pid'));
    }
    const missing = await kalendaryo(['token', 'create', '--email', 'late@example.org']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no user has the e-mail late@example.org');
  });

  it('names each bad setting at start and exits 1', async () => {
    const bad = await kalendaryo(['migrate'], { PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('PORT="eighty"');
    expect(bad.stderr).toContain('DATABASE_URL="mysql://x": must be a postgres://');
  });

  it('answers an unknown command with usage and status 2', async () => {
    const unknown = await kalendaryo(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
  });
});
