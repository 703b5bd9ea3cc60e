import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { occurrenceInstant } from '../../core/recurrence/index.js';
import { formatLocalDate, formatLocalDateTime, ianaZone, localFromWallMs, localToEpochMs, type LocalDateTime } from '../../core/time/index.js';
import type { DbOrTx } from '../../db/client.js';
import { entries } from '../../db/schema/entries.js';
import { resourceBookingEvents, resourceBookings } from '../../db/schema/resources.js';
import { parseOccurrenceId } from '../entries/edit-occurrence.js';
import type { EntryRow } from '../entries/repository.js';
import { seriesFieldsOf, toRecurrenceInput } from '../entries/series.js';
import { isSeries } from './occurrences.js';

/**
 * What the entries trigger (0004_resources.sql) cannot do because it would need the recurrence
 * engine: bookings of occurrences a rule change removed, and bookings carried over to the new series
 * of a "this and following" split. Called by the entries use cases inside their transaction; a
 * move that would double-book is refused by the guard there, and the whole edit rolls back.
 */

const activeOccurrenceBookings = (db: DbOrTx, series: EntryRow) =>
  db.select({ id: resourceBookings.id, recurrenceId: resourceBookings.recurrenceId }).from(resourceBookings).where(and(
    eq(resourceBookings.organizationId, series.organizationId), eq(resourceBookings.entryId, series.id),
    inArray(resourceBookings.status, ['pending', 'approved']), isNotNull(resourceBookings.recurrenceId)));

function instantIn(series: EntryRow, recurrenceId: string): number | null {
  try {
    return occurrenceInstant(toRecurrenceInput(seriesFieldsOf(series)), parseOccurrenceId(series, recurrenceId));
  } catch {
    return null;
  }
}

async function cancelBookings(db: DbOrTx, organizationId: string, ids: string[], reason: string): Promise<void> {
  if (ids.length === 0) return;
  await db.update(resourceBookings).set({ status: 'cancelled', decisionReason: reason, version: sql`${resourceBookings.version} + 1`, updatedAt: new Date() })
    .where(and(eq(resourceBookings.organizationId, organizationId), inArray(resourceBookings.id, ids)));
  await db.insert(resourceBookingEvents).values(ids.map((bookingId) => ({ organizationId, bookingId, action: 'occurrence_removed', toStatus: 'cancelled', reason })));
}

/** Frees the bookings of occurrences that are no longer in the series (its rule or dates changed). */
export async function releaseBookingsOfRemovedOccurrences(db: DbOrTx, series: EntryRow): Promise<void> {
  if (!isSeries(series) || series.deletedAt) return;
  const rows = await activeOccurrenceBookings(db, series);
  const gone = rows.filter((r) => instantIn(series, r.recurrenceId!) === null).map((r) => r.id);
  await cancelBookings(db, series.organizationId, gone, 'the occurrence is no longer in the series');
}

const wallMs = (ms: number, zone: string) => ms + ianaZone(zone).offsetMsAt(ms);

/**
 * "This and following": bookings of the occurrences from the split on go to the new series. An
 * occurrence kept as an override keeps its RECURRENCE-ID and its time; the others move by the same
 * wall-clock shift as the new series' start, and are freed when the new rule has no such occurrence.
 */
export async function carryBookingsToSplitSeries(db: DbOrTx, master: EntryRow, created: EntryRow, splitInstantMs: number): Promise<void> {
  const rows = (await activeOccurrenceBookings(db, master)).filter((r) => (instantIn(master, r.recurrenceId!) ?? -Infinity) >= splitInstantMs);
  if (rows.length === 0) return;
  const overridden = new Set((await db.select({ rid: entries.recurrenceId }).from(entries)
    .where(and(eq(entries.organizationId, created.organizationId), eq(entries.seriesId, created.id), isNull(entries.deletedAt)))).map((o) => o.rid));
  const shiftMs = wallMs(created.startAt.getTime(), created.timeZone) - wallMs(splitInstantMs, master.timeZone);
  const durationMs = created.endAt.getTime() - created.startAt.getTime();
  const gone: string[] = [];
  for (const r of rows) {
    if (overridden.has(r.recurrenceId)) {
      await db.update(resourceBookings).set({ entryId: created.id, version: sql`${resourceBookings.version} + 1` }).where(eq(resourceBookings.id, r.id));
      continue;
    }
    const local = localFromWallMs(localToEpochMs({ hour: 0, minute: 0, second: 0, ...parseOccurrenceId(master, r.recurrenceId!) } as LocalDateTime) + shiftMs);
    const rid = created.allDay ? formatLocalDate(local) : formatLocalDateTime(local);
    const instant = instantIn(created, rid);
    if (instant === null) {
      gone.push(r.id);
      continue;
    }
    await db.update(resourceBookings).set({
      entryId: created.id, recurrenceId: rid, startsAt: new Date(instant), endsAt: new Date(instant + durationMs),
      version: sql`${resourceBookings.version} + 1`, updatedAt: new Date(),
    }).where(eq(resourceBookings.id, r.id));
  }
  await cancelBookings(db, master.organizationId, gone, 'the occurrence is no longer in the series');
}
