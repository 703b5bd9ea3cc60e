import type { Database } from '../../db/client.js';
import type { Actor } from '../auth/actor.js';
import type { CalendarWithLevel } from '../calendars/repository.js';
import { expandRows, isSeriesMaster, type WindowOccurrence } from './expand-rows.js';
import type { CachedOccurrence, OccurrenceCache } from './occurrence-cache.js';
import { type FeedFilters, type FeedRow, findFeedCandidates, findOverriddenOccurrences } from './repository.js';
import type { CalendarQuery } from './schemas.js';
import { type CalendarView, resolveView } from './view.js';

/** One thing on the calendar in the window, with the calendar (and the actor's access level) it is on. */
export interface CalendarOccurrence extends WindowOccurrence {
  calendar: CalendarWithLevel;
  /** Set when it came from the occurrence cache: its serialised forms are kept there. */
  cached?: CachedOccurrence;
}

export interface CollectOptions {
  /** Entry details (overview, conflicts); always present on cached occurrences. */
  details?: boolean;
  cache?: OccurrenceCache | null;
}

/**
 * Every entry and occurrence that meets [start, end) in the calendars the actor can see, filtered,
 * by start. From the occurrence cache when there is one and the view allows (full-text search goes
 * to the database's index); otherwise straight from the database. Shared by the range query, the
 * overview and the conflict report.
 */
export async function collectOccurrences(database: Database, actor: Actor, query: CalendarQuery | CalendarView, options: CollectOptions = {}) {
  const { filters, calendars } = 'filters' in query ? query : await resolveView(database, actor, query);
  const window = { startMs: filters.startMs, endMs: filters.endMs };
  if (calendars.size === 0) return { window, occurrences: [] as CalendarOccurrence[] };
  const cached = options.cache && !filters.q ? await options.cache.occurrencesIn(database, actor.organizationId, window.startMs, window.endMs) : null;
  if (cached) return { window, occurrences: await filterCached(database, cached, calendars, filters) };
  const rows = await findFeedCandidates(database, { ...filters, details: options.details });
  const overridden = await findOverriddenOccurrences(database, actor.organizationId, rows.filter(isSeriesMaster).map((m) => m.id));
  const occurrences: CalendarOccurrence[] = [];
  expandRows(rows, overridden, window.startMs, window.endMs, (o) => occurrences.push({ ...o, calendar: calendars.get(o.row.calendar_id)! }));
  occurrences.sort((a, b) => a.startMs - b.startMs);
  return { window, occurrences };
}

/** The communities a community filter takes in (those asked for and every one under them), or null without one. */
export async function matchingCommunities(database: Database, f: FeedFilters): Promise<string[] | null> {
  if (!f.communities?.length) return null;
  return (await database.query<{ id: string }>('select id from communities where organization_id = $1 and path && $2::uuid[] order by id', [f.organizationId, f.communities])).map((r) => r.id);
}

/** The view's filters (all but full-text search) as a predicate on rows, exactly as `feedWhere` applies them in SQL. */
export async function rowMatcher(database: Database, f: FeedFilters): Promise<(row: FeedRow) => boolean> {
  const set = (values: string[] | undefined) => (values?.length ? new Set(values) : null);
  const modules = set(f.modules);
  const status = set(f.status);
  const priority = set(f.priority);
  const organizers = set(f.organizers);
  const matching = await matchingCommunities(database, f);
  const communities = matching ? new Set(matching) : null;
  if (!modules && !status && !priority && !organizers && !communities) return () => true;
  return (row) =>
    (!modules || modules.has(row.module)) &&
    (!status || status.has(row.status)) &&
    (!priority || priority.has(row.priority)) &&
    (!organizers || (row.organizer_id !== null && organizers.has(row.organizer_id))) &&
    (!communities || (row.community_id !== null && communities.has(row.community_id)));
}

/** Calls `each` for the cached occurrences on the view's calendars that pass its filters, in order. */
export async function forEachInView(
  database: Database,
  items: readonly CachedOccurrence[],
  calendars: Map<string, CalendarWithLevel>,
  f: FeedFilters,
  each: (item: CachedOccurrence, calendar: CalendarWithLevel) => void,
): Promise<void> {
  const matches = await rowMatcher(database, f);
  for (const item of items) {
    const calendar = calendars.get(item.row.calendar_id);
    if (calendar && matches(item.row)) each(item, calendar);
  }
}

async function filterCached(database: Database, items: CachedOccurrence[], calendars: Map<string, CalendarWithLevel>, f: FeedFilters): Promise<CalendarOccurrence[]> {
  const out: CalendarOccurrence[] = [];
  await forEachInView(database, items, calendars, f, (item, calendar) => {
    out.push({ row: item.row, calendar, startMs: item.startMs, endMs: item.endMs, localDate: item.localDate, series: item.series, cached: item });
  });
  return out;
}
