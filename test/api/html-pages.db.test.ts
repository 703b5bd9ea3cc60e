import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rsvpLink } from '../../src/features/attendance/rsvp-links.js';
import { attendanceSteps } from '../../src/features/attendance/test-helpers.js';
import { createTestApp, type Session, type TestApp } from '../support/app.js';

let t: TestApp;
let staff: Session;
const pages: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp();
  staff = await t.userSession('staff');
  const steps = attendanceSteps(t);
  const entry = await steps.entry(staff);
  const participant = await steps.participant(staff, entry.id, { name: 'Bai Fatima', email: 'fatima@example.org' });
  const link = rsvpLink({ signingKey: t.app.ctx.signingKey, publicUrl: 'https://cal.example.org' }, { organizationId: t.organizationId, entryId: entry.id, participantId: participant.id, expiresAt: new Date(Date.now() + 86_400_000) });
  Object.assign(pages, {
    'the web app': '/',
    'the field app': '/field',
    'the RSVP page': `/rsvp${new URL(link).search}`,
    'an expired RSVP link': '/rsvp?token=nonsense',
    'the printable brief': '/api/v1/calendar/brief.html?start=2026-03-01T00:00:00Z&end=2026-03-08T00:00:00Z',
    'the ticket sheet': `/api/v1/entries/${entry.id}/tickets`,
    'the attendance report': `/api/v1/entries/${entry.id}/attendance/report?format=html`,
    'the API docs': '/api/docs',
  });
});
afterAll(async () => t?.close());

describe('every HTML page', () => {
  it('is sent with a Content-Security-Policy that runs no inline script, nosniff and no framing, and has no inline script to break', async () => {
    for (const [name, url] of Object.entries(pages)) {
      const res = await t.as(staff, { method: 'GET', url });
      expect(res.statusCode, `${name}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
      expect(res.headers['content-type'], name).toMatch(/^text\/html/);
      const csp = String(res.headers['content-security-policy']);
      expect(/script-src ([^;]*)/.exec(csp)?.[1], name).toBe("'self'");
      expect(csp, name).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options'], name).toBe('nosniff');
      expect(res.body, `${name}: an inline <script>`).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
      expect(res.body, `${name}: an inline event handler`).not.toMatch(/<[^>]+\son[a-z]+\s*=/i);
    }
  });

  it('keeps the RSVP token off the page script: the script is a file of its own (200)', async () => {
    const script = await t.app.inject({ url: '/rsvp.js' });
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toContain('javascript');
    expect(script.body).toContain('/api/v1/rsvp');
  });
});
