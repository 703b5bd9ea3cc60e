import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { attendanceOccurrences, entryParticipants, participantRsvps, type RsvpStatus } from '../../db/schema/attendance.js';
import { type EntryRow, findEntry } from '../entries/repository.js';
import { type AttendanceOccurrence, isSeries, recurrenceIdAt, resolveOccurrence, tryResolveOccurrence } from './occurrence.js';
import { type ParticipantRow, refreshOccurrenceCounts } from './repository.js';

export type RsvpResponse = Exclude<RsvpStatus, 'invited'>;

/**
 * Writes one answer: for one occurrence of a series (it overrides the series answer there), or for
 * the whole entry/series (it replaces the occurrence answers given before). Recounts what it touched.
 */
export async function setRsvp(tx: DbOrTx, entry: EntryRow, participant: ParticipantRow, response: RsvpResponse, occurrence: AttendanceOccurrence | null, now: Date): Promise<void> {
  const org = participant.organizationId;
  if (occurrence && isSeries(entry)) {
    await tx.insert(participantRsvps).values({ organizationId: org, participantId: participant.id, occurrenceKey: occurrence.key, response, respondedAt: now })
      .onConflictDoUpdate({ target: [participantRsvps.organizationId, participantRsvps.participantId, participantRsvps.occurrenceKey], set: { response, respondedAt: now } });
    await refreshOccurrenceCounts(tx, org, entry.id, occurrence);
    return;
  }
  await tx.update(entryParticipants).set({ rsvp: response, rsvpAt: now, updatedAt: now })
    .where(and(eq(entryParticipants.organizationId, org), eq(entryParticipants.id, participant.id)));
  await tx.delete(participantRsvps).where(and(eq(participantRsvps.organizationId, org), eq(participantRsvps.participantId, participant.id)));
  await refreshEntryCounts(tx, entry);
}

/** Recounts every occurrence of an entry that has counts (a single entry: its one occurrence). */
export async function refreshEntryCounts(tx: DbOrTx, entry: EntryRow): Promise<void> {
  if (!isSeries(entry)) return refreshOccurrenceCounts(tx, entry.organizationId, entry.id, resolveOccurrence(entry, null));
  const rows = await tx.select({ key: attendanceOccurrences.occurrenceKey, at: attendanceOccurrences.occurrenceAt }).from(attendanceOccurrences)
    .where(and(eq(attendanceOccurrences.organizationId, entry.organizationId), eq(attendanceOccurrences.entryId, entry.id)));
  for (const row of rows) await refreshOccurrenceCounts(tx, entry.organizationId, entry.id, row);
}

/** The counts of entries given participants by another feature (an import): each recounted from its rows. */
export async function refreshAttendanceCounts(db: DbOrTx, organizationId: string, entryIds: readonly string[]): Promise<void> {
  for (const id of entryIds) {
    const entry = await findEntry(db, organizationId, id);
    if (entry) await refreshEntryCounts(db, entry);
  }
}

/**
 * The contract other features call (an inbound iTIP reply, a mail gateway): records the answer of
 * the participant with this e-mail. false when the entry or the participant does not exist, or
 * occurrenceAt is no occurrence of the series.
 */
export async function recordRsvpByEmail(
  tx: DbOrTx,
  input: { organizationId: string; entryId: string; email: string; response: RsvpResponse; occurrenceAt?: Date | null },
): Promise<boolean> {
  const named = await findEntry(tx, input.organizationId, input.entryId);
  const entry = named?.seriesId ? await findEntry(tx, input.organizationId, named.seriesId) : named;
  if (!entry) return false;
  const [participant] = await tx.select().from(entryParticipants).where(and(
    eq(entryParticipants.organizationId, input.organizationId),
    eq(entryParticipants.entryId, entry.id),
    sql`lower(${entryParticipants.email}) = ${input.email.trim().toLowerCase()}`,
  ));
  if (!participant) return false;
  let occurrence: AttendanceOccurrence | null = null;
  if (isSeries(entry) && (input.occurrenceAt || named?.seriesId)) {
    occurrence = tryResolveOccurrence(entry, input.occurrenceAt ? recurrenceIdAt(entry, input.occurrenceAt) : named!.recurrenceId);
    if (!occurrence) return false;
  }
  await setRsvp(tx, entry, participant, input.response, occurrence, new Date());
  return true;
}
