import { createHash } from 'node:crypto';
import { stringify } from 'safe-stable-stringify';

/**
 * What an idempotency key is stored with, so that the same key sent with another request is told
 * apart from a resend: a SHA-256 of the request body in canonical JSON (keys sorted, undefined
 * left out, as safe-stable-stringify writes it), so the order a client writes its keys in does not
 * matter and whitespace never reaches it.
 */
export function requestHash(body: unknown): string {
  return createHash('sha256').update(stringify(body ?? null) ?? 'null').digest('base64url');
}

/** A key stored before hashes were kept (null) matches any body; otherwise the hashes must be equal. */
export const isSameRequest = (stored: string | null, hash: string): boolean => stored === null || stored === hash;
