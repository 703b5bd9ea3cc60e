import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { entries } from '../../db/schema/entries.js';
import { forbidden, notFound, preconditionFailed } from '../../http/problem.js';
import type { Actor } from '../auth/actor.js';
import { canEditEntry } from '../calendars/policy.js';
import { type CalendarWithLevel, findAccessibleCalendar } from '../calendars/repository.js';
import { bookingsFollowEntryEdit } from '../resources/follow-entry-edit.js';
import { findEntry, type EntryRow } from './repository.js';
import type { EntryPatch } from './schemas.js';
import { formatInZone, resolveEntryTimes } from './times.js';
import { checkDetails, checkReferences, writableCalendar } from './write-checks.js';

// A change to any of these is a change attendees must hear about (iCalendar SEQUENCE, RFC 5546).
const SIGNIFICANT = ['start', 'end', 'allDay', 'timeZone', 'rrule', 'rdate', 'exdate', 'location', 'title'] as const;

/** Loads an entry the actor may change, or answers 404 (cannot see it) / 403 (can see, cannot change). */
export async function loadEditableEntry(db: Db, actor: Actor, id: string): Promise<{ row: EntryRow; calendar: CalendarWithLevel }> {
  const row = await findEntry(db, actor.organizationId, id);
  const calendar = row ? await findAccessibleCalendar(db, actor, row.calendarId) : null;
  if (!row || !calendar || calendar.level === 'freebusy') throw notFound('Entry');
  if (!canEditEntry(actor, calendar.level, row)) throw forbidden('You may see this entry but not change it.');
  return { row, calendar };
}

export async function updateEntry(
  deps: { db: Db },
  actor: Actor,
  id: string,
  patch: EntryPatch,
  expectedVersion: number | null,
): Promise<{ row: EntryRow; calendar: CalendarWithLevel }> {
  return deps.db.transaction(async (tx) => {
    const loaded = await loadEditableEntry(tx as unknown as Db, actor, id);
    const current = loaded.row;
    if (expectedVersion !== null && expectedVersion !== current.version) {
      throw preconditionFailed(`The entry changed since you loaded it (now version ${current.version}); reload and try again.`);
    }
    const calendar = patch.calendarId && patch.calendarId !== current.calendarId ? await writableCalendar(tx, actor, patch.calendarId) : loaded.calendar;
    await checkReferences(tx, actor, { organizerId: patch.organizerId, communityId: patch.communityId });
    // Only a change of kind or details is held to the kind's schema: older rows stay editable otherwise.
    if (patch.module !== undefined || patch.kind !== undefined || patch.details !== undefined) {
      checkDetails(patch.module ?? current.module, patch.kind ?? current.kind, patch.details ?? current.details);
    }
    const allDay = patch.allDay ?? current.allDay;
    const timeZone = patch.timeZone ?? current.timeZone;
    const times = resolveEntryTimes({
      allDay,
      timeZone,
      start: patch.start ?? (allDay === current.allDay ? (current.allDay ? current.startDate! : formatInZone(current.startAt, timeZone)) : ''),
      end: patch.end ?? (allDay === current.allDay ? (current.allDay ? current.endDate! : formatInZone(current.endAt, timeZone)) : ''),
      rrule: patch.rrule === undefined ? current.rrule : patch.rrule,
      rdate: patch.rdate ?? current.rdate,
      exdate: patch.exdate ?? current.exdate,
    });
    const significant = SIGNIFICANT.some((key) => patch[key] !== undefined);
    const { start: _s, end: _e, ...rest } = patch;
    const [row] = await tx
      .update(entries)
      .set({
        ...rest,
        ...times,
        calendarId: calendar.id,
        version: sql`${entries.version} + 1`,
        sequence: significant ? sql`${entries.sequence} + 1` : current.sequence,
        updatedAt: new Date(),
      })
      .where(and(eq(entries.id, id), eq(entries.version, current.version)))
      .returning();
    if (!row) throw preconditionFailed('The entry changed while saving; reload and try again.');
    await bookingsFollowEntryEdit(tx, current, row);
    return { row, calendar };
  });
}

export async function deleteEntry(deps: { db: Db }, actor: Actor, id: string, expectedVersion: number | null): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const { row } = await loadEditableEntry(tx as unknown as Db, actor, id);
    if (expectedVersion !== null && expectedVersion !== row.version) {
      throw preconditionFailed(`The entry changed since you loaded it (now version ${row.version}); reload and try again.`);
    }
    const now = new Date();
    // A tombstone, not a DELETE: sync peers and feeds must learn that the entry went away.
    await tx.update(entries).set({ deletedAt: now, version: sql`${entries.version} + 1`, sequence: sql`${entries.sequence} + 1`, updatedAt: now })
      .where(sql`${entries.id} = ${id} or ${entries.seriesId} = ${id}`);
  });
}
