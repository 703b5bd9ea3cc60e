import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.js';

let t: TestApp;
let admin: Session;
let manager: Session;
const url = '/api/v1/admin/demo';

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login(t.admin.email, t.admin.password);
  manager = await t.userSession('manager');
});
afterAll(async () => t?.close());

describe('loading the demo from the first-run guide', () => {
  it('is for admins only', async () => {
    expect((await t.as(manager, { method: 'GET', url })).statusCode).toBe(403);
    expect((await t.as(manager, { method: 'POST', url })).statusCode).toBe(403);
    expect((await t.as(null, { method: 'POST', url })).statusCode).toBe(401);
  });

  it('says an empty organisation is empty, loads the demo once, then refuses with 409', { timeout: 120_000 }, async () => {
    expect((await t.as(admin, { method: 'GET', url })).json()).toMatchObject({ entries: 0, demoLoaded: false });
    const loaded = await t.as(admin, { method: 'POST', url });
    expect(loaded.statusCode, loaded.body).toBe(201);
    expect(loaded.json().entries).toBeGreaterThan(1000);
    const after = (await t.as(admin, { method: 'GET', url })).json();
    expect(after).toMatchObject({ demoLoaded: true });
    expect(after.entries).toBe(loaded.json().entries);
    const again = await t.as(admin, { method: 'POST', url });
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
  });
});

describe('an organisation with entries of its own', () => {
  it('is never filled with demo data (409 naming how many entries it has)', async () => {
    const other = await createTestApp();
    try {
      const a = await other.login(other.admin.email, other.admin.password);
      const cal = (await other.as(a, { method: 'GET', url: '/api/v1/calendars' })).json().items.find((c: { module: string | null }) => c.module === 'general' || c.module === 'coordination');
      const made = await other.as(a, { method: 'POST', url: '/api/v1/entries', payload: { title: 'Real work', start: '2026-03-02T09:00:00+08:00', end: '2026-03-02T10:00:00+08:00', calendarId: cal.id } });
      expect(made.statusCode, made.body).toBe(201);
      const res = await other.as(a, { method: 'POST', url });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ entries: 1 });
      expect((await other.as(a, { method: 'GET', url })).json()).toMatchObject({ entries: 1, demoLoaded: false });
    } finally {
      await other.close();
    }
  });
});
