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
import { BENCH_NOW, benchApp, forkHttpClient, openLargeOrganisation, percentile, tokenFor } from './support.js';

const MONTHS = 40;
const iso = (date: Date) => date.toISOString().slice(0, 10);
const monthQuery = (year: number, month: number) => `start=${iso(new Date(Date.UTC(year, month, 1)))}&end=${iso(new Date(Date.UTC(year, month + 1, 1)))}`;

function percentiles(report: Report, name: string, timings: number[]) {
  timings.sort((a, b) => a - b);
  report(`${name}.p50`, percentile(timings, 50), 'ms');
  report(`${name}.p95`, percentile(timings, 95), 'ms');
}

/**
 * Month windows, timed on the server (arrival to last byte handed to the socket) with the client in
 * another process. "cold": the occurrence cache emptied before every request, months spread over
 * the ten years. "in use": what a running office sees — three people (admin, manager, staff)
 * looking at last, this and next month with and without module filters, while someone edits an
 * entry of this month every 15 requests (each edit is re-read and re-expanded before the next
 * view). Each person's first look at each month comes first and is reported apart ("first_look").
 */
async function monthWindows(report: Report, kind: 'postgres' | 'pglite') {
  const database = await openLargeOrganisation(kind);
  const { app, headers, serverTime } = await benchApp(database);
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const client = forkHttpClient();
  const get = async (url: string, as: Record<string, string>) => {
    const answer = await client.get(`${address}${url}`, as);
    if (answer.status !== 200) throw new Error(`${url}: ${answer.status}`);
    return { ms: serverTime.last(), bytes: answer.bytes };
  };
  const cache = app.ctx.occurrenceCache!;
  const cold: number[] = [];
  for (let i = 0; i < MONTHS; i++) {
    cache.clear();
    cold.push((await get(`/api/v1/calendar?${monthQuery(2022, i * 2)}`, headers)).ms);
  }
  percentiles(report, `calendar.month_window.${kind}.cold`, cold);
  const coldOverview: number[] = [];
  for (let i = 0; i < 12; i++) {
    cache.clear();
    coldOverview.push((await get(`/api/v1/calendar/overview?${monthQuery(2022, i * 6)}`, headers)).ms);
  }
  percentiles(report, `calendar.overview_month.${kind}.cold`, coldOverview);

  const people = [headers, await tokenFor(database, 'manager'), await tokenFor(database, 'staff')];
  const now = BENCH_NOW;
  const months = [-1, 0, 1].map((d) => monthQuery(now.getUTCFullYear(), now.getUTCMonth() + d));
  const filters = ['', '&modules=mana', '&modules=coordination,staff'];
  const editable = await database.query<{ id: string }>(
    `select id from entries where start_at >= $1 and start_at < $1::timestamptz + interval '20 days' and rrule is null and series_id is null and deleted_at is null order by id limit 20`,
    [now.toISOString().slice(0, 8) + '01'],
  );
  let edits = 0;
  const edit = async () => {
    const id = editable[edits++ % editable.length]!.id;
    const response = await app.inject({ method: 'PATCH', url: `/api/v1/entries/${id}`, headers, payload: { title: `Edited during the bench ${edits}` } });
    if (response.statusCode !== 200) throw new Error(`edit: ${response.statusCode} ${response.body.slice(0, 200)}`);
  };
  // Each person's first look at each month builds that month and their presentation of its events
  // (busy / read-only / editable): reported on its own, not mixed into the figures of a server in use.
  const firstLooks: number[] = [];
  for (const month of months) for (const person of people) firstLooks.push((await get(`/api/v1/calendar?${month}`, person)).ms);
  percentiles(report, `calendar.month_window.${kind}.first_look`, firstLooks);
  const inUse: number[] = [];
  let events = 0;
  let unfiltered = 0;
  for (let i = 0; i < 135; i++) {
    if (i > 0 && i % 15 === 0) await edit();
    const filter = filters[Math.floor(i / 9) % 3]!;
    const { ms, bytes } = await get(`/api/v1/calendar?${months[Math.floor(i / 3) % 3]}${filter}`, people[i % 3]!);
    inUse.push(ms);
    if (i % 3 === 0 && filter === '') {
      events += bytes;
      unfiltered++;
    }
  }
  percentiles(report, `calendar.month_window.${kind}`, inUse);
  const sample = await app.inject({ method: 'GET', url: `/api/v1/calendar?${months[1]}`, headers });
  report(`calendar.month_window.${kind}.events_per_window`, (sample.json() as unknown[]).length, 'events');
  report(`calendar.month_window.${kind}.bytes_per_window`, events / unfiltered, 'bytes');
  // As for the feed: each person's first overview of each month (which reads every occurrence's
  // details once and sweeps the month for conflicts once) is reported apart from the overview in use.
  const overviewFirstLooks: number[] = [];
  for (const month of months) for (const person of people) overviewFirstLooks.push((await get(`/api/v1/calendar/overview?${month}`, person)).ms);
  percentiles(report, `calendar.overview_month.${kind}.first_look`, overviewFirstLooks);
  const overview: number[] = [];
  for (let i = 0; i < 45; i++) {
    if (i > 0 && i % 15 === 0) await edit();
    overview.push((await get(`/api/v1/calendar/overview?${months[Math.floor(i / 3) % 3]}`, people[i % 3]!)).ms);
  }
  if (process.env.BENCH_VERBOSE) process.stderr.write(`overview in use: ${overview.map((ms) => ms.toFixed(0)).join(" ")}\n`);
  percentiles(report, `calendar.overview_month.${kind}`, overview);
  client.close();
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

/** BENCH_SKIP_PGLITE=1 / BENCH_SKIP_POSTGRES=1 measure one database only. */
export default async function (report: Report) {
  if (process.env.BENCH_SKIP_POSTGRES !== '1') await postgresFigures(report);
  if (process.env.BENCH_SKIP_PGLITE !== '1') {
    const pglite = await monthWindows(report, 'pglite');
    await pglite.app.close();
    await pglite.database.close();
  }
}

async function postgresFigures(report: Report) {
  const { app, headers, database } = await monthWindows(report, 'postgres');
  try {
    const week = new Date(BENCH_NOW.getTime() + 7 * 86_400_000);
    const path = `/api/v1/calendar?start=${BENCH_NOW.toISOString().slice(0, 10)}&end=${week.toISOString().slice(0, 10)}`;
    const body = (await app.inject({ method: 'GET', url: path, headers })).body;
    const address = app.server.listening ? `http://127.0.0.1:${(app.server.address() as { port: number }).port}` : await app.listen({ port: 0, host: '127.0.0.1' });
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
}
