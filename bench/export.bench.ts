/**
 * Issue "The integrated calendar", item 8: the ICS export of 10k, 50k and 100k stored entries,
 * streamed (time, and peak RSS above the RSS before the export: it should stay flat as the count
 * grows). Entries are bulk-inserted into a fresh organisation on the PostgreSQL server
 * (BENCH_EXPORT_DATABASE_URL, default kalendaryo_export_bench; dropped and made again each run).
 * Then the 100k file is imported back (streamed from disk) into the emptied calendar: time and RSS.
 */
import { createReadStream, createWriteStream, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import type { Actor } from '../src/features/auth/actor.js';
import { resolveExportView } from '../src/features/exports/export-view.js';
import { exportIcs } from '../src/features/exports/ics-export.js';
import { importIcs } from '../src/features/ics-import/import-ics.js';
import { bootstrap } from '../src/features/setup/bootstrap.js';
import type { Report } from './run.js';
import { freshPgDatabase } from './support.js';

const URL_ = process.env.BENCH_EXPORT_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/kalendaryo_export_bench';


/** `count` entries through 2026: one in ten a weekly series of ten, one in twenty all-day, a third in New York time. */
const INSERT = `
insert into entries (organization_id, calendar_id, uid, module, kind, title, description, location, organizer_id, created_by,
  status, visibility, all_day, start_at, end_at, start_date, end_date, time_zone, rrule, span_start, span_end)
select $1, $2, 'bench-' || n || '@kalendaryo', 'coordination', 'event', 'Coordination meeting ' || n,
  'Agenda item ' || n || ': budget, logistics; follow-ups', 'Cotabato City', $3, $3, 'scheduled', 'internal',
  n % 20 = 0, s, s + interval '90 minutes',
  case when n % 20 = 0 then (s at time zone 'Asia/Manila')::date end, case when n % 20 = 0 then (s at time zone 'Asia/Manila')::date + 1 end,
  case when n % 3 = 0 then 'America/New_York' else 'Asia/Manila' end,
  case when n % 10 = 1 then 'FREQ=WEEKLY;COUNT=10' end,
  s - interval '2 days', case when n % 10 = 1 then s + interval '70 days' else s + interval '90 minutes' end
from (select n, timestamptz '2026-01-01 00:00:00+00' + ((n * 7919) % 8000) * interval '1 hour' as s from generate_series($4::int, $5::int) n) g`;

export default async function exportBench(report: Report) {
  const database = await freshPgDatabase(URL_, 4);
  try {
    const setup = await bootstrap(database.db, { adminEmail: 'admin@bench.local' });
    const [admin] = await database.query<{ id: string; time_zone: string }>("select id, time_zone from users where role = 'admin' limit 1");
    const [calendar] = await database.query<{ id: string }>("select id from calendars where module = 'coordination' limit 1");
    const actor: Actor = { userId: admin!.id, organizationId: setup.organizationId, email: 'admin@bench.local', name: 'Admin', role: 'admin', timeZone: admin!.time_zone, via: 'token', csrfToken: null };
    let inserted = 0;
    for (const count of [10_000, 50_000, 100_000]) {
      await database.query(INSERT, [setup.organizationId, calendar!.id, admin!.id, inserted + 1, count]);
      inserted = count;
      await database.query('analyze entries');
      const view = await resolveExportView(database, actor, { start: '2026-01-01', end: '2027-01-01' });
      const baseline = process.memoryUsage().rss;
      let peak = baseline;
      let bytes = 0;
      let events = 0;
      const started = performance.now();
      for await (const chunk of exportIcs(database, actor, view, 'Bench', new Date())) {
        bytes += Buffer.byteLength(chunk);
        if (++events % 500 === 0) peak = Math.max(peak, process.memoryUsage().rss);
      }
      const ms = performance.now() - started;
      peak = Math.max(peak, process.memoryUsage().rss);
      report(`export.ics.${count / 1000}k.time`, ms, 'ms');
      report(`export.ics.${count / 1000}k.bytes`, bytes / 1e6, 'MB');
      report(`export.ics.${count / 1000}k.peak_rss_above_start`, (peak - baseline) / 1e6, 'MB');
      report(`export.ics.${count / 1000}k.peak_rss`, peak / 1e6, 'MB');
    }
    const file = path.join(tmpdir(), `kalendaryo-export-bench-${process.pid}.ics`);
    try {
      const view = await resolveExportView(database, actor, { start: '2026-01-01', end: '2027-01-01' });
      const out = createWriteStream(file);
      for await (const chunk of exportIcs(database, actor, view, 'Bench', new Date())) if (!out.write(chunk)) await once(out, 'drain');
      out.end();
      await once(out, 'finish');
      await database.query('delete from entries where series_id is not null');
      await database.query('delete from entries');
      const baseline = process.memoryUsage().rss;
      let peak = baseline;
      const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
      const started = performance.now();
      const result = await importIcs(database, actor, createReadStream(file), { calendarId: calendar!.id, mode: 'all-or-nothing', zone: 'Asia/Manila' });
      clearInterval(timer);
      if (result.created !== inserted) throw new Error(`import created ${result.created} of ${inserted}`);
      report('import.ics.100k.time', performance.now() - started, 'ms');
      report('import.ics.100k.peak_rss_above_start', (peak - baseline) / 1e6, 'MB');
    } finally {
      rmSync(file, { force: true });
    }
  } finally {
    await database.close();
  }
}
