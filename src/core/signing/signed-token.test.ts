import { describe, expect, it } from 'vitest';
import { signToken, verifyToken } from './signed-token.js';

const key = new Uint8Array(32).fill(7);
const otherKey = new Uint8Array(32).fill(8);
const now = new Date('2026-11-25T08:00:00Z');

describe('signed tokens', () => {
  it('gives back the payload of a token it signed', () => {
    const token = signToken(key, 'rsvp', { entryId: 'e1', participantId: 'p1' }, new Date('2026-12-01T00:00:00Z'));
    const result = verifyToken(key, 'rsvp', token, now);
    expect(result).toMatchObject({ ok: true, payload: { entryId: 'e1', participantId: 'p1' } });
  });

  it('refuses a token after it expires', () => {
    const token = signToken(key, 'rsvp', { entryId: 'e1' }, new Date('2026-11-25T07:59:59Z'));
    expect(verifyToken(key, 'rsvp', token, now)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a token signed for another purpose or with another key', () => {
    const token = signToken(key, 'qr-ticket', { entryId: 'e1' });
    expect(verifyToken(key, 'rsvp', token, now)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyToken(otherKey, 'qr-ticket', token, now)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('refuses a token whose payload was changed', () => {
    const token = signToken(key, 'rsvp', { participantId: 'p1' });
    const forged = `${Buffer.from(JSON.stringify({ participantId: 'p2' })).toString('base64url')}.${token.split('.')[1]}`;
    expect(verifyToken(key, 'rsvp', forged, now)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('calls garbage malformed, not a crash', () => {
    for (const garbage of ['', 'abc', 'a.b.c', '.x', 'x.']) expect(verifyToken(key, 'rsvp', garbage, now)).toEqual({ ok: false, reason: 'malformed' });
  });
});
