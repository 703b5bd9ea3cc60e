import type { Database } from '../../db/client.js';
import type { EntryForPolicy } from '../calendars/policy.js';

/** The columns the range query needs, straight from SQL (no ORM mapping on the hottest path). */
export interface FeedRow {
  id: string;
  calendar_id: string;
  module: string;
  kind: string;
  title: string;
  location: string | null;
  status: string;
  priority: string;
  visibility: string;
  all_day: boolean;
  is_floating: boolean;
  /** epoch ms: numbers parse faster than timestamps on a path that reads thousands of rows. */
  start_ms: number;
  end_ms: number;
  start_date: string | null;
  end_date: string | null;
  time_zone: string;
  rrule: string | null;
  rdate: string[];
  exdate: string[];
  series_id: string | null;
  recurrence_id: string | null;
  organizer_id: string | null;
  community_id: string | null;
  version: number;
  created_by: string | null;
  /** An override's series visibility (null for masters and single entries): the policy keeps overrides of private series private. */
  series_visibility: string | null;
  /** Only when asked for (overview, conflicts): the feed itself does not need it. */
  details?: Record<string, unknown>;
  /** The row's span (a series: first start to last end; null: no end), when asked for with details. */
  span_start_ms?: number;
  span_end_ms?: number | null;
}

export interface FeedFilters {
  organizationId: string;
  startMs: number;
  endMs: number;
  /** Undefined: every calendar of the organisation (the cache's view; access is applied after). */
  calendarIds?: string[];
  modules?: string[];
  status?: string[];
  priority?: string[];
  communities?: string[];
  organizers?: string[];
  q?: string;
  details?: boolean;
}

const DETAILS = `, details, (extract(epoch from span_start) * 1000)::float8 as span_start_ms,
  (extract(epoch from span_end) * 1000)::float8 as span_end_ms`;

const COLUMNS = `id, calendar_id, module, kind, title, location, status, priority, visibility, all_day, is_floating,
  (extract(epoch from start_at) * 1000)::float8 as start_ms, (extract(epoch from end_at) * 1000)::float8 as end_ms,
  to_char(start_date, 'YYYY-MM-DD') as start_date, to_char(end_date, 'YYYY-MM-DD') as end_date,
  time_zone, rrule, rdate, exdate, series_id, recurrence_id, organizer_id, community_id, version, created_by,
  case when series_id is null then null else (select m.visibility from entries m where m.id = entries.series_id) end as series_visibility`;

/** What the access policy looks at in a row. */
export const policyFactsOf = (row: FeedRow): EntryForPolicy => ({
  visibility: row.visibility, organizerId: row.organizer_id, createdBy: row.created_by, seriesVisibility: row.series_visibility,
});

/**
 * Candidates for a window: entries whose span (a series: first start to last end) meets it, found
 * through the GiST index on (organization_id, span). Series are expanded by the caller.
 */
export async function findFeedCandidates(database: Database, f: FeedFilters): Promise<FeedRow[]> {
  const { where, params } = feedWhere(f);
  return database.query<FeedRow>(`select ${COLUMNS}${f.details ? DETAILS : ''} from entries where ${where.join(' and ')}`, params);
}

/** The live rows of whole series families (masters and their overrides, or single entries), with details. */
export async function findFamilyRows(database: Database, organizationId: string, familyIds: string[]): Promise<FeedRow[]> {
  return database.query<FeedRow>(
    `select ${COLUMNS}${DETAILS} from entries
      where organization_id = $1 and deleted_at is null and (id = any($2::uuid[]) or series_id = any($2::uuid[]))`,
    [organizationId, familyIds],
  );
}

/**
 * The `where` clauses (and their parameters) that select the entries of a view: the range query's
 * and the exports' one definition of "what this window and these filters contain".
 */
export function feedWhere(f: FeedFilters, alias = ''): { where: string[]; params: unknown[] } {
  const c = (column: string) => (alias ? `${alias}.${column}` : column);
  const params: unknown[] = [f.organizationId, new Date(f.startMs), new Date(f.endMs)];
  const where = [`${c('organization_id')} = $1`, `${c('deleted_at')} is null`, `${c('span')} && tstzrange($2, $3, '[)')`];
  const add = (clause: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  if (f.calendarIds) add((p) => `${c('calendar_id')} = any(${p}::uuid[])`, f.calendarIds);
  if (f.modules?.length) add((p) => `${c('module')} = any(${p}::text[])`, f.modules);
  if (f.status?.length) add((p) => `${c('status')} = any(${p}::text[])`, f.status);
  if (f.priority?.length) add((p) => `${c('priority')} = any(${p}::text[])`, f.priority);
  if (f.organizers?.length) add((p) => `${c('organizer_id')} = any(${p}::uuid[])`, f.organizers);
  if (f.communities?.length) {
    add((p) => `${c('community_id')} in (select id from communities where organization_id = $1 and path && ${p}::uuid[])`, f.communities);
  }
  if (f.q) add((p) => `${c('search')} @@ websearch_to_tsquery('simple', ${p})`, f.q);
  return { where, params };
}

/** RECURRENCE-IDs that have an override row, per series: their occurrences are replaced, not expanded. */
export async function findOverriddenOccurrences(database: Database, organizationId: string, seriesIds: string[]): Promise<Map<string, Set<string>>> {
  const result = new Map<string, Set<string>>();
  if (seriesIds.length === 0) return result;
  const rows = await database.query<{ series_id: string; recurrence_id: string }>(
    'select series_id, recurrence_id from entries where organization_id = $1 and series_id = any($2::uuid[])',
    [organizationId, seriesIds],
  );
  for (const row of rows) {
    let set = result.get(row.series_id);
    if (!set) result.set(row.series_id, (set = new Set()));
    set.add(row.recurrence_id);
  }
  return result;
}
