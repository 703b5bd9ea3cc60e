import { and, eq, inArray } from 'drizzle-orm';
import { correctedForSkew } from '../../core/attendance/clock-skew.js';
import { type CodeRefusal, REFUSAL_MESSAGES, refusalOf } from '../../core/attendance/code-check.js';
import type { DbOrTx } from '../../db/client.js';
import { attendanceOccurrences, CHECK_IN_METHODS, type CheckInMethod, entryParticipants } from '../../db/schema/attendance.js';
import type { Actor } from '../auth/actor.js';
import type { EntryRow } from '../entries/repository.js';
import { peekEntryId, readEventCode, readTicket } from './codes.js';
import { type AttendanceOccurrence, tryResolveOccurrence } from './occurrence.js';
import { canManageAttendance } from './policy.js';
import { loadAttendanceEntry, participantOfUser } from './repository.js';

/** One scan as a device sends it: loosely typed on purpose, so that one bad scan is refused alone. */
export interface ScanInput {
  idempotencyKey: string;
  clientTime: string;
  entryId?: string | undefined;
  recurrenceId?: string | undefined;
  action?: string | undefined;
  method?: string | undefined;
  ticket?: string | undefined;
  eventCode?: string | undefined;
  participantId?: string | undefined;
  /** What the key is stored with when the scan was not sent as it is (the self check-in fills in clientTime). */
  requestHash?: string | undefined;
}

export type ScanRefusal = CodeRefusal | 'invalid' | 'not_found' | 'not_participant' | 'occurrence' | 'clock';

export interface ResolvedScan {
  input: ScanInput;
  action: 'check_in' | 'check_out';
  method: CheckInMethod;
  /** When the scan happened, on the server's clock (corrected for the device's clock, if it was off). */
  clientTime: Date;
  /** The time as the device reported it. */
  reportedTime: Date;
  entry: EntryRow | null;
  occurrence: AttendanceOccurrence | null;
  participantId: string | null;
  /** Counted apart in the occurrence's walk-ins. */
  isWalkIn: boolean;
  refusal: { reason: ScanRefusal; message: string } | null;
}

/** Devices may run a little fast; a scan further in the future than this is a wrong clock. */
const CLOCK_SKEW_MS = 5 * 60_000;
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const refuse = (reason: ScanRefusal, message?: string) => ({ reason, message: message ?? REFUSAL_MESSAGES[reason as CodeRefusal] });

interface EntryContext { entry: EntryRow; canManage: boolean; overrideRecurrenceId: string | null; selfParticipantId: string | null; selfIsWalkIn: boolean }

/**
 * Turns each scan into who checks in where, or the reason it is refused. Reads the entries, the
 * participants and the event-code versions once per batch, not once per scan.
 */
export async function resolveScans(db: DbOrTx, actor: Actor, key: Uint8Array, scans: readonly ScanInput[], now: Date, clockSkewSeconds: number | null): Promise<ResolvedScan[]> {
  const entryIds = new Set<string>();
  for (const s of scans) {
    const id = s.entryId ?? (s.eventCode ? peekEntryId(s.eventCode) : null);
    if (id && UUID.test(id)) entryIds.add(id.toLowerCase());
  }
  const hasEventCodes = scans.some((s) => s.eventCode);
  const contexts = new Map<string, EntryContext | null>();
  for (const id of entryIds) {
    const loaded = await loadAttendanceEntry(db, actor, id);
    if (!loaded) { contexts.set(id, null); continue; }
    const canManage = Boolean(loaded.calendar && canManageAttendance(actor, loaded.calendar.level, loaded.entry));
    // Only a self check-in (event code) needs to know whether the actor takes part.
    const self = hasEventCodes ? await participantOfUser(db, actor.organizationId, loaded.entry.id, actor.userId) : null;
    contexts.set(id, { entry: loaded.entry, canManage, overrideRecurrenceId: loaded.recurrenceId, selfParticipantId: self?.id ?? null, selfIsWalkIn: self?.isWalkIn ?? false });
  }
  const tickets = scans.map((s) => (s.ticket ? readTicket(key, s.ticket, now) : null));
  const eventCodes = scans.map((s) => (s.eventCode ? readEventCode(key, s.eventCode, now) : null));
  const participantIds = new Set<string>();
  scans.forEach((s, i) => {
    const id = tickets[i]?.claims?.participantId ?? s.participantId;
    if (id && UUID.test(id)) participantIds.add(id.toLowerCase());
  });
  const participants = new Map((participantIds.size
    ? await db.select({ id: entryParticipants.id, entryId: entryParticipants.entryId, ticketVersion: entryParticipants.ticketVersion, isWalkIn: entryParticipants.isWalkIn }).from(entryParticipants)
      .where(and(eq(entryParticipants.organizationId, actor.organizationId), inArray(entryParticipants.id, [...participantIds])))
    : []).map((p) => [p.id, p]));
  const codeVersions = !hasEventCodes ? new Map<string, number>() : await eventCodeVersions(db, actor.organizationId, [...contexts.values()].filter((c): c is EntryContext => c !== null).map((c) => c.entry.id));

  return scans.map((input, i): ResolvedScan => {
    const action = input.action === 'check_out' ? 'check_out' : 'check_in';
    const method = (input.method ?? (input.ticket || input.eventCode ? 'qr' : 'manual')) as CheckInMethod;
    const reported = ISO_WITH_OFFSET.test(input.clientTime) ? new Date(input.clientTime) : new Date(Number.NaN);
    const clientTime = new Date(correctedForSkew(reported.getTime(), clockSkewSeconds));
    const base: ResolvedScan = {
      input, action, method, clientTime: Number.isNaN(clientTime.getTime()) ? now : clientTime, reportedTime: Number.isNaN(reported.getTime()) ? now : reported,
      entry: null, occurrence: null, participantId: null, isWalkIn: false, refusal: null,
    };
    const refused = (reason: ScanRefusal, message?: string): ResolvedScan => ({ ...base, refusal: refuse(reason, message) });
    if (Number.isNaN(clientTime.getTime())) return refused('invalid', 'clientTime: must be an ISO-8601 date-time with offset, like 2026-03-02T09:05:00+08:00');
    if (input.action !== undefined && input.action !== 'check_in' && input.action !== 'check_out') return refused('invalid', 'action: must be check_in or check_out');
    if (!CHECK_IN_METHODS.includes(method)) return refused('invalid', 'method: must be manual, qr or nfc');
    if ([input.ticket, input.eventCode, input.participantId].filter(Boolean).length !== 1) return refused('invalid', 'give exactly one of ticket, eventCode or participantId');
    if (clientTime.getTime() > now.getTime() + CLOCK_SKEW_MS) return refused('clock', 'clientTime is in the future: the device clock is wrong; set it and scan again.');
    const ticket = tickets[i];
    const eventCode = eventCodes[i];
    const signature = ticket?.finding ?? eventCode?.finding;
    if (signature && !signature.ok) return refused(refusalOf(signature, null, { entryId: '', recurrenceId: null, currentVersion: null })!);
    const entryId = (input.entryId ?? eventCode?.claims?.entryId ?? '').toLowerCase();
    if (!UUID.test(entryId)) return refused('invalid', 'entryId: must be the UUID of the event being checked in');
    const context = contexts.get(entryId) ?? null;
    if (!context || (!context.canManage && !(eventCode && context.selfParticipantId))) {
      return refused('not_found', 'No such event, or you may not check people in to it.');
    }
    const { entry } = context;
    let recurrenceId = input.recurrenceId ?? context.overrideRecurrenceId;
    let participantId: string | null;
    let currentVersion: number | null = null;
    if (ticket || eventCode) {
      const claims = (ticket ?? eventCode)!.claims;
      if (!claims || claims.organizationId !== actor.organizationId) return refused('forged');
      recurrenceId ??= claims.recurrenceId;
      if (ticket) {
        participantId = ticket.claims!.participantId;
        const p = participants.get(participantId);
        currentVersion = p && p.entryId === entry.id ? p.ticketVersion : null;
      } else {
        participantId = context.selfParticipantId;
        if (!participantId) return refused('not_participant', 'You are not on the list of this event; ask the organiser to register you.');
        currentVersion = codeVersions.get(`${entry.id}|${recurrenceId ?? ''}`) ?? 1;
      }
      const refusal = refusalOf(signature!, claims, { entryId: entry.id, recurrenceId: recurrenceId ?? null, currentVersion });
      if (refusal) return refused(refusal);
    } else {
      participantId = input.participantId!.toLowerCase();
      if (participants.get(participantId)?.entryId !== entry.id) return refused('not_participant', 'This person is not a participant of the event.');
    }
    const occurrence = tryResolveOccurrence(entry, recurrenceId);
    if (!occurrence) return refused('occurrence', recurrenceId ? `recurrenceId: ${recurrenceId} is not an occurrence of this event` : 'recurrenceId: required for a recurring event (the occurrence being checked in)');
    const isWalkIn = participantId === context.selfParticipantId ? context.selfIsWalkIn : participants.get(participantId!)?.isWalkIn ?? false;
    return { ...base, entry, occurrence, participantId, isWalkIn, refusal: null };
  });
}

async function eventCodeVersions(db: DbOrTx, organizationId: string, entryIds: string[]): Promise<Map<string, number>> {
  if (entryIds.length === 0) return new Map();
  const rows = await db.select({ entryId: attendanceOccurrences.entryId, key: attendanceOccurrences.occurrenceKey, version: attendanceOccurrences.eventCodeVersion })
    .from(attendanceOccurrences).where(and(eq(attendanceOccurrences.organizationId, organizationId), inArray(attendanceOccurrences.entryId, entryIds)));
  return new Map(rows.map((r) => [`${r.entryId}|${r.key}`, r.version]));
}
