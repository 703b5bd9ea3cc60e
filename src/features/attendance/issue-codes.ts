import { and, eq, sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { Db, DbOrTx } from '../../db/client.js';
import { attendanceOccurrences } from '../../db/schema/attendance.js';
import { notFound } from '../../http/problem.js';
import type { Actor } from '../auth/actor.js';
import { visibleEntryFor } from './answer-rsvp.js';
import { codeExpiry, signEventCode, signTicket } from './codes.js';
import { loadManagedEntry } from './load-managed-entry.js';
import { type AttendanceOccurrence, resolveOccurrence } from './occurrence.js';
import { canManageAttendance } from './policy.js';
import { findOccurrenceRow, listParticipants, type ParticipantRow, refreshOccurrenceCounts } from './repository.js';

export interface IssuedCode { code: string; expiresAt: string; recurrenceId: string | null }
type Deps = { db: Db; signingKey: Uint8Array; now: () => Date };

export const qrPng = (text: string): Promise<Buffer> => QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 320 });

function ticketFor(deps: Deps, participant: ParticipantRow, entry: Parameters<typeof codeExpiry>[0], occurrence: AttendanceOccurrence | null): IssuedCode {
  const expiresAt = codeExpiry(entry, occurrence?.key ? occurrence.at : null, deps.now());
  const code = signTicket(deps.signingKey, {
    organizationId: participant.organizationId, entryId: entry.id, participantId: participant.id, recurrenceId: occurrence?.key || null, version: participant.ticketVersion,
  }, expiresAt);
  return { code, expiresAt: expiresAt.toISOString(), recurrenceId: occurrence?.key || null };
}

/** A personal ticket: the entry's editors get anyone's, a participant their own; others 404. */
export async function issueTicket(deps: Deps, actor: Actor, entryId: string, participantId: string, recurrenceId: string | undefined): Promise<IssuedCode & { name: string }> {
  const { entry, calendar, mine } = await visibleEntryFor(deps.db, actor, entryId);
  const canManage = Boolean(calendar && canManageAttendance(actor, calendar.level, entry));
  const participant = canManage ? (await listParticipants(deps.db, actor.organizationId, entry.id)).find((p) => p.id === participantId) : mine?.id === participantId ? mine : null;
  if (!participant) throw notFound('Participant');
  const occurrence = recurrenceId ? resolveOccurrence(entry, recurrenceId) : null;
  return { ...ticketFor(deps, participant, entry, occurrence), name: participant.name };
}

/** Every participant's ticket, for the printable sheet (people without phones). */
export async function issueTicketSheet(deps: Deps, actor: Actor, entryId: string, recurrenceId: string | undefined) {
  const { entry } = await loadManagedEntry(deps.db, actor, entryId);
  const occurrence = recurrenceId ? resolveOccurrence(entry, recurrenceId) : null;
  const participants = await listParticipants(deps.db, actor.organizationId, entry.id);
  return { entry, recurrenceId: occurrence?.key || null, tickets: participants.map((p) => ({ participant: p, ...ticketFor(deps, p, entry, occurrence) })) };
}

async function occurrenceRow(tx: DbOrTx, actor: Actor, entryId: string, occurrence: AttendanceOccurrence) {
  const existing = await findOccurrenceRow(tx, actor.organizationId, entryId, occurrence.key);
  if (existing) return existing;
  await refreshOccurrenceCounts(tx, actor.organizationId, entryId, occurrence);
  return (await findOccurrenceRow(tx, actor.organizationId, entryId, occurrence.key))!;
}

/** The event's self check-in code for one occurrence (shown at the venue). Editors only. */
export async function issueEventCode(deps: Deps, actor: Actor, entryId: string, recurrenceId: string | undefined, revoke = false): Promise<IssuedCode> {
  return deps.db.transaction(async (tx) => {
    const { entry, recurrenceId: overrideId } = await loadManagedEntry(tx, actor, entryId);
    const occurrence = resolveOccurrence(entry, recurrenceId ?? overrideId);
    let version = (await occurrenceRow(tx, actor, entry.id, occurrence)).eventCodeVersion;
    if (revoke) {
      const [row] = await tx.update(attendanceOccurrences).set({ eventCodeVersion: sql`${attendanceOccurrences.eventCodeVersion} + 1` })
        .where(and(eq(attendanceOccurrences.organizationId, actor.organizationId), eq(attendanceOccurrences.entryId, entry.id), eq(attendanceOccurrences.occurrenceKey, occurrence.key)))
        .returning();
      version = row!.eventCodeVersion;
    }
    const expiresAt = codeExpiry(entry, occurrence.key ? occurrence.at : null, deps.now());
    const code = signEventCode(deps.signingKey, { organizationId: actor.organizationId, entryId: entry.id, recurrenceId: occurrence.key || null, version }, expiresAt);
    return { code, expiresAt: expiresAt.toISOString(), recurrenceId: occurrence.key || null };
  });
}
