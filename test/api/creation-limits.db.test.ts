import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATION_LIMITS } from '../../src/http/creation-limits.js';
import { createTestApp, type Session, type TestApp } from '../support/app.js';

/** Creating things in a loop is limited per user per minute and per hour (429 with Retry-After). */
let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login(t.admin.email, t.admin.password);
});
afterAll(async () => t?.close());

describe('creation limits', () => {
  it('name only routes that exist, so a renamed route cannot silently lose its limit', () => {
    for (const route of Object.keys(CREATION_LIMITS)) expect(t.app.apiRoutes, route).toContain(route);
  });

  it('refuse the 21st calendar and the 11th API token of one user within a minute (429), not another user', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 21; i++) codes.push((await t.as(admin, { method: 'POST', url: '/api/v1/calendars', payload: { name: `Loop ${i}` } })).statusCode);
    expect(codes.slice(0, 20)).toEqual(Array(20).fill(201));
    const refused = await t.as(admin, { method: 'POST', url: '/api/v1/calendars', payload: { name: 'One more' } });
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ status: 429, detail: expect.stringContaining('at most 20') });
    const [row] = await t.testDb.database.query<{ n: number }>(`select count(*)::int as n from calendars where name like 'Loop %' or name = 'One more'`);
    expect(row!.n).toBe(20);

    const staff = await t.userSession('staff');
    const tokens: number[] = [];
    for (let i = 0; i < 11; i++) tokens.push((await t.as(staff, { method: 'POST', url: '/api/v1/me/tokens', payload: { name: `t${i}` } })).statusCode);
    expect(tokens).toEqual([...Array(10).fill(201), 429]);
    const other = await t.userSession('staff');
    expect((await t.as(other, { method: 'POST', url: '/api/v1/me/tokens', payload: { name: 'mine' } })).statusCode).toBe(201);
  });
});
