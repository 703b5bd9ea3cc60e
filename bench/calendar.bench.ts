/**
 * Issue "Foundation" figures: month-window range query on the large demo organisation (server-side
 * p50/p95 on PostgreSQL and PGlite), and GET /api/v1/calendar throughput for a week window under 50
 * concurrent connections against a bare Fastify route returning the same bytes, in the same run.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import Fastify from 'fastify';
import type { Report } from './run.js';
import { BENCH_NOW, benchApp, openLargeOrganisation, percentile } from './support.js';

const MONTHS = 40;

async function monthWindows(report: Report, kind: 'postgres' | 'pglite') {
  const database = await openLargeOrganisation(kind);
  const { app, headers } = await benchApp(database);
  const timings: number[] = [];
  let events = 0;
  // Months spread over the ten years of data; the first two warm the caches and are not counted.
  for (let i = -2; i < MONTHS; i++) {
    const month = new Date(Date.UTC(2022, Math.abs(i) * 2 + (i < 0 ? 5 : 0), 1));
    const end = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1));
    const url = `/api/v1/calendar?start=${month.toISOString().slice(0, 10)}&end=${end.toISOString().slice(0, 10)}`;
    const started = performance.now();
    const response = await app.inject({ method: 'GET', url, headers });
    const ms = performance.now() - started;
    if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body.slice(0, 200)}`);
    if (i >= 0) {
      timings.push(ms);
      events += (response.json() as unknown[]).length;
    }
  }
  timings.sort((a, b) => a - b);
  report(`calendar.month_window.${kind}.p50`, percentile(timings, 50), 'ms');
  report(`calendar.month_window.${kind}.p95`, percentile(timings, 95), 'ms');
  report(`calendar.month_window.${kind}.events_per_window`, events / MONTHS, 'events');
  const filtered: number[] = [];
  for (let i = 0; i < MONTHS; i++) {
    const month = new Date(Date.UTC(2022, i * 2, 1));
    const end = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1));
    const started = performance.now();
    await app.inject({ method: 'GET', url: `/api/v1/calendar?start=${month.toISOString().slice(0, 10)}&end=${end.toISOString().slice(0, 10)}&modules=mana`, headers });
    filtered.push(performance.now() - started);
  }
  filtered.sort((a, b) => a - b);
  report(`calendar.month_window_one_module.${kind}.p95`, percentile(filtered, 95), 'ms');
  const overview: number[] = [];
  for (let i = 0; i < 20; i++) {
    const month = new Date(Date.UTC(2022, i * 3, 1));
    const end = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1));
    const started = performance.now();
    const response = await app.inject({ method: 'GET', url: `/api/v1/calendar/overview?start=${month.toISOString().slice(0, 10)}&end=${end.toISOString().slice(0, 10)}`, headers });
    if (response.statusCode !== 200) throw new Error(`overview: ${response.statusCode} ${response.body.slice(0, 200)}`);
    overview.push(performance.now() - started);
  }
  overview.sort((a, b) => a - b);
  report(`calendar.overview_month.${kind}.p50`, percentile(overview, 50), 'ms');
  report(`calendar.overview_month.${kind}.p95`, percentile(overview, 95), 'ms');
  return { app, headers, database };
}

const autocannonBin = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

/** Load from a separate process, so the load generator does not share the server's event loop. */
async function load(url: string, headers: Record<string, string>) {
  const args = [autocannonBin, '-c', '50', '-d', '10', '-t', '60', '-j', ...Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]), url];
  const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 });
  const result = JSON.parse(stdout) as { non2xx: number; errors: number; timeouts: number; requests: { average: number } };
  if (result.non2xx > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers`);
  return { rps: result.requests.average, errors: result.errors + result.timeouts };
}

export default async function (report: Report) {
  const { app, headers, database } = await monthWindows(report, 'postgres');
  try {
    const week = new Date(BENCH_NOW.getTime() + 7 * 86_400_000);
    const path = `/api/v1/calendar?start=${BENCH_NOW.toISOString().slice(0, 10)}&end=${week.toISOString().slice(0, 10)}`;
    const body = (await app.inject({ method: 'GET', url: path, headers })).body;
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const bare = Fastify();
    bare.get('/api/v1/calendar', async (_request, reply) => reply.type('application/json; charset=utf-8').send(body));
    const bareAddress = await bare.listen({ port: 0, host: '127.0.0.1' });
    const feed = await load(`${address}${path}`, headers);
    const baseline = await load(`${bareAddress}${path}`, {});
    report('calendar.week_feed.postgres.requests_per_s', feed.rps, 'req/s');
    report('calendar.week_feed.postgres.errors', feed.errors, 'count');
    report('calendar.week_feed.bare_fastify_same_bytes.requests_per_s', baseline.rps, 'req/s');
    report('calendar.week_feed.share_of_bare', feed.rps / baseline.rps, 'ratio');
    report('calendar.week_feed.response_bytes', Buffer.byteLength(body), 'bytes');
    await bare.close();
  } finally {
    await app.close();
    await database.close();
  }
  if (process.env.BENCH_SKIP_PGLITE !== '1') {
    const pglite = await monthWindows(report, 'pglite');
    await pglite.app.close();
    await pglite.database.close();
  }
}
