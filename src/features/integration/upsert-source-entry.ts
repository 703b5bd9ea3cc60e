import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { entries } from '../../db/schema/entries.js';
import { forbidden } from '../../http/problem.js';
import type { Actor } from '../auth/actor.js';
import { canEditEntry } from '../calendars/policy.js';
import { type CalendarWithLevel, findAccessibleCalendar } from '../calendars/repository.js';
import { createEntry } from '../entries/create-entry.js';
import type { EntryRow } from '../entries/repository.js';
import type { EntryCreate } from '../entries/schemas.js';
import { resolveEntryTimes } from '../entries/times.js';
import { updateEntry } from '../entries/update-entry.js';
import { writableCalendar } from '../entries/write-checks.js';
import { findSourceEntry } from './find-source-entry.js';
import { sourcePatchOf } from './source-diff.js';

export interface SourceUpsert {
  result: 'created' | 'updated' | 'unchanged';
  row: EntryRow;
  calendar: CalendarWithLevel;
}

/** The existing source entry's calendar, if the actor may change entries there (else 403). */
async function editableCalendarOf(db: Db, actor: Actor, row: EntryRow, target: CalendarWithLevel): Promise<CalendarWithLevel> {
  const calendar = row.calendarId === target.id ? target : await findAccessibleCalendar(db, actor, row.calendarId);
  if (!calendar || !canEditEntry(actor, calendar.level, row)) throw forbidden('The entry with this source id is in a calendar you may not change.');
  return calendar;
}

/**
 * PUT semantics for another system's record: the body is the whole entry. The first call creates
 * it (with source_system/external_id), later calls change only what differs, and a call that
 * changes nothing writes nothing (same version, same updated_at). A tombstoned entry comes back.
 */
export async function upsertSourceEntry(deps: { db: Db }, actor: Actor, system: string, externalId: string, input: EntryCreate): Promise<SourceUpsert> {
  return deps.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const target = await writableCalendar(tx, actor, input.calendarId);
    const existing = await findSourceEntry(tx, actor.organizationId, system, externalId);
    if (!existing) {
      const { row, calendar } = await createEntry({ db }, actor, input, { sourceSystem: system, externalId });
      return { result: 'created', row, calendar };
    }
    let row = existing;
    let calendar = await editableCalendarOf(db, actor, row, target);
    const restored = row.deletedAt !== null;
    if (restored) {
      [row] = await tx.update(entries)
        .set({ deletedAt: null, version: sql`${entries.version} + 1`, sequence: sql`${entries.sequence} + 1`, updatedAt: new Date() })
        .where(eq(entries.id, row.id)).returning() as [EntryRow];
    }
    const timeZone = input.timeZone ?? actor.timeZone;
    const patch = sourcePatchOf(row, {
      input, calendarId: target.id, module: input.module ?? target.module ?? 'general', timeZone,
      organizerId: input.organizerId === undefined ? actor.userId : input.organizerId,
      times: resolveEntryTimes({ ...input, timeZone, rrule: input.rrule ?? null }),
    });
    if (patch) ({ row, calendar } = await updateEntry({ db }, actor, row.id, patch, row.version));
    return { result: restored ? 'created' : patch ? 'updated' : 'unchanged', row, calendar };
  });
}
