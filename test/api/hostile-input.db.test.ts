import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../support/app.js';
import { calendarIdOf, countEntries, entryPayload } from '../support/fixtures.js';

/**
 * Input no one means to send — NUL characters and very deep nesting — is refused with 400 naming
 * the field, never a 500 (PostgreSQL refuses NUL in text; validation overflowed the stack).
 */
let t: TestApp;
let staff: Session;
let admin: Session;
let cal: string;
beforeAll(async () => {
  t = await createTestApp();
  staff = await t.userSession('staff');
  admin = await t.login(t.admin.email, t.admin.password);
  cal = await calendarIdOf(t, staff, 'coordination');
});
afterAll(async () => t?.close());

const fieldOf = (body: string): string | undefined => (JSON.parse(body) as { errors?: { field: string }[] }).errors?.[0]?.field;

describe('NUL characters', () => {
  it('in a JSON string or key are refused naming the field, and nothing is written (400)', async () => {
    const before = await countEntries(t);
    for (const [payload, field] of [[entryPayload(cal, { title: 'Barangay\u0000assembly' }), 'title'], [entryPayload(cal, { details: { 'note\u0000': 'x' } }), 'details.note\\u0000']] as const) {
      const res = await t.as(staff, { method: 'POST', url: '/api/v1/entries', payload });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(fieldOf(res.body)).toBe(field);
    }
    expect(await countEntries(t)).toBe(before);
  });

  it('in q or status of every list route that takes them are refused naming the parameter (400)', async () => {
    const doc = t.app.swagger() as { paths: Record<string, { get?: { parameters?: { in: string; name: string }[] } }> };
    const probes: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const name of (item.get?.parameters ?? []).filter((p) => p.in === 'query' && (p.name === 'q' || p.name === 'status')).map((p) => p.name)) {
        const url = `${path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000')}?${name}=%00`;
        const res = await t.as(admin, { method: 'GET', url });
        expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
        expect(fieldOf(res.body), url).toBe(name);
        probes.push(url);
      }
    }
    expect(probes.length).toBeGreaterThanOrEqual(8);
  });

  it('in a path parameter are refused naming the parameter (400)', async () => {
    const res = await t.as(admin, { method: 'GET', url: '/api/v1/modules/staff/tasks%00' });
    expect(res.statusCode, res.body).toBe(400);
    expect(fieldOf(res.body)).toBe('type');
  });

  it('in an iCalendar file are refused naming the line (4xx), nothing imported', async () => {
    const ics = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//t//t//EN', 'BEGIN:VEVENT', 'UID:nul@test', 'DTSTAMP:20260301T000000Z', 'DTSTART:20260302T010000Z', 'DTEND:20260302T020000Z', 'SUMMARY:Bad\u0000title', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
    const before = await countEntries(t);
    for (const mode of ['all-or-nothing', 'report']) {
      const res = await t.as(staff, { method: 'POST', url: `/api/v1/calendars/${cal}/import?mode=${mode}`, headers: { 'content-type': 'text/calendar' }, payload: ics });
      expect(res.statusCode, res.body).toBeLessThan(500);
      expect(res.body).toMatch(/NUL/);
    }
    expect(await countEntries(t)).toBe(before);
  });
});

describe('deep nesting', () => {
  it('of details 10,000 levels deep is refused naming the field, without a stack overflow (400)', async () => {
    // Written as text: JSON.stringify itself would overflow on the way out.
    const details = `${'{"a":'.repeat(10_000)}"leaf"${'}'.repeat(10_000)}`;
    const payload = JSON.stringify(entryPayload(cal, { details: '@' })).replace('"@"', details);
    const res = await t.as(staff, { method: 'POST', url: '/api/v1/entries', headers: { 'content-type': 'application/json' }, payload });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(400);
    expect(fieldOf(res.body)).toMatch(/^details\.a\.a/);
    expect(JSON.parse(res.body).detail).toContain('nested more than');
  });
});
