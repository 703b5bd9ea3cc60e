import { describe, expect, it } from 'vitest';
import { signToken } from '../core/signing/signed-token.js';
import { redactUrl } from './log-redaction.js';

const token = signToken(new Uint8Array(32).fill(7), 'attendance.rsvp', { o: 'org', e: 'entry', p: 'person', t: null }, new Date('2030-01-01T00:00:00Z'));

describe('the access log URL', () => {
  it('writes secret query values as [redacted], whatever their case or encoding', () => {
    expect(redactUrl(`/rsvp?token=${token}`)).toBe('/rsvp?token=[redacted]');
    expect(redactUrl(`/api/v1/rsvp?lang=fil&TOKEN=${encodeURIComponent(token)}`)).toBe('/api/v1/rsvp?lang=fil&TOKEN=[redacted]');
    expect(redactUrl('/callback?code=abc123&state=x')).toBe('/callback?code=[redacted]&state=x');
    expect(redactUrl('/x?access_token=a&api%5Fkey=b&password=c')).toBe('/x?access_token=[redacted]&api%5Fkey=[redacted]&password=[redacted]');
  });

  it('redacts a signed token under any parameter name, and only that', () => {
    expect(redactUrl(`/share?l=${token}&start=2026-03-01`)).toBe('/share?l=[redacted]&start=2026-03-01');
    expect(redactUrl(`/share?l=${token.replace('.', '%2E')}`)).toBe('/share?l=[redacted]');
  });

  it('leaves URLs without secrets as they are', () => {
    for (const url of ['/api/v1/calendar?start=2026-03-01&end=2026-04-01&q=a.b', '/api/v1/entries/123', '/x?flag', '/x?a=%E0%A4%A']) expect(redactUrl(url)).toBe(url);
  });
});
