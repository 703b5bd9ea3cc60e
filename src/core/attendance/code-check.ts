/**
 * Why a scanned code is refused, decided from what the signature check found and what the
 * database says now. Pure, so every refusal reason is tested without a scanner.
 */
export type CodeRefusal = 'forged' | 'expired' | 'revoked' | 'other_event' | 'other_occurrence' | 'wrong_code_type';

export const REFUSAL_MESSAGES: Record<CodeRefusal, string> = {
  forged: 'This code was not issued by Kalendaryo or has been altered.',
  expired: 'This code has expired.',
  revoked: 'This code has been revoked: a newer one was issued, or the person was removed from the event.',
  other_event: 'This code is for another event.',
  other_occurrence: 'This code is for another day (occurrence) of this event.',
  wrong_code_type: 'This is the wrong kind of code here (a personal ticket where the event code is expected, or the reverse).',
};

export interface CodeClaims {
  entryId: string;
  /** Bound to one occurrence, or null: any occurrence of the entry. */
  recurrenceId: string | null;
  version: number;
}

export type SignatureFinding = { ok: true } | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired'; validForOtherPurpose?: boolean };

/**
 * The refusal, or null when the code counts here. The order matters: a code that is not ours says
 * "forged" even if it also names another event; an expired code says "expired" before "revoked".
 */
export function refusalOf(
  signature: SignatureFinding,
  claims: CodeClaims | null,
  context: { entryId: string; recurrenceId: string | null; currentVersion: number | null },
): CodeRefusal | null {
  if (!signature.ok) {
    if (signature.reason === 'expired') return 'expired';
    return signature.validForOtherPurpose ? 'wrong_code_type' : 'forged';
  }
  if (!claims) return 'forged';
  if (claims.entryId !== context.entryId) return 'other_event';
  if (claims.recurrenceId !== null && context.recurrenceId !== null && claims.recurrenceId !== context.recurrenceId) return 'other_occurrence';
  if (context.currentVersion === null || claims.version !== context.currentVersion) return 'revoked';
  return null;
}
