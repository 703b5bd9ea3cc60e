import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Compact signed tokens for links and codes that must work without a login (RSVP links, QR
 * tickets): base64url(JSON body) "." base64url(HMAC-SHA256). The purpose is part of what is signed,
 * so a token made for one use (a QR ticket) is refused by another (an RSVP link) even though both
 * use the server's one key. Revocation is the caller's job (a version or revoked flag in its row).
 */
export type VerifyResult =
  | { ok: true; payload: Record<string, unknown> }
  | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' };

function mac(key: Uint8Array, purpose: string, body: string): Buffer {
  return createHmac('sha256', key).update(purpose).update('\u0000').update(body).digest();
}

export function signToken(key: Uint8Array, purpose: string, payload: Record<string, unknown>, expiresAt?: Date): string {
  const claims = expiresAt ? { ...payload, exp: Math.floor(expiresAt.getTime() / 1000) } : payload;
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${body}.${mac(key, purpose, body).toString('base64url')}`;
}

export function verifyToken(key: Uint8Array, purpose: string, token: string, now: Date): VerifyResult {
  const parts = token.split('.');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return { ok: false, reason: 'malformed' };
  const [body, signature] = parts as [string, string];
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(key, purpose, body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad_signature' };
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return { ok: false, reason: 'malformed' };
  const claims = payload as Record<string, unknown>;
  if (typeof claims.exp === 'number' && claims.exp * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, payload: claims };
}
