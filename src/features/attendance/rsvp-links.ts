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
