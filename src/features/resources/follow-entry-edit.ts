import { and, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import { isWithinBookableHours } from '../../core/resources/index.js';
import type { DbOrTx } from '../../db/client.js';
import { resourceBookings, resources } from '../../db/schema/resources.js';
import type { EntryRow } from '../entries/repository.js';
import { bookOccurrence, queryFnOf } from './booking-store.js';
import { isSeries, MAX_HORIZON_DAYS, occurrencesToBook } from './occurrences.js';
import type { ResourceRow } from './repository.js';
import { releaseBookingsOfRemovedOccurrences } from './series-bookings.js';
import { travelMinutesFor } from './travel-time.js';

/**
 * What an entry edit means for its bookings beyond the times the entries trigger (0004) carries:
 * occurrences the series lost are freed, vehicles are re-timed for the drive to the entry's
 * community, and occurrences the series gained are booked where the resource is free. Called by the
 * entries use cases inside their transaction, after the entry row is written; a re-timed drive that
 * would double-book is refused by the guard there, and the whole edit rolls back (409).
 */
export async function bookingsFollowEntryEdit(db: DbOrTx, before: EntryRow, after: EntryRow): Promise<void> {
  await releaseBookingsOfRemovedOccurrences(db, after);
  if (after.deletedAt) return;
  if (before.communityId !== after.communityId) await retimeDrives(db, after);
  await bookGainedOccurrences(db, before, after);
}

/**
 * The entry's active vehicle bookings with the drive to its community now: the entry's own, or for
 * an override the booking of its occurrence; a series leaves the occurrences that have an override
 * (they go to the override's community).
 */
async function retimeDrives(db: DbOrTx, entry: EntryRow): Promise<void> {
  const b = resourceBookings;
  const mine: SQL = entry.seriesId
    ? and(eq(b.entryId, entry.seriesId), eq(b.recurrenceId, entry.recurrenceId!))!
    : sql`${b.entryId} = ${entry.id} and not exists (select 1 from entries o where o.organization_id = ${b.organizationId} and o.series_id = ${b.entryId}
        and o.recurrence_id = ${b.recurrenceId} and o.deleted_at is null)`;
  const rows = await db.select({ id: b.id, travel: b.travelBeforeMinutes, resource: resources }).from(b)
    .innerJoin(resources, and(eq(resources.organizationId, b.organizationId), eq(resources.id, b.resourceId)))
    .where(and(eq(b.organizationId, entry.organizationId), inArray(b.status, ['pending', 'approved']), eq(resources.type, 'vehicle'), mine));
  const drives = new Map<string, number>();
  for (const row of rows) {
    if (!drives.has(row.resource.id)) drives.set(row.resource.id, await travelMinutesFor(db, entry.organizationId, row.resource, entry.communityId));
    const minutes = drives.get(row.resource.id)!;
    if (minutes === row.travel) continue;
    // the guard recomputes the blocked span and re-checks it
    await db.update(b).set({ travelBeforeMinutes: minutes, travelAfterMinutes: minutes, version: sql`${b.version} + 1`, updatedAt: new Date() }).where(eq(b.id, row.id));
  }
}

const DAY_MS = 86_400_000;

/**
 * A series whose rule or dates changed (its start unchanged, so occurrence ids compare) books, for
 * each resource it holds, the occurrences it gained up to the last one booked: as the booking of the
 * series did, for the same person, units and note. One that does not fit (taken, blackout, outside
 * bookable hours) stays unbooked, as it would have when the series was booked; an occurrence that
 * was ever booked and then cancelled or rejected is not asked again.
 */
async function bookGainedOccurrences(db: DbOrTx, before: EntryRow, after: EntryRow): Promise<void> {
  if (!isSeries(after) || after.seriesId) return;
  const sameStart = before.startAt.getTime() === after.startAt.getTime() && before.timeZone === after.timeZone && before.allDay === after.allDay;
  const sameRule = before.rrule === after.rrule && JSON.stringify(before.rdate) === JSON.stringify(after.rdate);
  if (!sameStart || sameRule) return;
  const b = resourceBookings;
  const held = await db.select({ booking: b, resource: resources }).from(b)
    .innerJoin(resources, and(eq(resources.organizationId, b.organizationId), eq(resources.id, b.resourceId)))
    .where(and(eq(b.organizationId, after.organizationId), eq(b.entryId, after.id), isNotNull(b.recurrenceId)));
  const active = held.filter((h) => h.booking.status === 'pending' || h.booking.status === 'approved');
  if (active.length === 0) return;
  const nowMs = Date.now();
  const horizon = Math.min(Math.max(...active.map((h) => h.booking.startsAt.getTime())) + 1, nowMs + MAX_HORIZON_DAYS * DAY_MS);
  if (horizon <= nowMs) return;
  const had = new Set((isSeries(before) ? await occurrencesToBook(db, before, undefined, nowMs, horizon) : []).map((o) => o.recurrenceId));
  const gained = (await occurrencesToBook(db, after, undefined, nowMs, horizon)).filter((o) => !had.has(o.recurrenceId) && o.endMs > o.startMs);
  if (gained.length === 0) return;
  const query = queryFnOf(db);
  for (const resource of uniqueResources(active.map((h) => h.resource))) {
    const asked = new Set(held.filter((h) => h.resource.id === resource.id).map((h) => h.booking.recurrenceId));
    const last = active.filter((h) => h.resource.id === resource.id).sort((x, y) => y.booking.startsAt.getTime() - x.booking.startsAt.getTime())[0]!.booking;
    const travelMinutes = await travelMinutesFor(db, after.organizationId, resource, after.communityId);
    for (const o of gained) {
      if (asked.has(o.recurrenceId) || o.startMs > last.startsAt.getTime()) continue;
      if (!isWithinBookableHours(resource.bookableHours ?? null, resource.timeZone, o)) continue;
      await bookOccurrence(query, { organizationId: after.organizationId, userId: last.requestedBy }, {
        resource, travelMinutes, entryId: after.id, recurrenceId: o.recurrenceId, startMs: o.startMs, endMs: o.endMs, units: last.units, note: last.note, idempotencyKey: null,
      });
    }
  }
}

const uniqueResources = (rows: ResourceRow[]): ResourceRow[] => [...new Map(rows.map((r) => [r.id, r])).values()];
