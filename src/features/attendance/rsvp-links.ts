import { signToken, verifyToken } from '../../core/signing/signed-token.js';
import { Problem } from '../../http/problem.js';

export const RSVP_PURPOSE = 'attendance.rsvp';

export interface RsvpClaims {
  organizationId: string;
  entryId: string;
  participantId: string;
  /** The occurrence asked about (epoch ms of its start), or null for the whole entry/series. */
  occurrenceMs: number | null;
}

/**
 * A link a participant (no account needed) opens to answer: signed, expiring, and bound to the
 * participant and the entry, so it answers for nobody else. Deleting the participant revokes it.
 */
export function rsvpLink(
  ctx: { signingKey: Uint8Array; publicUrl: string },
  input: { organizationId: string; entryId: string; participantId: string; occurrenceAt?: Date | null; expiresAt: Date },
): string {
  const payload = { o: input.organizationId, e: input.entryId, p: input.participantId, t: input.occurrenceAt ? input.occurrenceAt.getTime() : null };
  return `${ctx.publicUrl.replace(/\/$/, '')}/rsvp?token=${signToken(ctx.signingKey, RSVP_PURPOSE, payload, input.expiresAt)}`;
}

/** The claims of an RSVP token, or a problem saying why it is refused (tampered 400, expired 410). */
export function readRsvpToken(key: Uint8Array, token: string, now: Date): RsvpClaims {
  const result = verifyToken(key, RSVP_PURPOSE, token, now);
  if (!result.ok) {
    if (result.reason === 'expired') throw new Problem(410, 'Gone', 'This reply link has expired; ask the organiser for a new invitation.', [], { reason: 'expired' });
    throw new Problem(400, 'Bad Request', 'This reply link is not valid (it was changed or cut short).', [{ field: 'token', message: 'is not a valid reply link' }], { reason: 'invalid' });
  }
  const { o, e, p, t } = result.payload;
  if (typeof o !== 'string' || typeof e !== 'string' || typeof p !== 'string' || (t !== null && typeof t !== 'number')) {
    throw new Problem(400, 'Bad Request', 'This reply link is not valid.', [{ field: 'token', message: 'is not a valid reply link' }], { reason: 'invalid' });
  }
  return { organizationId: o, entryId: e, participantId: p, occurrenceMs: t };
}

/** Notifications whose message carries the participant's reply link (templates.ts). */
const LINKED_TYPES = new Set(['invitation', 'rsvp_request', 'update']);
const DAY_MS = 86_400_000;

/**
 * The reply link of a notification, made when it is delivered or shown: the outbox keeps only what
 * makes it (the participant in `payload.participantId`, the entry, `payload.rsvpExpiresAt`), never
 * the link, so neither the table nor a log of it holds a usable token. A row without a stored expiry
 * (an update, or one written before links were withheld) gets a link valid 30 days from `now`.
 */
export function rsvpUrlOfNotification(
  ctx: { signingKey: Uint8Array; publicUrl: string },
  row: { type: string; organization_id: string; entry_id: string | null; payload: Record<string, unknown> },
  now: Date,
): string | null {
  const { participantId, rsvpExpiresAt } = row.payload;
  if (!LINKED_TYPES.has(row.type) || !row.entry_id || typeof participantId !== 'string') return null;
  const stored = typeof rsvpExpiresAt === 'string' ? new Date(rsvpExpiresAt) : null;
  const expiresAt = stored && !Number.isNaN(stored.getTime()) ? stored : new Date(now.getTime() + 30 * DAY_MS);
  return rsvpLink(ctx, { organizationId: row.organization_id, entryId: row.entry_id, participantId, expiresAt });
}
