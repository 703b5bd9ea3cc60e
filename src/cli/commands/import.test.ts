import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.js';
import { migrate } from '../../db/migrate.js';
import { bootstrap } from '../../features/setup/bootstrap.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const files = path.resolve(repoRoot, 'test/fixtures/conformance/ics');
const dataDir = mkdtempSync(path.join(tmpdir(), 'kalendaryo-import-'));
let calendarId = '';

function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, ADMIN_EMAIL: 'admin@cli.test' };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin/kalendaryo.mjs'), 'import', ...args], { cwd: repoRoot, env });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => resolve({ code: code ?? -1, out, err }));
  });
}

beforeAll(async () => {
  const database = await openDatabase({ dataDir });
  await migrate(database);
  await bootstrap(database.db, { adminEmail: 'admin@cli.test' });
  const [row] = await database.query<{ id: string }>("select id from calendars where module = 'community' limit 1");
  calendarId = row!.id;
  await database.close();
}, 60_000);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('kalendaryo import', () => {
  it('imports a file, and a second run reports everything unchanged (exit 0)', async () => {
    const first = await cli(path.join(files, 'ph-community-observances.ics'), '--calendar', calendarId);
    expect(first, first.err).toMatchObject({ code: 0 });
    expect(first.out).toContain('6 created, 0 updated, 0 unchanged');
    const again = await cli(path.join(files, 'ph-community-observances.ics'), '--calendar', calendarId);
    expect(again.out).toContain('0 created, 0 updated, 6 unchanged');
  }, 60_000);

  it('refuses a bad file with its line and exit status 1', async () => {
    const result = await cli(path.join(files, 'bad-rrule-byday.ics'), '--calendar', calendarId);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/bad-rrule-byday\.ics:21: .*BYDAY.*nothing was imported/);
  }, 60_000);
});
