import { createHash } from 'node:crypto';
import { type Conflict, type ConflictSpan, findConflicts, type ResourceBookingSpan } from '../../core/conflicts/find-conflicts.js';
import { buildOverview } from '../../core/overview/build-overview.js';
import type { OverviewItem } from '../../core/overview/types.js';
import type { Database } from '../../db/client.js';
import type { Actor } from '../auth/actor.js';
import { canSeeEntryDetails } from '../calendars/policy.js';
import type { EntryLike, ModuleKey, Priority, WorkflowAlert } from '../modules/model.js';
import { toOverviewItem } from '../modules/overview-items.js';
import { conflictSpanOf } from '../modules/people.js';
import { MODULES, workflowAlertsOf } from '../modules/registry.js';
import { bookingConflictSpans } from '../resources/conflict-spans.js';
import type { CachedOccurrence, OccurrenceCache } from './occurrence-cache.js';
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

/** What an occurrence means to the overview and the conflict sweep; the same for every request. */
interface Derived {
  entry: EntryLike;
  item: OverviewItem;
  span: ConflictSpan | null;
}

// Kept per cached occurrence: a month of a large organisation is sixteen thousand of them, and
// reading each one's details through its kind's schema again on every request was most of the time.
const derivedOf = new WeakMap<CachedOccurrence, Derived>();

function derive(o: CalendarOccurrence): Derived {
  const known = o.cached ? derivedOf.get(o.cached) : undefined;
  if (known) return known;
  const entry = entryLikeOf(o);
  const derived = { entry, item: toOverviewItem(entry), span: conflictSpanOf(entry) };
  if (o.cached) derivedOf.set(o.cached, derived);
  return derived;
}

const MEMO_SIZE = 32;
const conflictMemo = new Map<string, Conflict[]>();

/**
 * The conflict sweep over the window's occurrences and bookings; remembered for the same cached
 * occurrences and bookings (identified by their cache ids), since several people look at the same month.
 */
function conflictsOf(occurrences: CalendarOccurrence[], derived: Derived[], bookings: ResourceBookingSpan[]): Conflict[] {
  const sweep = () => findConflicts(derived.flatMap((d) => (d.span ? [d.span] : [])), bookings);
  if (!occurrences.every((o) => o.cached)) return sweep();
  const ids = new Float64Array(occurrences.length);
  occurrences.forEach((o, i) => (ids[i] = o.cached!.uid));
  const key = createHash('sha1').update(ids).update(JSON.stringify(bookings)).digest('base64url');
  let conflicts = conflictMemo.get(key);
  if (!conflicts) {
    conflicts = sweep();
    if (conflictMemo.size >= MEMO_SIZE) conflictMemo.delete(conflictMemo.keys().next().value!);
    conflictMemo.set(key, conflicts);
  }
  return conflicts;
}

/**
 * Conflicts among everything in the window: a person double-booked across modules, someone on
 * approved leave who is scheduled, a resource or venue used twice. Private entries count (they are
 * busy time) but are reported by id only.
 */
export async function findCalendarConflicts(database: Database, actor: Actor, query: CalendarQuery, cache: OccurrenceCache | null = null) {
  const { window, occurrences } = await collectOccurrences(database, actor, query, { details: true, cache });
  const bookings = await bookingConflictSpans(database, actor.organizationId, window);
  return { window, conflicts: conflictsOf(occurrences, occurrences.map(derive), bookings) };
}

/** The integrated calendar's sidebar: what the plan's build_calendar_payload gathered, for a window and filters. */
export async function buildCalendarOverview(database: Database, actor: Actor, query: CalendarQuery, nowMs: number, cache: OccurrenceCache | null = null) {
  const { window, occurrences } = await collectOccurrences(database, actor, query, { details: true, cache });
  const derived = occurrences.map(derive);
  const items: OverviewItem[] = [];
  const alerts: WorkflowAlert[] = [];
  occurrences.forEach((o, i) => {
    const { row, calendar } = o;
    const owner = o.cached?.owner ?? { visibility: row.visibility, organizerId: row.organizer_id, createdBy: row.created_by };
    if (!canSeeEntryDetails(actor, calendar.level, owner)) return;
    items.push(derived[i]!.item);
    alerts.push(...workflowAlertsOf(derived[i]!.entry, nowMs));
  });
  const bookings = await bookingConflictSpans(database, actor.organizationId, window);
  return buildOverview({
    items, alerts, conflicts: conflictsOf(occurrences, derived, bookings), nowMs, window,
    timeZone: query.timeZone ?? actor.timeZone, modules: MODULES,
  });
}
