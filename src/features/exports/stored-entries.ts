import type { Database } from '../../db/client.js';
import { type FeedFilters, feedWhere } from '../calendar/repository.js';

/** An entry as stored (a master, a single entry or an override), with what an ICS export writes. */
export interface StoredEntry {
  id: string;
  uid: string;
  calendar_id: string;
  title: string;
  description: string | null;
  location: string | null;
  status: string;
  visibility: string;
  all_day: boolean;
  is_floating: boolean;
  start_at: Date;
  end_at: Date;
  start_date: string | null;
  end_date: string | null;
  time_zone: string;
  rrule: string | null;
  rdate: string[];
  exdate: string[];
  series_id: string | null;
  recurrence_id: string | null;
  sequence: number;
  updated_at: Date;
  deleted_at: Date | null;
  organizer_id: string | null;
  created_by: string | null;
  organizer_email: string | null;
  organizer_name: string | null;
  /** An override's series visibility (the policy keeps overrides of private series private). */
  series_visibility: string | null;
}

/** The columns of a StoredEntry, from `entries e left join users u on u.id = e.organizer_id`. */
export const STORED_COLUMNS = `e.id, e.uid, e.calendar_id, e.title, e.description, e.location, e.status, e.visibility, e.all_day, e.is_floating,
  e.start_at, e.end_at, to_char(e.start_date, 'YYYY-MM-DD') as start_date, to_char(e.end_date, 'YYYY-MM-DD') as end_date,
  e.time_zone, e.rrule, e.rdate, e.exdate, e.series_id, e.recurrence_id, e.sequence, e.updated_at, e.deleted_at,
  e.organizer_id, e.created_by, u.email as organizer_email, u.name as organizer_name,
  case when e.series_id is null then null else (select m.visibility from entries m where m.id = e.series_id) end as series_visibility`;

const PAGE = 1000;

/**
 * The stored entries of a view, not expanded: masters and single entries whose span meets the
 * window, each series followed by all its overrides (cancelled ones too, as deleted rows). Read a
 * page at a time by id, so an export of 100,000 entries holds one page in memory.
 */
export async function* streamStoredEntries(database: Database, filters: FeedFilters): AsyncGenerator<StoredEntry> {
  if (filters.calendarIds?.length === 0) return;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const { where, params } = feedWhere(filters, 'e');
    params.push(after);
    const page = await database.query<StoredEntry>(
      `select ${STORED_COLUMNS} from entries e left join users u on u.id = e.organizer_id
       where ${where.join(' and ')} and e.series_id is null and e.id > $${params.length}::uuid order by e.id limit ${PAGE}`,
      params,
    );
    if (page.length === 0) return;
    const series = page.filter((r) => r.rrule || r.rdate.length > 0).map((r) => r.id);
    const overrides = series.length
      ? await database.query<StoredEntry>(
          `select ${STORED_COLUMNS} from entries e left join users u on u.id = e.organizer_id
           where e.organization_id = $1 and e.series_id = any($2::uuid[]) order by e.series_id, e.recurrence_id`,
          [filters.organizationId, series],
        )
      : [];
    const bySeries = new Map<string, StoredEntry[]>();
    for (const o of overrides) bySeries.set(o.series_id!, [...(bySeries.get(o.series_id!) ?? []), o]);
    for (const row of page) {
      yield row;
      yield* bySeries.get(row.id) ?? [];
    }
    after = page[page.length - 1]!.id;
    if (page.length < PAGE) return;
  }
}

/** The zones the view's timed entries use and the years their VTIMEZONEs must cover (from the first start). */
export async function zonesOfView(database: Database, filters: FeedFilters): Promise<{ zones: string[]; fromYear: number }> {
  if (filters.calendarIds?.length === 0) return { zones: [], fromYear: new Date(filters.startMs).getUTCFullYear() };
  const { where, params } = feedWhere(filters, 'e');
  const rows = await database.query<{ time_zone: string; first: number }>(
    `select e.time_zone, extract(year from min(e.start_at))::int as first from entries e
     where ${where.join(' and ')} and not e.all_day and not e.is_floating group by e.time_zone`,
    params,
  );
  const fromYear = Math.min(new Date(filters.startMs).getUTCFullYear(), ...rows.map((r) => r.first));
  return { zones: rows.map((r) => r.time_zone), fromYear };
}
