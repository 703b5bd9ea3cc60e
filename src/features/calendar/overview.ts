import { createHash } from 'node:crypto';
import { type Conflict, type ConflictSpan, findConflicts, type ResourceBookingSpan } from '../../core/conflicts/find-conflicts.js';
import { updateConflicts } from '../../core/conflicts/update-conflicts.js';
import { buildOverview } from '../../core/overview/build-overview.js';
import type { OverviewItem } from '../../core/overview/types.js';
import type { Database } from '../../db/client.js';
import type { Actor } from '../auth/actor.js';
import { canSeeEntryDetails } from '../calendars/policy.js';
import type { AlertSource, EntryLike, ModuleKey, Priority, WorkflowAlert } from '../modules/model.js';
import { toOverviewItem } from '../modules/overview-items.js';
import { conflictSpanOf } from '../modules/people.js';
import { alertSourceOf, MODULES } from '../modules/registry.js';
import { bookingConflictSpans } from '../resources/conflict-spans.js';
import type { CachedOccurrence, OccurrenceCache } from './occurrence-cache.js';
import { type CalendarOccurrence, collectOccurrences } from './occurrences.js';
import type { CalendarQuery } from './schemas.js';
import { policyFactsOf } from './repository.js';

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
  alerts: AlertSource | null;
}

// Kept per cached occurrence: a month of a large organisation is sixteen thousand of them, and
// reading each one's details through its kind's schema again on every request was most of the time.
const derivedOf = new WeakMap<CachedOccurrence, Derived>();

function derive(o: CalendarOccurrence): Derived {
  const known = o.cached ? derivedOf.get(o.cached) : undefined;
  if (known) return known;
  const entry = entryLikeOf(o);
  const derived = { entry, item: toOverviewItem(entry), span: conflictSpanOf(entry), alerts: alertSourceOf(entry) };
  if (o.cached) derivedOf.set(o.cached, derived);
  return derived;
}

const MEMO_SIZE = 32;
const conflictMemo = new Map<string, Conflict[]>();

/** A finished sweep, kept per view as the starting point of the next one. */
interface Sweep {
  // Arrays rather than a map: a month of a large organisation is sixteen thousand occurrences per view kept.
  cached: CachedOccurrence[];
  spans: (ConflictSpan | null)[];
  bookings: Map<string, ResourceBookingSpan>;
  conflicts: Conflict[];
}
const lastSweeps = new Map<string, Sweep>();

function remember<V>(memo: Map<string, V>, key: string, value: V): void {
  memo.delete(key);
  if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value!);
  memo.set(key, value);
}

const bookingKey = (b: ResourceBookingSpan) => `${b.resourceId}|${b.entryId}|${b.startMs}|${b.endMs}`;

/**
 * The sweep brought forward from the view's last one when only a few occurrences or bookings
 * changed since (an edit re-expands one series family): the people and resources they claim are
 * swept again, nothing else (updateConflicts). Null when there is no last sweep or too much changed.
 */
function sweepFrom(base: Sweep | undefined, cached: CachedOccurrence[], derived: Derived[], bookings: Map<string, ResourceBookingSpan>): Conflict[] | null {
  if (!base) return null;
  const limit = Math.max(64, cached.length >> 4);
  const before = new Set(base.cached);
  const now = new Set(cached);
  const addedSpans: ConflictSpan[] = [];
  for (let i = 0; i < cached.length; i++) {
    if (before.has(cached[i]!)) continue;
    if (addedSpans.length > limit) return null;
    const span = derived[i]!.span;
    if (span) addedSpans.push(span);
  }
  const removedSpans: ConflictSpan[] = [];
  base.cached.forEach((o, i) => {
    const span = base.spans[i];
    if (span && !now.has(o)) removedSpans.push(span);
  });
  if (removedSpans.length > limit) return null;
  const removedBookings = [...base.bookings].filter(([k]) => !bookings.has(k)).map(([, b]) => b);
  const addedBookings = [...bookings].filter(([k]) => !base.bookings.has(k)).map(([, b]) => b);
  const spans = derived.flatMap((d) => (d.span ? [d.span] : []));
  return updateConflicts(base.conflicts, { removedSpans, addedSpans, removedBookings, addedBookings }, { spans, bookings: [...bookings.values()] });
}

/**
 * The conflict sweep over the window's occurrences and bookings. Remembered for the same cached
 * occurrences and bookings (several people look at the same month), and after an edit brought
 * forward from the view's previous sweep instead of redone over the whole window.
 */
function conflictsOf(view: string, occurrences: CalendarOccurrence[], derived: Derived[], bookings: ResourceBookingSpan[]): Conflict[] {
  const sweep = () => findConflicts(derived.flatMap((d) => (d.span ? [d.span] : [])), bookings);
  if (!occurrences.every((o) => o.cached)) return sweep();
  const cached = occurrences.map((o) => o.cached!);
  const ids = new Float64Array(cached.length);
  cached.forEach((o, i) => (ids[i] = o.uid));
  const key = createHash('sha1').update(ids).update(JSON.stringify(bookings)).digest('base64url');
  const known = conflictMemo.get(key);
  if (known) return known;
  const bookingMap = new Map(bookings.map((b) => [bookingKey(b), b]));
  const conflicts = sweepFrom(lastSweeps.get(view), cached, derived, bookingMap) ?? sweep();
  remember(conflictMemo, key, conflicts);
  remember(lastSweeps, view, { cached, spans: derived.map((d) => d.span), bookings: bookingMap, conflicts });
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
  return { window, conflicts: conflictsOf(JSON.stringify(query), occurrences, occurrences.map(derive), bookings) };
}

/** The integrated calendar's sidebar: what the plan's build_calendar_payload gathered, for a window and filters. */
export async function buildCalendarOverview(database: Database, actor: Actor, query: CalendarQuery, nowMs: number, cache: OccurrenceCache | null = null) {
  const { window, occurrences } = await collectOccurrences(database, actor, query, { details: true, cache });
  const derived = occurrences.map(derive);
  const items: OverviewItem[] = [];
  const alerts: WorkflowAlert[] = [];
  occurrences.forEach((o, i) => {
    const { row, calendar } = o;
    const owner = o.cached?.owner ?? policyFactsOf(row);
    if (!canSeeEntryDetails(actor, calendar.level, owner)) return;
    items.push(derived[i]!.item);
    const raised = derived[i]!.alerts?.(nowMs);
    if (raised?.length) alerts.push(...raised);
  });
  const bookings = await bookingConflictSpans(database, actor.organizationId, window);
  return buildOverview({
    items, alerts, conflicts: conflictsOf(JSON.stringify(query), occurrences, derived, bookings), nowMs, window,
    timeZone: query.timeZone ?? actor.timeZone, modules: MODULES,
  });
}
