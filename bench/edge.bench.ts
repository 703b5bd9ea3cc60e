/**
 * What the HTTP-edge guards cost (docs/edge.md): the NUL/depth walk over a request body, one
 * counted failed attempt at a secret (the attempt_counters upsert; PGlite, or PostgreSQL when
 * BENCH_EDGE_PG is a URL), and a request through the guarded outbound client next to a plain one.
 */
import { createServer } from 'node:http';
import http from 'node:http';
import { findHostileValue } from '../src/core/input/hostile-values.js';
import { openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { AttemptLimiter } from '../src/features/auth/attempt-limits.js';
import { Problem } from '../src/http/problem.js';
import { createGuardedFetch } from '../src/net/guarded-fetch.js';
import type { Report } from './run.js';
import { percentile } from './support.js';

function timeEach(runs: number, fn: () => void): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b);
}

export default async function (report: Report) {
  const entry = { title: 'Coordination meeting', calendarId: '00000000-0000-4000-8000-000000000000', start: '2026-03-02T09:00:00+08:00', end: '2026-03-02T10:30:00+08:00', details: { agenda: ['a', 'b'], participants: [{ name: 'x', role: 'y' }] } };
  report('edge.hostile_walk.entry_body.p50', percentile(timeEach(20_000, () => findHostileValue(entry)), 50) * 1000, 'µs');
  const big = Array.from({ length: 5000 }, (_, i) => ({ ...entry, title: `Entry ${i} ${'x'.repeat(100)}` }));
  report('edge.hostile_walk.body_bytes', JSON.stringify(big).length, 'bytes');
  report('edge.hostile_walk.big_body.p50', percentile(timeEach(20, () => findHostileValue(big)), 50), 'ms');

  const url = process.env.BENCH_EDGE_PG;
  const schema = `bench_edge_${Date.now()}`;
  const database = await openDatabase(url ? { url, schema } : {});
  if (url) await database.query(`create schema ${schema}`);
  await migrate(database);
  const limiter = new AttemptLimiter(database, { LOGIN_RATE_LIMIT: 1_000_000, LOGIN_ADDRESS_LIMIT: 1_000_000 });
  const failing = async () => {
    throw new Problem(400, 'Bad Request', 'bad link');
  };
  const counted: number[] = [];
  for (let i = 0; i < 300; i++) {
    const t0 = performance.now();
    await limiter.guardFailures(limiter.keysFor('rsvp-link', `203.0.113.${i % 50}`), failing).catch(() => {});
    counted.push(performance.now() - t0);
  }
  counted.sort((a, b) => a - b);
  report(`edge.attempt_counted_failure.${database.kind}.p50`, percentile(counted, 50), 'ms');
  report(`edge.attempt_counted_failure.${database.kind}.p95`, percentile(counted, 95), 'ms');
  if (url) await database.query(`drop schema ${schema} cascade`);
  await database.close();

  const server = createServer((_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const target = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  const guarded = createGuardedFetch({ allow: '127.0.0.1/32' });
  const agent = new http.Agent({ keepAlive: true });
  const plain = () => new Promise<void>((resolve, reject) => http.get(target, { agent }, (res) => res.resume().on('end', resolve)).on('error', reject));
  const timeAsync = async (fn: () => Promise<unknown>) => {
    const times: number[] = [];
    for (let i = 0; i < 500; i++) {
      const t0 = performance.now();
      await fn();
      times.push(performance.now() - t0);
    }
    return percentile(times.sort((a, b) => a - b), 50);
  };
  report('edge.outbound.plain_keepalive.p50', await timeAsync(plain), 'ms');
  report('edge.outbound.guarded_keepalive.p50', await timeAsync(() => guarded.fetch(target)), 'ms');
  guarded.close();
  agent.destroy();
  server.close();
}
