import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { createUser } from './create-user.js';

let t: TestApp;
let staff: Awaited<ReturnType<TestApp['userSession']>>;
let viewer: Awaited<ReturnType<TestApp['userSession']>>;
const PASSWORD = 'correct horse battery';

beforeAll(async () => {
  t = await createTestApp();
  staff = await t.userSession('staff');
  viewer = await t.userSession('viewer');
  const { db } = t.testDb.database;
  for (const [name, email] of [['Amina Dela Cruz', 'amina@test.local'], ['Ben Amin_Torres', 'ben@test.local'], ['Carla Reyes', 'carla.100%@test.local'], ['Dario Gone', 'dario@test.local']]) {
    await createUser(db, { organizationId: t.organizationId, email: email!, name: name!, role: 'staff', password: PASSWORD });
  }
  await t.testDb.database.query("update users set is_active = false where email = 'dario@test.local'");
  const [org] = await t.testDb.database.query<{ id: string }>(`insert into organizations (name, slug) values ('Elsewhere', 'elsewhere-${Date.now()}') returning id`);
  await createUser(db, { organizationId: org!.id, email: 'amina.elsewhere@else.local', name: 'Amina Elsewhere', role: 'staff', password: PASSWORD });
});
afterAll(async () => t?.close());

const search = (session: typeof staff | null, query: string) => t.as(session, { method: 'GET', url: `/api/v1/people?${query}` });
const names = (response: Awaited<ReturnType<typeof search>>) => (response.json().items as { name: string }[]).map((p) => p.name);

describe('the people directory', () => {
  it("finds active colleagues of one's own organisation by name or e-mail, in name order, for staff and viewers alike", async () => {
    for (const who of [staff, viewer]) {
      const found = await search(who, 'q=amin');
      expect(found.statusCode).toBe(200);
      expect(names(found)).toEqual(['Amina Dela Cruz', 'Ben Amin_Torres']);
      expect(found.json().items[0]).toEqual({ id: expect.any(String), name: 'Amina Dela Cruz', email: 'amina@test.local', isActive: true });
    }
    expect(names(await search(staff, 'q=REYES'))).toEqual(['Carla Reyes']);
    expect(names(await search(staff, 'q=dario'))).toEqual([]);
  });

  it('takes % and _ in the text literally', async () => {
    expect(names(await search(staff, `q=${encodeURIComponent('100%')}`))).toEqual(['Carla Reyes']);
    expect(names(await search(staff, 'q=n_t'))).toEqual(['Ben Amin_Torres']);
    expect(names(await search(staff, `q=${encodeURIComponent('%')}`))).toEqual(['Carla Reyes']);
  });

  it("names one person by id, active or not, and only of one's own organisation", async () => {
    const [dario] = await t.testDb.database.query<{ id: string }>("select id from users where email = 'dario@test.local'");
    const named = await t.as(staff, { method: 'GET', url: `/api/v1/people/${dario!.id}` });
    expect(named.json()).toMatchObject({ name: 'Dario Gone', isActive: false });
    const [elsewhere] = await t.testDb.database.query<{ id: string }>("select id from users where email = 'amina.elsewhere@else.local'");
    expect((await t.as(staff, { method: 'GET', url: `/api/v1/people/${elsewhere!.id}` })).statusCode).toBe(404);
  });

  it('limits the answer, refuses bad input by its field, and asks who is asking', async () => {
    expect(names(await search(staff, 'q=a&limit=2'))).toHaveLength(2);
    for (const [query, field] of [['', 'q'], ['q=', 'q'], ['q=a&limit=51', 'limit'], ['q=a&limit=0', 'limit'], ['q=a&role=admin', 'role']] as const) {
      const refused = await search(staff, query);
      expect(refused.statusCode, query).toBe(400);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(JSON.stringify(refused.json().errors), query).toContain(field);
    }
    expect((await t.as(staff, { method: 'GET', url: '/api/v1/people/not-a-uuid' })).statusCode).toBe(400);
    expect((await search(null, 'q=amin')).statusCode).toBe(401);
  });
});
