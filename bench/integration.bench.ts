/**
 * Integration API and holidays sync on a fresh in-memory database (PGlite; PostgreSQL when
 * BENCH_INTEGRATION_PG is set to a URL): a 1000-line NDJSON bulk that creates, the same bulk
 * again (all unchanged), and the holidays of four years synced twice.
 */
import { openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { syncHolidays } from '../src/features/holidays/sync-holidays.js';
import { bootstrap } from '../src/features/setup/bootstrap.js';
import type { Report } from './run.js';
import { benchApp } from './support.js';

export default async function (report: Report) {
  const url = process.env.BENCH_INTEGRATION_PG;
  const schema = `bench_integration_${Date.now()}`;
  const database = await openDatabase(url ? { url, schema } : {});
  if (url) await database.query(`create schema ${schema}`);
  await migrate(database);
  const setup = await bootstrap(database.db, { adminEmail: 'admin@bench.local' });
  const { app, headers } = await benchApp(database);
  const [cal] = await database.query<{ id: string }>("select id from calendars where module = 'staff'");
  const lines = Array.from({ length: 1000 }, (_, i) => JSON.stringify({
    externalId: `TR-${i}`,
    entry: { title: `Training ${i}`, calendarId: cal!.id, start: `2026-0${1 + (i % 9)}-1${i % 10}T09:00:00+08:00`, end: `2026-0${1 + (i % 9)}-1${i % 10}T12:00:00+08:00`, kind: 'training_session', rrule: i % 10 === 0 ? 'FREQ=WEEKLY;COUNT=4' : null },
  })).join('\n');
  const run = async () => {
    const t0 = performance.now();
    const response = await app.inject({ method: 'POST', url: '/api/v1/sources/hris/entries:bulk', headers: { ...headers, 'content-type': 'application/x-ndjson' }, payload: lines });
    const ms = performance.now() - t0;
    if (response.statusCode !== 200) throw new Error(response.body);
    return { ms, summary: response.json().summary as Record<string, number> };
  };
  const created = await run();
  if (created.summary.created !== 1000) throw new Error(JSON.stringify(created.summary));
  report('integration.bulk_1000_create', created.ms, 'ms');
  const again = await run();
  if (again.summary.unchanged !== 1000) throw new Error(JSON.stringify(again.summary));
  report('integration.bulk_1000_unchanged', again.ms, 'ms');
  let t0 = performance.now();
  const first = await syncHolidays(database.db, setup.organizationId, 2025, 2028);
  report('holidays.sync_4_years_first', performance.now() - t0, 'ms');
  report('holidays.sync_4_years_entries', first.created, 'entries');
  t0 = performance.now();
  await syncHolidays(database.db, setup.organizationId, 2025, 2028);
  report('holidays.sync_4_years_again', performance.now() - t0, 'ms');
  await app.close();
  if (url) await database.query(`drop schema ${schema} cascade`);
  await database.close();
}
