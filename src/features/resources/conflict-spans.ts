import type { ResourceBookingSpan } from '../../core/conflicts/find-conflicts.js';
import type { Span } from '../../core/resources/index.js';
import type { Database } from '../../db/client.js';

/**
 * The bookings that hold resources in a window, as conflict detection takes them: the blocked span
 * (travel and turnaround included: the van is away), under the id the calendar gives the entry or
 * occurrence ("<seriesId>:<recurrenceId>"), so an entry that names a booked resource in its details
 * without booking it shows up as using it twice.
 */
export async function bookingConflictSpans(database: Database, organizationId: string, window: Span): Promise<ResourceBookingSpan[]> {
  const rows = await database.query<{ resource_id: string; entry_id: string; recurrence_id: string | null; s: number; e: number }>(
    `select resource_id, entry_id, recurrence_id, (extract(epoch from blocked_start) * 1000)::float8 as s, (extract(epoch from blocked_end) * 1000)::float8 as e
     from resource_bookings where organization_id = $1 and status in ('pending', 'approved') and blocked && tstzrange($2, $3, '[)')`,
    [organizationId, new Date(window.startMs), new Date(window.endMs)],
  );
  return rows.map((r) => ({ resourceId: r.resource_id, entryId: r.recurrence_id ? `${r.entry_id}:${r.recurrence_id}` : r.entry_id, startMs: r.s, endMs: r.e }));
}
