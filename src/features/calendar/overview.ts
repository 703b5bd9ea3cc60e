import { findConflicts } from '../../core/conflicts/find-conflicts.js';
import { buildOverview } from '../../core/overview/build-overview.js';
import type { Database } from '../../db/client.js';
import type { Actor } from '../auth/actor.js';
import { canSeeEntryDetails } from '../calendars/policy.js';
import type { EntryLike, ModuleKey, Priority } from '../modules/model.js';
import { overviewInputsOf } from '../modules/overview-items.js';
import { conflictSpansOf } from '../modules/people.js';
import { MODULES } from '../modules/registry.js';
import { bookingConflictSpans } from '../resources/conflict-spans.js';
import type { OccurrenceCache } from './occurrence-cache.js';
import { type CalendarOccurrence, collectOccurrences } from './occurrences.js';
import type { CalendarQuery } from './schemas.js';

function entryLikeOf(o: CalendarOccurrence): EntryLike {
  const { row } = o;
  return {
    id: o.series ? `${o.series.seriesId}:${o.series.recurrenceId}` : row.id,
    calendarId: row.calendar_id,
    module: row.module as ModuleKey,
    kind: row.kind,
    title: row.title,
    status: row.status,
    priority: row.priority as Priority,
    startMs: o.startMs,
    endMs: o.endMs,
    allDay: row.all_day,
    timeZone: row.time_zone,
    organizerId: row.organizer_id,
    communityId: row.community_id,
    location: row.location,
    details: row.details ?? {},
  };
}

/**
 * Conflicts among everything in the window: a person double-booked across modules, someone on
 * approved leave who is scheduled, a resource or venue used twice. Private entries count (they are
 * busy time) but are reported by id only.
 */
export async function findCalendarConflicts(database: Database, actor: Actor, query: CalendarQuery, cache: OccurrenceCache | null = null) {
  const { window, occurrences } = await collectOccurrences(database, actor, query, { details: true, cache });
  return { window, conflicts: findConflicts(conflictSpansOf(occurrences.map(entryLikeOf)), await bookingConflictSpans(database, actor.organizationId, window)) };
}

/** The integrated calendar's sidebar: what the plan's build_calendar_payload gathered, for a window and filters. */
export async function buildCalendarOverview(database: Database, actor: Actor, query: CalendarQuery, nowMs: number, cache: OccurrenceCache | null = null) {
  const { window, occurrences } = await collectOccurrences(database, actor, query, { details: true, cache });
  const all = occurrences.map(entryLikeOf);
  const visible = all.filter((_e, i) => {
    const { row, calendar } = occurrences[i]!;
    return canSeeEntryDetails(actor, calendar.level, { visibility: row.visibility, organizerId: row.organizer_id, createdBy: row.created_by });
  });
  const { items, alerts } = overviewInputsOf(visible, nowMs);
  return buildOverview({
    items, alerts, conflicts: findConflicts(conflictSpansOf(all), await bookingConflictSpans(database, actor.organizationId, window)), nowMs, window,
    timeZone: query.timeZone ?? actor.timeZone, modules: MODULES,
  });
}
