import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../src/config.js';
import { type Database, openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { createApiToken } from '../src/features/auth/tokens.js';
import { loadDemo } from '../src/features/demo/load-demo.js';
import { buildApp } from '../src/app.js';

export const BENCH_PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/kalendaryo_bench';
export const BENCH_PGLITE_DIR = process.env.BENCH_PGLITE_DIR ?? 'data/bench-pglite-large';
// The large demo organisation is generated relative to this instant, so windows are stable across runs.
export const BENCH_NOW = new Date('2026-11-25T00:00:00Z');
/** The benches' databases outlive a run: a fixed SECRET_KEY signs their links, no key file in the repository. */
export const BENCH_SECRET_KEY = 'kalendaryo-bench-signing-key-not-a-secret-0001';

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Creates the bench database on the server when it is missing (it is kept between runs: loading takes minutes). */
export async function ensurePgDatabase(url: string): Promise<void> {
  const parsed = new URL(url);
  const name = parsed.pathname.slice(1);
  parsed.pathname = '/postgres';
  const admin = await openDatabase({ url: parsed.toString(), poolSize: 1 });
  const [exists] = await admin.query('select 1 from pg_database where datname = $1', [name]);
  if (!exists) await admin.query(`create database "${name.replace(/"/g, '')}"`);
  await admin.close();
}

/** An empty, migrated database on the server at `url`, dropped and made again (benches that load their own data). */
export async function freshPgDatabase(url: string, poolSize: number): Promise<Database> {
  const parsed = new URL(url);
  const name = parsed.pathname.slice(1).replace(/"/g, '');
  parsed.pathname = '/postgres';
  const admin = await openDatabase({ url: parsed.toString(), poolSize: 1 });
  await admin.query(`drop database if exists "${name}" with (force)`);
  await admin.query(`create database "${name}"`);
  await admin.close();
  const database = await openDatabase({ url, poolSize });
  await migrate(database);
  return database;
}

/** The large demo organisation (about a million entries over ten years), loaded once and reused. */
export async function openLargeOrganisation(kind: 'postgres' | 'pglite'): Promise<Database> {
  if (kind === 'postgres') await ensurePgDatabase(BENCH_PG_URL);
  const database = await openDatabase(kind === 'postgres' ? { url: BENCH_PG_URL, poolSize: 20 } : { dataDir: BENCH_PGLITE_DIR });
  await migrate(database);
  const [row] = await database.query<{ n: number }>('select count(*)::int as n from entries');
  if (row!.n < 500_000) {
    process.stderr.write(`loading the large demo organisation into ${kind} (once; it takes minutes)…\n`);
    await loadDemo(database, { size: 'large', now: BENCH_NOW, adminEmail: 'admin@bench.local' });
  }
  await database.query('analyze');
  return database;
}

export async function benchApp(database: Database) {
  // One token books for all the load generator's clients: its throughput is measured, not the per-user creation limits.
  const app = await buildApp({ database, config: loadConfig({ LOG_LEVEL: 'silent', SECRET_KEY: BENCH_SECRET_KEY, CREATION_LIMIT_FACTOR: '0' }), logger: false });
  const serverTime = recordServerTimes(app);
  await app.ready();
  const [admin] = await database.query<{ id: string; organization_id: string }>("select id, organization_id from users where role = 'admin' order by created_at limit 1");
  const { token } = await createApiToken(database.db, { userId: admin!.id, organizationId: admin!.organization_id }, 'bench');
  return { app, headers: { authorization: `Bearer ${token}` }, serverTime };
}

/**
 * Where a request's time is measured: from its arrival to its last byte handed to the socket.
 * last(): the latest request's; take(): every one since the previous take (concurrent clients).
 */
export function recordServerTimes(app: FastifyInstance): { last(): number; take(): number[] } {
  let last = Number.NaN;
  let all: number[] = [];
  app.addHook('onResponse', async (_request, reply) => {
    last = reply.elapsedTime;
    all.push(last);
  });
  const take = () => {
    const taken = all;
    all = [];
    return taken;
  };
  return { last: () => last, take };
}

/**
 * A client in a separate process, so that reading megabytes of JSON (or generating load) does not
 * share the server's thread; inFlight: how many of its requests may be outstanding at once.
 */
export function forkHttpClient(inFlight = 1) {
  const child = fork(fileURLToPath(new URL('./http-client.mjs', import.meta.url)), [String(inFlight)]);
  let next = 0;
  const waiting = new Map<number, (answer: { status: number; bytes: number; ms: number; error?: string }) => void>();
  child.on('message', (answer: { id: number; status: number; bytes: number; ms: number; error?: string }) => {
    waiting.get(answer.id)?.(answer);
    waiting.delete(answer.id);
  });
  const send = (request: { url: string; headers: Record<string, string>; method?: string; body?: unknown }) => {
    const id = ++next;
    return new Promise<{ status: number; bytes: number; ms: number }>((resolve, reject) => {
      waiting.set(id, (answer) => (answer.error ? reject(new Error(answer.error)) : resolve(answer)));
      child.send({ id, ...request });
    });
  };
  return {
    get: (url: string, headers: Record<string, string>) => send({ url, headers }),
    post: (url: string, headers: Record<string, string>, body: unknown) => send({ url, headers, method: 'POST', body }),
    close: () => child.disconnect(),
  };
}

/** An API token for the first user with this role in the bench organisation. */
export async function tokenFor(database: Database, role: string): Promise<Record<string, string>> {
  const [user] = await database.query<{ id: string; organization_id: string }>('select id, organization_id from users where role = $1 order by created_at, email limit 1', [role]);
  const { token } = await createApiToken(database.db, { userId: user!.id, organizationId: user!.organization_id }, `bench ${role}`);
  return { authorization: `Bearer ${token}` };
}
