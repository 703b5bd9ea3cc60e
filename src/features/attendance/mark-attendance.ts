import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { attendanceOccurrences, attendanceRecords, type AttendanceStatus } from '../../db/schema/attendance.js';
import { notFound } from '../../http/problem.js';
import type { Actor } from '../auth/actor.js';
import { loadManagedEntry } from './load-managed-entry.js';
import { resolveOccurrence } from './occurrence.js';
import { findParticipant, refreshOccurrenceCounts } from './repository.js';

/**
 * An organiser's correction of one person's attendance: mark absent, set times by hand, or clear
 * the record (not checked in). Scans go through the batch API; this is for the list screen.
 */
export async function markAttendance(
  deps: { db: Db; now: () => Date },
  actor: Actor,
  entryId: string,
  participantId: string,
  input: { recurrenceId?: string | undefined; status: AttendanceStatus | 'not_checked_in'; checkedInAt?: string | null | undefined; checkedOutAt?: string | null | undefined },
) {
  return deps.db.transaction(async (tx) => {
    const { entry, recurrenceId: overrideId } = await loadManagedEntry(tx, actor, entryId);
    const participant = await findParticipant(tx, actor.organizationId, participantId);
    if (!participant || participant.entryId !== entry.id) throw notFound('Participant');
    const occurrence = resolveOccurrence(entry, input.recurrenceId ?? overrideId);
    const key = and(eq(attendanceRecords.organizationId, actor.organizationId), eq(attendanceRecords.participantId, participant.id), eq(attendanceRecords.occurrenceKey, occurrence.key));
    const now = deps.now();
    if (input.status === 'not_checked_in') {
      await tx.delete(attendanceRecords).where(key);
    } else {
      const values = {
        status: input.status,
        checkedInAt: input.checkedInAt ? new Date(input.checkedInAt) : input.status === 'checked_in' ? now : null,
        checkedOutAt: input.checkedOutAt ? new Date(input.checkedOutAt) : input.status === 'checked_out' ? now : null,
        // Times set by hand are the organiser's: no longer a scanner's corrected clock.
        method: 'manual' as const, recordedBy: actor.userId, updatedAt: now, clockSkewSeconds: null,
      };
      await tx.insert(attendanceRecords).values({ organizationId: actor.organizationId, participantId: participant.id, occurrenceKey: occurrence.key, entryId: entry.id, ...values })
        .onConflictDoUpdate({ target: [attendanceRecords.organizationId, attendanceRecords.participantId, attendanceRecords.occurrenceKey], set: values });
    }
    await refreshOccurrenceCounts(tx, actor.organizationId, entry.id, occurrence);
    return { participantId: participant.id, recurrenceId: occurrence.key || null, status: input.status };
  });
}

/** The organiser's expectation for an occurrence (kept beside the actual count for forecasting). */
export async function setExpected(deps: { db: Db }, actor: Actor, entryId: string, input: { recurrenceId?: string | undefined; expected: number | null }) {
  return deps.db.transaction(async (tx) => {
    const { entry, recurrenceId: overrideId } = await loadManagedEntry(tx, actor, entryId);
    const occurrence = resolveOccurrence(entry, input.recurrenceId ?? overrideId);
    await refreshOccurrenceCounts(tx, actor.organizationId, entry.id, occurrence);
    await tx.update(attendanceOccurrences).set({ expected: input.expected, updatedAt: new Date() })
      .where(and(eq(attendanceOccurrences.organizationId, actor.organizationId), eq(attendanceOccurrences.entryId, entry.id), eq(attendanceOccurrences.occurrenceKey, occurrence.key)));
    return { recurrenceId: occurrence.key || null, expected: input.expected };
  });
}
