import { and, eq } from 'drizzle-orm';
import { attendanceFigures, effectiveRsvp } from '../../core/attendance/report.js';
import type { Db } from '../../db/client.js';
import { attendanceRecords, entryParticipants, participantRsvps } from '../../db/schema/attendance.js';
import type { Actor } from '../auth/actor.js';
import { resolveOccurrence } from './occurrence.js';
import { canManageAttendance } from './policy.js';
import { presentParticipant } from './presenter.js';
import { findOccurrenceRow, listParticipants } from './repository.js';
import { visibleEntryFor } from './answer-rsvp.js';

/**
 * The participants of an entry with the counts shown on it. With a recurrenceId (or for an entry
 * that does not recur) the answers and attendance of that occurrence; for a series without one,
 * the answers for the whole series.
 */
export async function listEntryParticipants(deps: { db: Db }, actor: Actor, entryId: string, recurrenceIdAsked: string | undefined) {
  const { entry, calendar, recurrenceId: overrideId, mine } = await visibleEntryFor(deps.db, actor, entryId);
  const canManage = Boolean(calendar && canManageAttendance(actor, calendar.level, entry));
  const isRecurring = Boolean(entry.rrule) || entry.rdate.length > 0;
  const recurrenceId = recurrenceIdAsked ?? overrideId ?? undefined;
  const occurrence = !isRecurring || recurrenceId ? resolveOccurrence(entry, recurrenceId) : null;
  const org = actor.organizationId;
  const rows = await listParticipants(deps.db, org, entry.id);
  const answers = new Map<string, (typeof rows)[number]['rsvp']>();
  const attendance = new Map<string, typeof attendanceRecords.$inferSelect>();
  if (occurrence) {
    const [rsvps, records] = await Promise.all([
      deps.db.select({ id: participantRsvps.participantId, response: participantRsvps.response }).from(participantRsvps)
        .innerJoin(entryParticipants, and(eq(entryParticipants.organizationId, participantRsvps.organizationId), eq(entryParticipants.id, participantRsvps.participantId)))
        .where(and(eq(participantRsvps.organizationId, org), eq(entryParticipants.entryId, entry.id), eq(participantRsvps.occurrenceKey, occurrence.key))),
      deps.db.select().from(attendanceRecords)
        .where(and(eq(attendanceRecords.organizationId, org), eq(attendanceRecords.entryId, entry.id), eq(attendanceRecords.occurrenceKey, occurrence.key))),
    ]);
    for (const r of rsvps) answers.set(r.id, r.response);
    for (const r of records) attendance.set(r.participantId, r);
  }
  const stored = occurrence ? await findOccurrenceRow(deps.db, org, entry.id, occurrence.key) : null;
  const counts = { invited: 0, going: 0, maybe: 0, declined: 0, attended: 0, walkIns: 0, expected: 0 };
  for (const row of rows) {
    const answer = effectiveRsvp(row.rsvp, answers.get(row.id));
    const came = ['checked_in', 'checked_out'].includes(attendance.get(row.id)?.status ?? '');
    if (!row.isWalkIn) {
      counts.invited++;
      if (answer !== 'invited') counts[answer]++;
    }
    if (came) counts.attended++;
    if (came && row.isWalkIn) counts.walkIns++;
  }
  counts.expected = stored?.expected ?? counts.going;
  // Who is on the list is the editors' business; everyone else sees only themself.
  const visible = canManage ? rows : rows.filter((r) => r.id === mine?.id);
  return {
    participants: visible.map((row) => presentParticipant(row, { canManage, actorUserId: actor.userId, occurrenceRsvp: answers.get(row.id) ?? null, attendance: attendance.get(row.id) ?? null, withAttendance: occurrence !== null })),
    recurrenceId: occurrence?.key || null,
    counts: attendanceFigures(counts),
    canManage,
  };
}
