/**
 * Who and what an entry occupies, for conflict detection and availability: the bridge from entries
 * (whose details only the kind registry understands) to the plain spans src/core/conflicts takes.
 */
import type { ConflictSpan } from '../../core/conflicts/find-conflicts.js';
import type { EntryLike } from './model.js';
import { getKind, lifecycleOf, parseDetailsOf } from './registry.js';

export interface Occupancy {
  personIds: string[];
  resourceIds: string[];
}

/**
 * A typed-in venue as a resource id ("venue:conference room a"), so two meetings in the same hall
 * conflict even when nobody registered the hall as a bookable resource.
 */
export function venueResourceId(venue: string): string | null {
  const name = venue.trim().replace(/\s+/g, ' ').toLowerCase();
  return name ? `venue:${name}` : null;
}

/** Organizer plus the people and resources (and typed-in venue) the kind names in the details, deduplicated. */
export function occupancyOf(entry: EntryLike): Occupancy {
  const kind = getKind(entry.module, entry.kind);
  const parsed = kind ? parseDetailsOf(kind, entry.details) : undefined;
  const people = parsed?.success ? kind!.peopleOf(parsed.data) : [];
  const resources = parsed?.success ? [...kind!.resourceIdsOf(parsed.data)] : [];
  const venue = parsed?.success ? (parsed.data as Record<string, unknown>)['venue'] : undefined;
  const venueId = typeof venue === 'string' ? venueResourceId(venue) : null;
  if (venueId) resources.push(venueId);
  return { personIds: [...new Set([...(entry.organizerId ? [entry.organizerId] : []), ...people])], resourceIds: [...new Set(resources)] };
}

/**
 * The conflict span of an entry, or null when it occupies nobody's time:
 * - cancelled and rejected entries free their time;
 * - leave blocks only its staff member and only once approved (a pending request does not);
 * - an all-day deadline (a due date) does not fill the day of the person it is assigned to;
 *   a timed one (a task scheduled 09:00–11:00) does.
 */
export function conflictSpanOf(entry: EntryLike): ConflictSpan | null {
  const kind = getKind(entry.module, entry.kind);
  const lifecycle = lifecycleOf(entry.module, entry.kind, entry.status);
  if (lifecycle === 'cancelled' || lifecycle === 'rejected') return null;
  if (kind?.isLeave) {
    if (lifecycle === 'pending_approval') return null;
    const staffId = entry.details['staffId'];
    const personIds = typeof staffId === 'string' ? [staffId] : entry.organizerId ? [entry.organizerId] : [];
    return { entryId: entry.id, personIds, resourceIds: [], startMs: entry.startMs, endMs: entry.endMs, isLeave: true };
  }
  if (kind?.isDeadline && entry.allDay) return null;
  const { personIds, resourceIds } = occupancyOf(entry);
  if (personIds.length === 0 && resourceIds.length === 0) return null;
  return { entryId: entry.id, personIds, resourceIds, startMs: entry.startMs, endMs: entry.endMs, isLeave: false };
}

export function conflictSpansOf(entries: readonly EntryLike[]): ConflictSpan[] {
  const spans: ConflictSpan[] = [];
  for (const e of entries) {
    const s = conflictSpanOf(e);
    if (s) spans.push(s);
  }
  return spans;
}
