import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { actorChangesHeard } from './actor-cache.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

async function newToken(session: Awaited<ReturnType<TestApp['userSession']>>) {
  const created = await t.as(session, { method: 'POST', url: '/api/v1/me/tokens', payload: { name: 'cache' } });
  const { token, id } = created.json() as { token: string; id: string };
  return { id, headers: { authorization: `Bearer ${token}` } };
}

const me = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: '/api/v1/me', headers });

/** Asks until the answer is `status` (a notice from another session takes a moment to arrive). */
async function eventually(headers: Record<string, string>, status: number): Promise<number> {
  const deadline = Date.now() + 5_000;
  let last = 0;
  while (Date.now() < deadline) {
    last = (await me(headers)).statusCode;
    if (last === status) return last;
    await new Promise((r) => setTimeout(r, 20));
  }
  return last;
}

describe('who a token is, remembered between requests', () => {
  it('is remembered on PostgreSQL: a change written without its announcement goes unseen (which is why the triggers exist); on the embedded database nothing is remembered', async () => {
    const user = await t.userSession('staff');
    const { id, headers } = await newToken(user);
    const postgres = t.testDb.database.kind === 'postgres';
    const deadline = Date.now() + 5_000;
    while (postgres && !actorChangesHeard(t.testDb.database) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(actorChangesHeard(t.testDb.database)).toBe(postgres);
    expect((await me(headers)).statusCode).toBe(200);
    // session_replication_role = replica switches triggers off for this transaction only.
    await t.testDb.database.rawTransaction(async (query) => {
      await query("set local session_replication_role = 'replica'");
      await query('update api_tokens set revoked_at = now() where id = $1', [id]);
    });
    expect((await me(headers)).statusCode).toBe(postgres ? 200 : 401);
    // Any announced change makes every process forget: the silent revocation is then seen too.
    await t.testDb.database.query("update users set name = name || '' where id = $1", [user.userId]);
    expect(await eventually(headers, 401)).toBe(401);
  });

  it('a token revoked by another process is refused as soon as the change is announced', async () => {
    const user = await t.userSession('staff');
    const { id, headers } = await newToken(user);
    expect((await me(headers)).statusCode).toBe(200);
    expect((await me(headers)).statusCode).toBe(200);
    await t.testDb.database.query('update api_tokens set revoked_at = now() where id = $1', [id]);
    expect(await eventually(headers, 401)).toBe(401);
  });

  it('a user deactivated or given another role elsewhere is seen so at once after the notice', async () => {
    const user = await t.userSession('staff');
    const { headers } = await newToken(user);
    expect((await me(headers)).json().user.role).toBe('staff');
    await t.testDb.database.query("update users set role = 'manager' where id = $1", [user.userId]);
    const deadline = Date.now() + 5_000;
    let role = '';
    while (Date.now() < deadline && role !== 'manager') role = (await me(headers)).json().user.role;
    expect(role).toBe('manager');
    await t.testDb.database.query('update users set is_active = false where id = $1', [user.userId]);
    expect(await eventually(headers, 401)).toBe(401);
  });

  it('revoked, signed out or deactivated through this app: refused on the very next request', async () => {
    const admin = await t.login(t.admin.email, t.admin.password);
    const user = await t.userSession('staff');
    const first = await newToken(user);
    const second = await newToken(user);
    for (const h of [first.headers, second.headers]) expect((await me(h)).statusCode).toBe(200);
    expect((await t.as(user, { method: 'DELETE', url: `/api/v1/me/tokens/${first.id}` })).statusCode).toBe(204);
    expect((await me(first.headers)).statusCode).toBe(401);
    expect((await t.as(user, { method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200);
    expect((await t.as(user, { method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(204);
    expect((await t.as(user, { method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
    expect((await t.as(admin, { method: 'PATCH', url: `/api/v1/users/${user.userId}`, payload: { isActive: false } })).statusCode).toBe(200);
    expect((await me(second.headers)).statusCode).toBe(401);
  });
});
