/**
 * Issue #20's figures, measured side by side with Radicale 3.1.8 (Debian) on the same machine and
 * the same data (bench/caldav/data.ts: 1,000 weekly series, 10,000 events, one calendar):
 *   a one-month time-range REPORT (calendar-query with calendar-data), sync-collection after one
 *   change, a phone's first sync (PROPFIND depth 1 + calendar-multiget in batches of 100), the
 *   whole-collection GET, and loading the data by PUT into Radicale; then 1,000 feed URLs polled
 *   with If-None-Match (304). Kalendaryo runs on the PostgreSQL server (BENCH_CALDAV_DATABASE_URL,
 *   dropped and made again each run), in this process; times are as the client saw them (and, for
 *   Kalendaryo, the server's own time too).
 */
import { loadConfig } from '../src/config.js';
import { buildApp } from '../src/app.js';
import type { Actor } from '../src/features/auth/actor.js';
import { createApiToken } from '../src/features/auth/tokens.js';
import { createFeed } from '../src/features/feeds/manage-feeds.js';
import { bootstrap } from '../src/features/setup/bootstrap.js';
import { benchSeries, insertSeries, seriesIcs } from './caldav/data.js';
import { basic, davFetch, firstSync, monthQuery, syncQuery, syncTokenOf } from './caldav/dav-client.js';
import { startRadicale } from './caldav/radicale.js';
import type { Report } from './run.js';
import { BENCH_SECRET_KEY, freshPgDatabase, percentile, recordServerTimes } from './support.js';

const URL_ = process.env.BENCH_CALDAV_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/kalendaryo_caldav_bench';
const RUNS = 30;
const JUNE = monthQuery('20260601T000000Z', '20260701T000000Z');
const SUBSCRIBERS = 1000;


const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const count = (body: string) => (body.match(/calendar-data>BEGIN:VCALENDAR/g) ?? []).length;

/** Times of `runs` calls of `call` after two warm-up calls. */
async function timed(runs: number, call: () => Promise<{ ms: number }>): Promise<number[]> {
  for (let i = 0; i < 2; i++) await call();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await call()).ms);
  return sorted(times);
}

async function pool<T>(items: T[], inFlight: number, each: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: inFlight }, async () => {
    while (next < items.length) await each(items[next++]!);
  }));
}

export default async function caldavBench(report: Report) {
  const series = benchSeries();
  const database = await freshPgDatabase(URL_, 10);
  const setup = await bootstrap(database.db, { adminEmail: 'admin@bench.local' });
  const [admin] = await database.query<{ id: string; email: string }>("select id, email from users where role = 'admin' limit 1");
  const [calendar] = await database.query<{ id: string }>("select id from calendars where module = 'coordination' limit 1");
  const ids = { organizationId: setup.organizationId, calendarId: calendar!.id, userId: admin!.id };
  await insertSeries(database, ids, series);
  await database.query('analyze');
  const app = await buildApp({ database, config: loadConfig({ LOG_LEVEL: 'silent', SECRET_KEY: BENCH_SECRET_KEY }), logger: false });
  const serverTime = recordServerTimes(app);
  await app.ready();
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const { token } = await createApiToken(database.db, { userId: admin!.id, organizationId: setup.organizationId }, 'bench');
  const auth = basic(admin!.email, token);
  const collection = `${base}/dav/calendars/${admin!.id}/${calendar!.id}/`;
  const radicale = await startRadicale();
  try {
    // Radicale: the same series loaded by PUT, one resource each, as a client would.
    const radicaleCollection = `${radicale.baseUrl}/bench/calendar/`;
    await davFetch(radicaleCollection, radicale.authorization, 'MKCALENDAR');
    const loading = performance.now();
    for (const s of series) {
      const put = await davFetch(`${radicaleCollection}${encodeURIComponent(s.uid)}.ics`, radicale.authorization, 'PUT', seriesIcs(s));
      if (put.status >= 300) throw new Error(`Radicale PUT ${put.status}`);
    }
    report('caldav.radicale.load_1000_series_by_put', performance.now() - loading, 'ms');

    for (const [who, url, authorization] of [['kalendaryo', collection, auth], ['radicale', radicaleCollection, radicale.authorization]] as const) {
      let found = 0;
      serverTime.take();
      const month = await timed(RUNS, async () => {
        const answer = await davFetch(url, authorization, 'REPORT', JUNE, { depth: '1' });
        found = count(answer.body);
        return answer;
      });
      report(`caldav.${who}.report_month_p50`, percentile(month, 50), 'ms');
      report(`caldav.${who}.report_month_p95`, percentile(month, 95), 'ms');
      report(`caldav.${who}.report_month_resources`, found, 'count');
      if (who === 'kalendaryo') report('caldav.kalendaryo.report_month_server_p50', percentile(sorted(serverTime.take()), 50), 'ms');
      // Each month of the year asked once: nothing of the answer itself kept from before.
      const months: number[] = [];
      for (let m = 0; m < 12; m++) {
        const utc = (month: number) => new Date(Date.UTC(2026, month, 1)).toISOString().replace(/[-:]/g, '').slice(0, 15) + 'Z';
        months.push((await davFetch(url, authorization, 'REPORT', monthQuery(utc(m), utc(m + 1)), { depth: '1' })).ms);
      }
      report(`caldav.${who}.report_each_month_once_p50`, percentile(sorted(months), 50), 'ms');

      const whole = await timed(5, () => davFetch(url, authorization, 'GET'));
      report(`caldav.${who}.collection_get_p50`, percentile(whole, 50), 'ms');

      const phone = await firstSync(url, authorization);
      report(`caldav.${who}.first_sync_10000_events`, phone.ms, 'ms');
      report(`caldav.${who}.first_sync_resources`, phone.resources, 'count');

      let syncToken = syncTokenOf((await davFetch(url, authorization, 'REPORT', syncQuery(''), { depth: '1' })).body);
      let i = 0;
      const afterChange = await timed(20, async () => {
        const s = series[i++ % series.length]!;
        if (who === 'kalendaryo') {
          const [row] = await database.query<{ id: string }>('select id from entries where uid = $1', [s.uid]);
          const changed = await app.inject({ method: 'PATCH', url: `/api/v1/entries/${row!.id}`, headers: { authorization: `Bearer ${token}` }, payload: { title: `${s.title} (changed ${i})` } });
          if (changed.statusCode !== 200) throw new Error(`PATCH ${changed.statusCode}`);
        } else {
          await davFetch(`${url}${encodeURIComponent(s.uid)}.ics`, authorization, 'PUT', seriesIcs({ ...s, title: `${s.title} (changed ${i})` }));
        }
        const answer = await davFetch(url, authorization, 'REPORT', syncQuery(syncToken), { depth: '1' });
        syncToken = syncTokenOf(answer.body);
        if (!answer.body.includes('.ics')) throw new Error(`${who}: the change was not reported`);
        return answer;
      });
      report(`caldav.${who}.sync_after_one_change_p50`, percentile(afterChange, 50), 'ms');
    }

    // 1,000 subscribers, each with a feed of the calendar, polling with the ETag they were given.
    const users = await database.query<{ id: string }>(
      `insert into users (organization_id, email, name, role) select $1, 'subscriber' || n || '@bench.local', 'Subscriber ' || n, 'staff'
       from generate_series(1, ${SUBSCRIBERS}) n returning id`, [setup.organizationId]);
    const urls: string[] = [];
    for (const user of users) {
      const actor: Actor = { userId: user.id, organizationId: setup.organizationId, email: '', name: '', role: 'staff', timeZone: 'Asia/Manila', via: 'token', csrfToken: null };
      const { secret } = await createFeed({ db: database.db, now: () => new Date() }, actor, { name: 'Coordination', calendars: [calendar!.id], filters: {}, detail: 'full' });
      urls.push(`${base}/feeds/${secret}.ics`);
    }
    const etags = new Map<string, string>();
    await pool(urls, 10, async (url) => {
      const first = await davFetch(url, '', 'GET');
      etags.set(url, first.headers.get('etag')!);
    });
    // One poll after another (what 1,000 subscribers polling hourly are), then ten at once (a burst).
    for (const inFlight of [1, 10]) {
      serverTime.take();
      const polls: number[] = [];
      await pool(urls, inFlight, async (url) => {
        const again = await davFetch(url, '', 'GET', undefined, { 'if-none-match': etags.get(url)! });
        if (again.status !== 304) throw new Error(`feed poll ${again.status}`);
        polls.push(again.ms);
      });
      const server = sorted(serverTime.take());
      report(`feeds.poll_304_1000_subscribers_${inFlight}_in_flight_p50`, percentile(sorted(polls), 50), 'ms');
      report(`feeds.poll_304_1000_subscribers_${inFlight}_in_flight_p95`, percentile(sorted(polls), 95), 'ms');
      report(`feeds.poll_304_1000_subscribers_${inFlight}_in_flight_server_p95`, percentile(server, 95), 'ms');
    }
  } finally {
    radicale.stop();
    await app.close();
    await database.close();
  }
}
