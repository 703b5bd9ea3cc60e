import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { attendanceOccurrences, entryParticipants } from '../../db/schema/attendance.js';
import type { Actor } from '../auth/actor.js';
import { type CalendarWithLevel, findAccessibleCalendar } from '../calendars/repository.js';
import { type EntryRow, findEntry } from '../entries/repository.js';
import type { AttendanceOccurrence } from './occurrence.js';

export type ParticipantRow = typeof entryParticipants.$inferSelect;

/** Raw SQL through Drizzle on either driver: node-postgres and PGlite both answer with { rows }. */
export async function selectRows<T>(db: DbOrTx, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export interface AttendanceEntry {
  /** The entry participants belong to: the series itself when the id named an edited occurrence. */
  entry: EntryRow;
  calendar: CalendarWithLevel | null;
  /** Set when the id named an edited occurrence (an override row): that occurrence. */
  recurrenceId: string | null;
}

export async function loadAttendanceEntry(db: DbOrTx, actor: Actor, entryId: string): Promise<AttendanceEntry | null> {
  const row = await findEntry(db, actor.organizationId, entryId);
  if (!row) return null;
  const entry = row.seriesId ? await findEntry(db, actor.organizationId, row.seriesId) : row;
  if (!entry) return null;
  const calendar = await findAccessibleCalendar(db, actor, entry.calendarId);
  return { entry, calendar, recurrenceId: row.seriesId ? row.recurrenceId : null };
}

export async function findParticipant(db: DbOrTx, organizationId: string, id: string): Promise<ParticipantRow | null> {
  const [row] = await db.select().from(entryParticipants).where(and(eq(entryParticipants.organizationId, organizationId), eq(entryParticipants.id, id)));
  return row ?? null;
}

export async function participantOfUser(db: DbOrTx, organizationId: string, entryId: string, userId: string): Promise<ParticipantRow | null> {
  const [row] = await db.select().from(entryParticipants)
    .where(and(eq(entryParticipants.organizationId, organizationId), eq(entryParticipants.entryId, entryId), eq(entryParticipants.userId, userId)));
  return row ?? null;
}

export async function listParticipants(db: DbOrTx, organizationId: string, entryId: string): Promise<ParticipantRow[]> {
  return db.select().from(entryParticipants)
    .where(and(eq(entryParticipants.organizationId, organizationId), eq(entryParticipants.entryId, entryId)))
    .orderBy(entryParticipants.createdAt, entryParticipants.id);
}

/**
 * Recounts one occurrence from the participants, their answers and their attendance, in the
 * caller's transaction, so the counts on the event can never drift from the rows they count.
 */
export async function refreshOccurrenceCounts(tx: DbOrTx, organizationId: string, entryId: string, occurrence: AttendanceOccurrence): Promise<void> {
  // The counts row is locked before counting, and the count is a later statement (a new snapshot
  // under READ COMMITTED): it sees every change committed by whoever held the lock before, including
  // check-in batches that move the counts by a delta under the same row lock.
  await tx.execute(sql`insert into attendance_occurrences (organization_id, entry_id, occurrence_key, occurrence_at)
    values (${organizationId}::uuid, ${entryId}::uuid, ${occurrence.key}, ${occurrence.at.toISOString()}::timestamptz) on conflict do nothing`);
  await tx.execute(sql`select 1 from attendance_occurrences where organization_id = ${organizationId}::uuid and entry_id = ${entryId}::uuid and occurrence_key = ${occurrence.key} for update`);
  // Each part is read by its own index and materialised, then joined by hash: a plan that joins
  // the tables directly can loop over attendance_records once per participant (seconds at 1,000).
  await tx.execute(sql`
    with p as materialized (
      select id, rsvp, is_walk_in from entry_participants where organization_id = ${organizationId}::uuid and entry_id = ${entryId}::uuid
    ), r as materialized (
      select participant_id, response from participant_rsvps
      where organization_id = ${organizationId}::uuid and occurrence_key = ${occurrence.key} and participant_id in (select id from p)
    ), a as materialized (
      select participant_id, status from attendance_records
      where organization_id = ${organizationId}::uuid and entry_id = ${entryId}::uuid and occurrence_key = ${occurrence.key}
    )
    insert into attendance_occurrences (organization_id, entry_id, occurrence_key, occurrence_at, invited, going, maybe, declined, attended, walk_ins, updated_at)
    select ${organizationId}::uuid, ${entryId}::uuid, ${occurrence.key}, ${occurrence.at.toISOString()}::timestamptz,
      count(p.id) filter (where not p.is_walk_in),
      count(p.id) filter (where not p.is_walk_in and coalesce(r.response, p.rsvp) = 'going'),
      count(p.id) filter (where not p.is_walk_in and coalesce(r.response, p.rsvp) = 'maybe'),
      count(p.id) filter (where not p.is_walk_in and coalesce(r.response, p.rsvp) = 'declined'),
      count(a.participant_id) filter (where a.status in ('checked_in', 'checked_out')),
      count(a.participant_id) filter (where p.is_walk_in and a.status in ('checked_in', 'checked_out')),
      now()
    from p left join r on r.participant_id = p.id left join a on a.participant_id = p.id
    on conflict (organization_id, entry_id, occurrence_key) do update set
      occurrence_at = excluded.occurrence_at, invited = excluded.invited, going = excluded.going, maybe = excluded.maybe,
      declined = excluded.declined, attended = excluded.attended, walk_ins = excluded.walk_ins, updated_at = now()`);
}

export async function findOccurrenceRow(db: DbOrTx, organizationId: string, entryId: string, key: string) {
  const [row] = await db.select().from(attendanceOccurrences)
    .where(and(eq(attendanceOccurrences.organizationId, organizationId), eq(attendanceOccurrences.entryId, entryId), eq(attendanceOccurrences.occurrenceKey, key)));
  return row ?? null;
}
