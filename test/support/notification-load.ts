import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Database, openDatabase } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import { bootstrap } from '../../src/features/setup/bootstrap.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface LoadDatabase {
  database: Database;
  url: string;
  organizationId: string;
  entryId: string;
  close(): Promise<void>;
}

/**
 * A PostgreSQL database of its own (dropped and made again), migrated, with an organisation and
 * one entry two days ahead for reminders to be about: worker processes use it through
 * DATABASE_URL as they would in production (public schema).
 */
export async function freshLoadDatabase(serverUrl: string, name: string): Promise<LoadDatabase> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
  const admin = await openDatabase({ url: serverUrl, poolSize: 1 });
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.close();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 4 });
  await migrate(database);
  const { organizationId } = await bootstrap(database.db, { adminEmail: 'admin@load.local' });
  const [calendar] = await database.query<{ id: string }>('select id from calendars where organization_id = $1 limit 1', [organizationId]);
  const start = new Date(Date.now() + 2 * 86_400_000);
  const end = new Date(start.getTime() + 3_600_000);
  const [entry] = await database.query<{ id: string }>(
    `insert into entries (organization_id, calendar_id, uid, module, kind, title, start_at, end_at, span_start, span_end)
     values ($1, $2, 'load-entry@kalendaryo', 'general', 'meeting', 'Load test meeting', $3, $4, $3, $4) returning id`,
    [organizationId, calendar!.id, start, end],
  );
  return { database, url: url.toString(), organizationId, entryId: entry!.id, close: () => database.close() };
}

/** `count` e-mail reminders, all due at `at`, to distinct addresses (one outbox row each). */
export async function insertDueReminders(load: LoadDatabase, count: number, at: Date): Promise<void> {
  await load.database.query(
    `insert into notifications (organization_id, recipient_email, type, channel, entry_id, occurrence_at, dedupe_key, scheduled_at)
     select $1, 'person' || i || '@example.org', 'reminder', 'email', $2, e.start_at, 'reminder:load:' || i, $3
       from generate_series(1, $4::int) i, entries e where e.id = $2`,
    [load.organizationId, load.entryId, at, count],
  );
}

export async function statusCounts(load: LoadDatabase): Promise<Record<string, number>> {
  const rows = await load.database.query<{ status: string; n: number }>('select status, count(*)::int as n from notifications group by status');
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/** `node bin/kalendaryo.mjs worker` as a child process against the load database. */
export function spawnWorker(load: LoadDatabase, smtpUrl: string, env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [path.join(ROOT, 'bin/kalendaryo.mjs'), 'worker'], {
    cwd: ROOT,
    // SECRET_KEY: the workers agree on the signing key without a key file in the repository's data directory.
    env: { ...process.env, DATABASE_URL: load.url, SMTP_URL: smtpUrl, LOG_LEVEL: 'error', WORKER_POLL_MS: '200', SECRET_KEY: 'kalendaryo-load-test-signing-key-not-a-secret', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

/** Resolves when the worker says it is delivering (start-up: tsx, migrations check, connections). */
export function workerReady(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('delivering')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
  });
}

export async function stopWorker(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}

export async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
