import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.js';
import { calendarIdOf, entryPayload } from '../../../test/support/fixtures.js';

let t: TestApp;
let admin: Session;
let manager: Session;
let staff: Session;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login(t.admin.email, t.admin.password);
  manager = await t.userSession('manager');
  staff = await t.userSession('staff');
});
afterAll(async () => t?.close());

interface Community { id: string; parentId: string | null; level: string; name: string; path: string[]; latitude: number | null; canEdit: boolean }

async function add(session: Session, body: Record<string, unknown>): Promise<Community> {
  const response = await t.as(session, { method: 'POST', url: '/api/v1/communities', payload: body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function chain(prefix: string) {
  const region = await add(admin, { name: `${prefix} Region`, level: 'region', code: `${prefix}R`, latitude: 7.2, longitude: 124.2 });
  const province = await add(manager, { name: `${prefix} Province`, level: 'province', parentId: region.id });
  const municipality = await add(manager, { name: `${prefix} Town`, level: 'municipality', parentId: province.id, latitude: 7.1, longitude: 124.3 });
  const barangay = await add(manager, { name: `${prefix} Poblacion`, level: 'barangay', parentId: municipality.id, latitude: 7.12, longitude: 124.31 });
  return { region, province, municipality, barangay };
}

describe('communities directory', () => {
  it('builds region › province › municipality › barangay with paths from the region down', async () => {
    const { region, province, municipality, barangay } = await chain('Alpha');
    expect(region.path).toEqual([region.id]);
    expect(barangay.path).toEqual([region.id, province.id, municipality.id, barangay.id]);
    expect(barangay.latitude).toBe(7.12);
    const got = await t.as(staff, { method: 'GET', url: `/api/v1/communities/${barangay.id}` });
    expect(got.json()).toMatchObject({ name: 'Alpha Poblacion', canEdit: false });
  });

  it('refuses a parent of the wrong level or a missing one (422 on parentId)', async () => {
    const { region, municipality } = await chain('Beta');
    for (const body of [
      { name: 'X', level: 'barangay', parentId: region.id },
      { name: 'X', level: 'province', parentId: municipality.id },
      { name: 'X', level: 'region', parentId: region.id },
      { name: 'X', level: 'municipality' },
      { name: 'X', level: 'barangay', parentId: '00000000-0000-4000-8000-000000000000' },
    ]) {
      const response = await t.as(admin, { method: 'POST', url: '/api/v1/communities', payload: body });
      expect(response.statusCode, JSON.stringify(body)).toBe(422);
      expect(response.json().errors[0].field).toBe('parentId');
    }
  });

  it('lets staff read but not write (403)', async () => {
    const response = await t.as(staff, { method: 'POST', url: '/api/v1/communities', payload: { name: 'Staff Region', level: 'region' } });
    expect(response.statusCode).toBe(403);
  });

  it('lists children, levels, text matches and pages', async () => {
    const { region, province } = await chain('Gamma');
    const children = (await t.as(staff, { method: 'GET', url: `/api/v1/communities?parent=${region.id}` })).json();
    expect(children.items.map((c: Community) => c.id)).toEqual([province.id]);
    const subtree = (await t.as(staff, { method: 'GET', url: `/api/v1/communities?within=${region.id}&level=barangay` })).json();
    expect(subtree.items.map((c: Community) => c.name)).toEqual(['Gamma Poblacion']);
    const byText = (await t.as(staff, { method: 'GET', url: '/api/v1/communities?q=gamma%20t' })).json();
    expect(byText.items.map((c: Community) => c.name)).toEqual(['Gamma Town']);
    const seen: string[] = [];
    let url = '/api/v1/communities?limit=3';
    for (;;) {
      const page = (await t.as(staff, { method: 'GET', url })).json();
      seen.push(...page.items.map((c: Community) => c.name));
      if (!page.nextCursor) break;
      url = `/api/v1/communities?limit=3&cursor=${page.nextCursor}`;
    }
    const all = (await t.as(staff, { method: 'GET', url: '/api/v1/communities?limit=1000' })).json().items.map((c: Community) => c.name);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('moves a province with its whole subtree to another region in one step', async () => {
    const a = await chain('Delta');
    const b = await chain('Epsilon');
    const moved = await t.as(manager, { method: 'PATCH', url: `/api/v1/communities/${a.province.id}`, payload: { parentId: b.region.id } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().path).toEqual([b.region.id, a.province.id]);
    const barangay = (await t.as(staff, { method: 'GET', url: `/api/v1/communities/${a.barangay.id}` })).json();
    expect(barangay.path).toEqual([b.region.id, a.province.id, a.municipality.id, a.barangay.id]);
    const wrong = await t.as(manager, { method: 'PATCH', url: `/api/v1/communities/${a.province.id}`, payload: { parentId: b.province.id } });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors[0].field).toBe('parentId');
  });

  it('filters the calendar by a region or a barangay created through the API', async () => {
    const a = await chain('Zeta');
    const b = await chain('Eta');
    const cal = await calendarIdOf(t, staff, 'coordination');
    const at = async (communityId: string, title: string) => {
      const r = await t.as(staff, { method: 'POST', url: '/api/v1/entries', payload: entryPayload(cal, { communityId, title, start: '2027-02-02T09:00:00+08:00', end: '2027-02-02T10:00:00+08:00' }) });
      expect(r.statusCode, r.body).toBe(201);
    };
    await at(a.barangay.id, 'Zeta barangay meeting');
    await at(a.province.id, 'Zeta province meeting');
    await at(b.barangay.id, 'Eta barangay meeting');
    const titles = async (community: string) =>
      (await t.as(staff, { method: 'GET', url: `/api/v1/calendar?start=2027-02-01&end=2027-02-03&community=${community}` })).json().map((e: { title: string }) => e.title).sort();
    expect(await titles(a.region.id)).toEqual(['Zeta barangay meeting', 'Zeta province meeting']);
    expect(await titles(a.barangay.id)).toEqual(['Zeta barangay meeting']);
    expect(await titles(`${a.barangay.id},${b.region.id}`)).toEqual(['Eta barangay meeting', 'Zeta barangay meeting']);
  });

  it('refuses to delete a community in use (409) and deletes an unused one (204)', async () => {
    const a = await chain('Theta');
    const cal = await calendarIdOf(t, staff, 'coordination');
    await t.as(staff, { method: 'POST', url: '/api/v1/entries', payload: entryPayload(cal, { communityId: a.barangay.id }) });
    expect((await t.as(admin, { method: 'DELETE', url: `/api/v1/communities/${a.barangay.id}` })).statusCode).toBe(409);
    expect((await t.as(admin, { method: 'DELETE', url: `/api/v1/communities/${a.municipality.id}` })).statusCode).toBe(409);
    const spare = await add(admin, { name: 'Theta Spare', level: 'barangay', parentId: a.municipality.id });
    expect((await t.as(staff, { method: 'DELETE', url: `/api/v1/communities/${spare.id}` })).statusCode).toBe(403);
    expect((await t.as(admin, { method: 'DELETE', url: `/api/v1/communities/${spare.id}` })).statusCode).toBe(204);
    expect((await t.as(admin, { method: 'GET', url: `/api/v1/communities/${spare.id}` })).statusCode).toBe(404);
  });
});
