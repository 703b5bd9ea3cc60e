/**
 * Conflicts one proposed entry would cause: what a create or move use case shows before saving.
 * Only spans overlapping the candidate can matter, so they are picked first and the sweep runs on
 * that handful.
 */
import { findConflicts, type Conflict, type ConflictSpan, type ResourceBookingSpan } from './find-conflicts.js';

export function conflictsWith(candidate: ConflictSpan, others: readonly ConflictSpan[], bookings: readonly ResourceBookingSpan[] = [], candidateBookings: readonly ResourceBookingSpan[] = []): Conflict[] {
  const from = Math.min(candidate.startMs, ...candidateBookings.map((b) => b.startMs));
  const to = Math.max(candidate.endMs, ...candidateBookings.map((b) => b.endMs));
  const near = others.filter((s) => s.entryId !== candidate.entryId && s.startMs < to && from < s.endMs);
  const nearBookings = bookings.filter((b) => b.entryId !== candidate.entryId && b.startMs < to && from < b.endMs);
  return findConflicts([candidate, ...near], [...candidateBookings, ...nearBookings]).filter((c) => c.entryIds.includes(candidate.entryId));
}
