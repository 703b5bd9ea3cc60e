import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { entryParticipants } from '../../db/schema/attendance.js';
import { invalidField, notFound } from '../../http/problem.js';
import type { Actor } from '../auth/actor.js';
import { communityExists, type EntryRow } from '../entries/repository.js';
import { loadManagedEntry } from './load-managed-entry.js';
import { refreshEntryCounts } from './record-rsvp.js';
import { checkParticipantReportValues } from './report-fields.js';
import { findParticipant, type ParticipantRow } from './repository.js';
import type { ParticipantPatch } from './schemas.js';

async function managedParticipant(tx: Db | Parameters<Parameters<Db['transaction']>[0]>[0], actor: Actor, entryId: string, participantId: string) {
  const { entry } = await loadManagedEntry(tx, actor, entryId);
  const row = await findParticipant(tx, actor.organizationId, participantId);
  if (!row || row.entryId !== entry.id) throw notFound('Participant');
  return { entry, row };
}

export async function updateParticipant(deps: { db: Db; now: () => Date }, actor: Actor, entryId: string, participantId: string, patch: ParticipantPatch): Promise<{ row: ParticipantRow; entry: EntryRow }> {
  return deps.db.transaction(async (tx) => {
    const { entry, row } = await managedParticipant(tx, actor, entryId, participantId);
    if (patch.communityId && !(await communityExists(tx, actor.organizationId, patch.communityId))) {
      throw invalidField('communityId', 'is not a community in the directory', 422);
    }
    if (patch.reportValues) await checkParticipantReportValues(tx, actor.organizationId, patch.reportValues);
    const { revokeTicket, ...fields } = patch;
    const [updated] = await tx.update(entryParticipants)
      .set({ ...fields, updatedAt: deps.now(), ...(revokeTicket ? { ticketVersion: sql`${entryParticipants.ticketVersion} + 1` } : {}) })
      .where(and(eq(entryParticipants.organizationId, actor.organizationId), eq(entryParticipants.id, row.id)))
      .returning();
    return { row: updated!, entry };
  });
}

/** Removes a participant with their answers and attendance (and so revokes their links and tickets). */
export async function removeParticipant(deps: { db: Db }, actor: Actor, entryId: string, participantId: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const { entry, row } = await managedParticipant(tx, actor, entryId, participantId);
    await tx.delete(entryParticipants).where(and(eq(entryParticipants.organizationId, actor.organizationId), eq(entryParticipants.id, row.id)));
    await refreshEntryCounts(tx, entry);
  });
}
