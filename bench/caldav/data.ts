import { vtimezoneText } from '../../src/core/ics/index.js';
import type { Database } from '../../src/db/client.js';

/**
 * The comparison's data, the same for both servers: 1,000 weekly series of ten meetings (10,000
 * events) in Asia/Manila, starting on days spread over 2026 between 08:00 and 15:00, an hour each.
 */
export const SERIES = 1000;
export const COUNT = 10;
const DAY_MS = 86_400_000;
const MANILA_OFFSET_MS = 8 * 3_600_000;
const JAN_1 = Date.UTC(2026, 0, 1);

export interface BenchSeries {
  uid: string;
  title: string;
  /** The first start, epoch ms. */
  startMs: number;
}

export function benchSeries(): BenchSeries[] {
  return Array.from({ length: SERIES }, (_, i) => ({
    uid: `bench-series-${i}@kalendaryo`,
    title: `Coordination meeting ${i}`,
    startMs: JAN_1 + Math.floor((i * 293) / SERIES) * DAY_MS + (8 + (i % 8)) * 3_600_000 - MANILA_OFFSET_MS,
  }));
}

const local = (ms: number) => new Date(ms + MANILA_OFFSET_MS).toISOString().replace(/[-:]/g, '').slice(0, 15);

/** One series as a calendar app would PUT it (Radicale's copy). */
export function seriesIcs(s: BenchSeries): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Kalendaryo//Bench//EN', vtimezoneText('Asia/Manila', 2026, 2027).trimEnd(), 'BEGIN:VEVENT', `UID:${s.uid}`,
    'DTSTAMP:20260101T000000Z', `DTSTART;TZID=Asia/Manila:${local(s.startMs)}`, `DTEND;TZID=Asia/Manila:${local(s.startMs + 3_600_000)}`,
    `RRULE:FREQ=WEEKLY;COUNT=${COUNT}`, `SUMMARY:${s.title}`, 'DESCRIPTION:Agenda: budget\\, logistics\\; follow-ups', 'LOCATION:Cotabato City', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
}

/** The same series as entries of one calendar, in one statement (as stored after a PUT: span and all). */
export async function insertSeries(database: Database, ids: { organizationId: string; calendarId: string; userId: string }, series: BenchSeries[]): Promise<void> {
  await database.query(
    `insert into entries (organization_id, calendar_id, uid, module, kind, title, description, location, organizer_id, created_by,
       status, visibility, start_at, end_at, time_zone, rrule, span_start, span_end)
     select $1, $2, s.uid, 'coordination', 'event', s.title, 'Agenda: budget, logistics; follow-ups', 'Cotabato City', $3, $3, 'scheduled', 'internal',
       s.start_at, s.start_at + interval '1 hour', 'Asia/Manila', 'FREQ=WEEKLY;COUNT=${COUNT}', s.start_at - interval '2 days', s.start_at + interval '${COUNT - 1} weeks 1 hour'
     from unnest($4::text[], $5::text[], $6::timestamptz[]) as s(uid, title, start_at)`,
    [ids.organizationId, ids.calendarId, ids.userId, series.map((s) => s.uid), series.map((s) => s.title), series.map((s) => new Date(s.startMs))],
  );
}
