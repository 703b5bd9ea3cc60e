import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('signing in', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie and returns the user with a CSRF token (200)', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: t.admin });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'kal_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(response.json()).toMatchObject({ user: { email: t.admin.email, role: 'admin', timeZone: 'Asia/Manila' }, csrfToken: expect.any(String) });
  });

  it('refuses a wrong password and an unknown e-mail alike (401 problem)', async () => {
    for (const payload of [{ ...t.admin, password: 'wrong-password' }, { email: 'nobody@test.local', password: 'whatever' }]) {
      const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload });
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('refuses /me without a session (401) and ends the session on logout', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
    const session = await t.login(t.admin.email, t.admin.password);
    expect((await t.as(session, { method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200);
    expect((await t.as(session, { method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(204);
    expect((await t.as(session, { method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
  });

  it('refuses a cookie-authenticated write without the CSRF header (403)', async () => {
    const session = await t.login(t.admin.email, t.admin.password);
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/me/tokens', headers: { cookie: session.cookie }, payload: { name: 'x' } });
    expect(response.statusCode).toBe(403);
    expect(response.json().detail).toContain('X-CSRF-Token');
  });

  it('refuses a deactivated user (401)', async () => {
    const staff = await t.userSession('staff');
    const adminSession = await t.login(t.admin.email, t.admin.password);
    expect((await t.as(adminSession, { method: 'PATCH', url: `/api/v1/users/${staff.userId}`, payload: { isActive: false } })).statusCode).toBe(200);
    expect((await t.as(staff, { method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: staff.email, password: staff.password } });
    expect(again.statusCode).toBe(401);
  });
});

describe('personal API tokens', () => {
  it('are shown once, stored only as a hash, work as Bearer, and stop working when revoked', async () => {
    const session = await t.login(t.admin.email, t.admin.password);
    const created = await t.as(session, { method: 'POST', url: '/api/v1/me/tokens', payload: { name: 'integration' } });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json() as { token: string; id: string };
    const stored = await t.testDb.database.query<{ token_hash: string }>('select token_hash from api_tokens where id = $1', [id]);
    expect(stored[0]!.token_hash).not.toContain(token);
    const listed = await t.as(session, { method: 'GET', url: '/api/v1/me/tokens' });
    expect(JSON.stringify(listed.json())).not.toContain(token);

    const bearer = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer })).json().user.email).toBe(t.admin.email);
    // A token needs no CSRF header: no browser sends it on its own.
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/me/tokens', headers: bearer, payload: { name: 'second' } })).statusCode).toBe(201);

    expect((await t.as(session, { method: 'DELETE', url: `/api/v1/me/tokens/${id}` })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer })).statusCode).toBe(401);
  });

  it('answers a malformed Authorization header with 401', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: 'Basic abc' } });
    expect(response.statusCode).toBe(401);
  });
});

describe('the users admin API', () => {
  it('lets an admin create a user with a personal calendar, and refuses the same e-mail twice (409)', async () => {
    const admin = await t.login(t.admin.email, t.admin.password);
    const payload = { email: 'Field.Officer@test.local', name: 'Field Officer', role: 'staff', password: 'long enough password' };
    const created = await t.as(admin, { method: 'POST', url: '/api/v1/users', payload });
    expect(created.statusCode).toBe(201);
    const again = await t.as(admin, { method: 'POST', url: '/api/v1/users', payload: { ...payload, email: 'field.officer@test.local' } });
    expect(again.statusCode).toBe(409);
    const session = await t.login('field.officer@test.local', payload.password);
    const calendars = (await t.as(session, { method: 'GET', url: '/api/v1/calendars' })).json().items as { type: string; ownerId: string }[];
    expect(calendars.filter((c) => c.type === 'personal' && c.ownerId === session.userId)).toHaveLength(1);
  });

  it('is closed to everyone but admins (403)', async () => {
    for (const role of ['manager', 'staff', 'viewer', 'resource_manager'] as const) {
      const session = await t.userSession(role);
      expect((await t.as(session, { method: 'GET', url: '/api/v1/users' })).statusCode).toBe(403);
      expect((await t.as(session, { method: 'POST', url: '/api/v1/users', payload: { email: 'x@test.local', name: 'x', password: 'long enough password' } })).statusCode).toBe(403);
    }
  });
});

describe('login rate limit', () => {
  it('answers 429 once an account has used up its attempts (20 in tests; attempt-limits.db.test.ts has the rest)', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 22; i++) {
      codes.push((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'guess@test.local', password: `nope${i}` }, remoteAddress: '192.0.2.9' })).statusCode);
    }
    expect(codes.slice(0, 20).every((c) => c === 401)).toBe(true);
    expect(codes.slice(20)).toEqual([429, 429]);
    // Another address and another account are not locked out by someone guessing at the first.
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: t.admin, remoteAddress: '192.0.2.1' })).statusCode).toBe(200);
  });
});
