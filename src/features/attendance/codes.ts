import { type CodeClaims, type SignatureFinding } from '../../core/attendance/code-check.js';
import { signToken, verifyToken } from '../../core/signing/signed-token.js';
import type { EntryRow } from '../entries/repository.js';

/**
 * The two QR codes of attendance. A personal ticket (organiser scans it) names the participant; an
 * event code (shown at the venue, a participant with an account scans it) names only the event.
 * Both are bound to organisation, entry and (optionally) occurrence, and carry a version that the
 * database can raise to revoke them. Kept short: the shorter the text, the coarser the QR modules,
 * the better a cheap phone camera reads it in a dim hall.
 */
export const TICKET_PURPOSE = 'attendance.ticket';
export const EVENT_CODE_PURPOSE = 'attendance.event';

export interface TicketClaims extends CodeClaims {
  organizationId: string;
  participantId: string;
}
export type EventCodeClaims = CodeClaims & { organizationId: string };

const DAY_MS = 86_400_000;

/** Until a day after the occurrence (or the entry/series) ends; an open-ended series: a year. */
export function codeExpiry(entry: EntryRow, occurrenceAt: Date | null, now: Date): Date {
  const durationMs = entry.endAt.getTime() - entry.startAt.getTime();
  if (occurrenceAt) return new Date(occurrenceAt.getTime() + durationMs + DAY_MS);
  const series = Boolean(entry.rrule) || entry.rdate.length > 0;
  if (series && !entry.spanEnd) return new Date(now.getTime() + 365 * DAY_MS);
  return new Date((entry.spanEnd ?? entry.endAt).getTime() + DAY_MS);
}

export function signTicket(key: Uint8Array, claims: TicketClaims, expiresAt: Date): string {
  return signToken(key, TICKET_PURPOSE, { o: claims.organizationId, e: claims.entryId, r: claims.recurrenceId, p: claims.participantId, v: claims.version }, expiresAt);
}

export function signEventCode(key: Uint8Array, claims: EventCodeClaims, expiresAt: Date): string {
  return signToken(key, EVENT_CODE_PURPOSE, { o: claims.organizationId, e: claims.entryId, r: claims.recurrenceId, v: claims.version }, expiresAt);
}

function readCode(key: Uint8Array, purpose: string, other: string, code: string, now: Date): { finding: SignatureFinding; payload: Record<string, unknown> | null } {
  const result = verifyToken(key, purpose, code, now);
  if (result.ok) return { finding: { ok: true }, payload: result.payload };
  const validForOtherPurpose = result.reason === 'bad_signature' && verifyToken(key, other, code, now).ok;
  return { finding: { ok: false, reason: result.reason, validForOtherPurpose }, payload: null };
}

const str = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

export function readTicket(key: Uint8Array, code: string, now: Date): { finding: SignatureFinding; claims: TicketClaims | null } {
  const { finding, payload: p } = readCode(key, TICKET_PURPOSE, EVENT_CODE_PURPOSE, code, now);
  if (!p || !str(p.o) || !str(p.e) || !str(p.p) || typeof p.v !== 'number' || (p.r !== null && !str(p.r))) return { finding, claims: null };
  return { finding, claims: { organizationId: p.o, entryId: p.e, participantId: p.p, recurrenceId: p.r, version: p.v } };
}

export function readEventCode(key: Uint8Array, code: string, now: Date): { finding: SignatureFinding; claims: EventCodeClaims | null } {
  const { finding, payload: p } = readCode(key, EVENT_CODE_PURPOSE, TICKET_PURPOSE, code, now);
  if (!p || !str(p.o) || !str(p.e) || typeof p.v !== 'number' || (p.r !== null && !str(p.r))) return { finding, claims: null };
  return { finding, claims: { organizationId: p.o, entryId: p.e, recurrenceId: p.r, version: p.v } };
}

/** The entry an event code names, read without trusting it (the scan is verified after). */
export function peekEntryId(code: string): string | null {
  try {
    const body = JSON.parse(Buffer.from(code.split('.')[0] ?? '', 'base64url').toString('utf8')) as { e?: unknown };
    return typeof body.e === 'string' && /^[0-9a-f-]{36}$/i.test(body.e) ? body.e : null;
  } catch {
    return null;
  }
}
