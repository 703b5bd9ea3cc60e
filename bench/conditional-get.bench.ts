/**
 * Issue #17: "a conditional GET renders the whole feed before answering 304". Twenty clients at once
 * send If-None-Match with the ETag they were given for a quarter of the small demo organisation's
 * calendar, ten rounds; the figure is the server's time per request (arrival to last byte), p50 and
 * p95, every answer a 304, and the server process's CPU time per answer. Two windows: one the occurrence cache serves, and the same with a search
 * (`q=`), which the cache does not serve (the feed is then read from the database every time).
 * PostgreSQL, database `kalendaryo_bench_conditional` (made and loaded on first run; BENCH_CONDITIONAL_URL overrides).
 */
import type { Report } from './run.js';
import { BENCH_NOW, benchApp, ensurePgDatabase, forkHttpClient, percentile } from './support.js';
import { openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { loadDemo } from '../src/features/demo/load-demo.js';

const URL_ = process.env.BENCH_CONDITIONAL_URL ?? 'postgres://postgres@127.0.0.1:5432/kalendaryo_bench_conditional';
const CLIENTS = 20;
const ROUNDS = 10;

export default async function (report: Report) {
  await ensurePgDatabase(URL_);
  const database = await openDatabase({ url: URL_, poolSize: 20 });
  await migrate(database);
  const [row] = await database.query<{ n: number }>('select count(*)::int as n from entries');
  if (row!.n === 0) await loadDemo(database, { size: 'small', now: BENCH_NOW, adminEmail: 'admin@bench.local' });
  await database.query('analyze');
  const { app, headers, serverTime } = await benchApp(database);
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const client = forkHttpClient(CLIENTS);
  const start = new Date(BENCH_NOW.getTime() - 45 * 86_400_000).toISOString().slice(0, 10);
  const end = new Date(BENCH_NOW.getTime() + 45 * 86_400_000).toISOString().slice(0, 10);
  try {
    for (const [name, query] of [['cached_window', ''], ['search', '&q=consultation']] as const) {
      const url = `${address}/api/v1/calendar?start=${start}&end=${end}${query}`;
      const first = await app.inject({ method: 'GET', url: url.slice(address.length), headers });
      const etag = first.headers.etag as string;
      report(`calendar.conditional_get.${name}.events`, (first.json() as unknown[]).length, 'events');
      serverTime.take();
      const cpu = process.cpuUsage();
      for (let round = 0; round < ROUNDS; round++) {
        const answers = await Promise.all(Array.from({ length: CLIENTS }, () => client.get(url, { ...headers, 'if-none-match': etag })));
        const other = answers.find((a) => a.status !== 304);
        if (other) throw new Error(`${name}: answered ${other.status}, not 304`);
      }
      const used = process.cpuUsage(cpu);
      const times = serverTime.take().sort((a, b) => a - b);
      // The server's own CPU per answer (the client is another process): steadier than times on a shared machine.
      report(`calendar.conditional_get.${name}.server_cpu_per_304`, (used.user + used.system) / 1000 / times.length, 'ms');
      report(`calendar.conditional_get.${name}.20_concurrent.p50`, percentile(times, 50), 'ms');
      report(`calendar.conditional_get.${name}.20_concurrent.p95`, percentile(times, 95), 'ms');
    }
  } finally {
    client.close();
    await app.close();
    await database.close();
  }
}
