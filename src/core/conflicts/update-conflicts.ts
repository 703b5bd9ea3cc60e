import { compareConflicts, type Conflict, type ConflictSpan, findConflicts, type ResourceBookingSpan } from './find-conflicts.js';

/** What changed between two sweeps: the spans and bookings that went away and those that came. */
export interface ConflictChange {
  removedSpans: readonly ConflictSpan[];
  addedSpans: readonly ConflictSpan[];
  removedBookings: readonly ResourceBookingSpan[];
  addedBookings: readonly ResourceBookingSpan[];
}

/**
 * The conflicts of `current`, from the conflicts before a few spans changed: only the people and
 * resources that a removed or added span or booking claims can gain or lose a conflict, so only
 * their claims are swept again and every other conflict is kept as it was. The same answer as
 * findConflicts(current) (tested against it), at the cost of the touched subjects' claims.
 */
export function updateConflicts(
  previous: readonly Conflict[],
  change: ConflictChange,
  current: { spans: readonly ConflictSpan[]; bookings: readonly ResourceBookingSpan[] },
): Conflict[] {
  const people = new Set<string>();
  const resources = new Set<string>();
  const touch = (s: ConflictSpan) => {
    for (const p of s.personIds) people.add(p);
    // As in findConflicts: leave claims a person, never a room or vehicle.
    if (!s.isLeave) for (const r of s.resourceIds) resources.add(r);
  };
  change.removedSpans.forEach(touch);
  change.addedSpans.forEach(touch);
  for (const b of change.removedBookings) resources.add(b.resourceId);
  for (const b of change.addedBookings) resources.add(b.resourceId);
  if (people.size === 0 && resources.size === 0) return [...previous];

  const spans = current.spans.filter((s) => s.personIds.some((p) => people.has(p)) || (!s.isLeave && s.resourceIds.some((r) => resources.has(r))));
  const bookings = current.bookings.filter((b) => resources.has(b.resourceId));
  const touched = (c: Conflict) => (c.type === 'resource_double_booked' ? resources.has(c.subjectId) : people.has(c.subjectId));
  // The spans swept here also claim untouched subjects, whose conflicts they would list partially: dropped.
  const fresh = findConflicts(spans, bookings).filter(touched);
  return [...previous.filter((c) => !touched(c)), ...fresh].sort(compareConflicts);
}
