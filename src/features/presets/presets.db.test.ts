import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.js';
import { MAX_PRESETS_PER_USER } from './schemas.js';

let t: TestApp;
let ana: Session;
let ben: Session;
const url = '/api/v1/me/presets';
const filters = { modules: ['staff', 'mana'], q: 'budget' };

beforeAll(async () => {
  t = await createTestApp();
  ana = await t.userSession('staff');
  ben = await t.userSession('staff');
});
afterAll(async () => t?.close());

describe('saved views', () => {
  it('saves, lists in name order with defaults filled, replaces by name and deletes', async () => {
    const created = await t.as(ana, { method: 'POST', url, payload: { name: 'Budget', view: 'dayGridMonth', filters } });
    expect(created.statusCode).toBe(201);
    const preset = created.json();
    expect(preset).toMatchObject({ name: 'Budget', view: 'dayGridMonth', filters: { modules: ['staff', 'mana'], calendars: [], status: '', q: 'budget' } });
    expect(created.headers.location).toBe(`${url}/${preset.id}`);
    await t.as(ana, { method: 'POST', url, payload: { name: 'agenda', filters: {} } });

    const replaced = await t.as(ana, { method: 'POST', url, payload: { name: 'BUDGET', view: 'timeline', filters: { modules: ['planning'] } } });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json()).toMatchObject({ id: preset.id, name: 'BUDGET', view: 'timeline', filters: { modules: ['planning'], q: '' } });

    const list = (await t.as(ana, { method: 'GET', url })).json().items;
    expect(list.map((p: { name: string }) => p.name)).toEqual(['agenda', 'BUDGET']);

    expect((await t.as(ana, { method: 'DELETE', url: `${url}/${preset.id}` })).statusCode).toBe(204);
    expect((await t.as(ana, { method: 'DELETE', url: `${url}/${preset.id}` })).statusCode).toBe(404);
    expect((await t.as(ana, { method: 'GET', url })).json().items).toHaveLength(1);
  });

  it("keeps each user's views to themselves: another user neither sees nor deletes them", async () => {
    const mine = (await t.as(ana, { method: 'POST', url, payload: { name: 'Private', filters } })).json();
    expect((await t.as(ben, { method: 'GET', url })).json().items).toEqual([]);
    const del = await t.as(ben, { method: 'DELETE', url: `${url}/${mine.id}` });
    expect(del.statusCode).toBe(404);
    // The same name is free for another user.
    expect((await t.as(ben, { method: 'POST', url, payload: { name: 'Private', filters: {} } })).statusCode).toBe(201);
    expect((await t.as(ana, { method: 'GET', url })).json().items.some((p: { id: string }) => p.id === mine.id)).toBe(true);
  });

  it.each([
    ['no session', null, { name: 'X', filters: {} }, 401, null],
    ['a blank name', 'ana', { name: '  ', filters: {} }, 400, 'name'],
    ['an unknown view', 'ana', { name: 'X', view: 'gantt3d', filters: {} }, 400, 'view'],
    ['a calendar that is not a UUID', 'ana', { name: 'X', filters: { calendars: ['abc'] } }, 400, 'filters.calendars.0'],
    ['an unknown filter', 'ana', { name: 'X', filters: { colour: 'red' } }, 400, 'filters.colour'],
    ['no filters', 'ana', { name: 'X' }, 400, 'filters'],
    ['a community that is not a UUID', 'ana', { name: 'X', filters: { community: 'Tawi' } }, 400, 'filters.community'],
  ])('refuses %s with a problem naming the field, writing nothing', async (_name, who, payload, status, field) => {
    const before = (await t.as(ana, { method: 'GET', url })).json().items.length;
    const res = await t.as(who === 'ana' ? ana : null, { method: 'POST', url, payload });
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    if (field) expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    expect((await t.as(ana, { method: 'GET', url })).json().items.length).toBe(before);
  });

  it('refuses a malformed id on delete', async () => {
    const res = await t.as(ana, { method: 'DELETE', url: `${url}/abc` });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('id');
  });

  it(`stops at ${MAX_PRESETS_PER_USER} views per user with a 422 naming the name`, async () => {
    const carl = await t.userSession('staff');
    for (let i = 0; i < MAX_PRESETS_PER_USER; i++) {
      expect((await t.as(carl, { method: 'POST', url, payload: { name: `v${i}`, filters: {} } })).statusCode).toBe(201);
    }
    const over = await t.as(carl, { method: 'POST', url, payload: { name: 'one more', filters: {} } });
    expect(over.statusCode).toBe(422);
    expect(over.json().errors[0].field).toBe('name');
    // Replacing an existing one still works at the limit.
    expect((await t.as(carl, { method: 'POST', url, payload: { name: 'v0', filters: { q: 'x' } } })).statusCode).toBe(200);
  });
});
