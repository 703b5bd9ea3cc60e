import type { Db } from '../../db/client.js';
import { attendanceRecords } from '../../db/schema/attendance.js';
import { invalidField } from '../../http/problem.js';
import type { Actor } from '../auth/actor.js';
import { insertParticipant } from './add-participant.js';
import { loadManagedEntry } from './load-managed-entry.js';
import { resolveOccurrence } from './occurrence.js';
import { refreshOccurrenceCounts, type ParticipantRow } from './repository.js';
import type { WalkIn } from './schemas.js';

/**
 * Someone who came without an invitation, registered at the door: they become a participant
 * (marked as a walk-in, so they do not count as invited) and are checked in at once.
 */
export async function registerWalkIn(deps: { db: Db; now: () => Date }, actor: Actor, entryId: string, input: WalkIn): Promise<{ row: ParticipantRow; checkedInAt: Date; recurrenceId: string | null }> {
  return deps.db.transaction(async (tx) => {
    const { entry, recurrenceId: overrideId } = await loadManagedEntry(tx, actor, entryId);
    const occurrence = resolveOccurrence(entry, input.recurrenceId ?? overrideId);
    const now = deps.now();
    const checkedInAt = input.checkedInAt ? new Date(input.checkedInAt) : now;
    if (checkedInAt.getTime() > now.getTime() + 5 * 60_000) throw invalidField('checkedInAt', 'is in the future');
    const { recurrenceId: _ignored, checkedInAt: _at, ...fields } = input;
    const row = await insertParticipant(tx, actor, entry, { ...fields, role: 'optional', isWalkIn: true }, now);
    await tx.insert(attendanceRecords).values({
      organizationId: actor.organizationId, participantId: row.id, occurrenceKey: occurrence.key, entryId: entry.id,
      status: 'checked_in', checkedInAt, method: 'manual', recordedBy: actor.userId, updatedAt: now,
    });
    await refreshOccurrenceCounts(tx, actor.organizationId, entry.id, occurrence);
    return { row, checkedInAt, recurrenceId: occurrence.key || null };
  });
}
