import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.js';
import { at, resourceSteps } from './test-helpers.js';

let t: TestApp;
let admin: Session;
let keeper: Session;
let staff: Session;
let steps: ReturnType<typeof resourceSteps>;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login(t.admin.email, t.admin.password);
  keeper = await t.userSession('resource_manager');
  staff = await t.userSession('staff');
  steps = resourceSteps(t);
});
afterAll(async () => t?.close());

describe('resources', () => {
  it('resource managers add and change resources; everyone lists them; the response says what you may do', async () => {
    const van = await steps.resource(keeper, { type: 'vehicle', name: 'Hilux 4x4', capacity: 5, bufferAfterMinutes: 30, costPerUse: 1500.5, needsApproval: true });
    const changed = await t.as(keeper, { method: 'PATCH', url: `/api/v1/resources/${van.id}`, payload: { location: 'Motor pool' }, headers: { 'if-match': '"1"' } });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ location: 'Motor pool', version: 2, costPerUse: 1500.5, canEdit: true });
    const stale = await t.as(keeper, { method: 'PATCH', url: `/api/v1/resources/${van.id}`, payload: { location: 'X' }, headers: { 'if-match': '"1"' } });
    expect(stale.statusCode).toBe(412);
    const list = await t.as(staff, { method: 'GET', url: '/api/v1/resources?type=vehicle' });
    expect(list.json().items.find((r: { id: string }) => r.id === van.id)).toMatchObject({ canEdit: false, canBook: true });
  });

  it('staff cannot add or change resources (403) and nothing is written', async () => {
    const before = (await t.testDb.database.query<{ n: number }>('select count(*)::int as n from resources'))[0]!.n;
    expect((await t.as(staff, { method: 'POST', url: '/api/v1/resources', payload: { type: 'room', name: 'Mine' } })).statusCode).toBe(403);
    const room = await steps.resource(admin);
    expect((await t.as(staff, { method: 'PATCH', url: `/api/v1/resources/${room.id}`, payload: { name: 'Mine' } })).statusCode).toBe(403);
    expect((await t.as(staff, { method: 'POST', url: `/api/v1/resources/${room.id}/blackouts`, payload: { start: at('09:00'), end: at('10:00') } })).statusCode).toBe(403);
    expect((await t.testDb.database.query<{ n: number }>('select count(*)::int as n from resources'))[0]!.n).toBe(before + 1);
  });

  it('bad input gets a 4xx naming the field', async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [{ type: 'boat', name: 'X' }, 400, 'type'],
      [{ type: 'room', name: '' }, 400, 'name'],
      [{ type: 'equipment', name: 'Chairs', quantity: 0 }, 400, 'quantity'],
      [{ type: 'room', name: 'X', bufferBeforeMinutes: -5 }, 400, 'bufferBeforeMinutes'],
      [{ type: 'room', name: 'X', bookableHours: { '1': [['17:00', '08:00']] } }, 400, 'bookableHours.1.0'],
      [{ type: 'room', name: 'X', bookableHours: { '9': [['08:00', '17:00']] } }, 400, 'bookableHours'],
      [{ type: 'room', name: 'X', timeZone: 'Mars/Olympus' }, 400, 'timeZone'],
      [{ type: 'vehicle', name: 'X', homeCommunityId: '00000000-0000-4000-8000-000000000000' }, 422, 'homeCommunityId'],
      [{ type: 'room', name: 'X', colour: 'red' }, 400, 'colour'],
    ];
    for (const [body, status, field] of cases) {
      const response = await t.as(admin, { method: 'POST', url: '/api/v1/resources', payload: body });
      expect(response.statusCode, JSON.stringify(body)).toBe(status);
      expect(response.headers['content-type']).toMatch(/problem\+json/);
      expect(response.json().errors.map((e: { field: string }) => e.field).join(' '), JSON.stringify(body)).toContain(field);
    }
  });

  it('availability shows busy spans with buffers, bookable hours, blackouts and what is free', async () => {
    const room = await steps.resource(keeper, { bufferAfterMinutes: 15, bookableHours: { '1': [['08:00', '17:00']] } });
    const entry = await steps.entry(staff, { start: at('09:00'), end: at('10:00') });
    expect((await steps.book(staff, { resourceId: room.id, entryId: entry.id })).statusCode).toBe(201);
    const blackout = await t.as(keeper, { method: 'POST', url: `/api/v1/resources/${room.id}/blackouts`, payload: { start: at('13:00'), end: at('14:00'), reason: 'Aircon repair' } });
    expect(blackout.statusCode, blackout.body).toBe(201);
    const inBlackout = await steps.entry(staff, { start: at('13:30'), end: at('14:30') });
    const refused = await steps.book(staff, { resourceId: room.id, entryId: inBlackout.id });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().blackoutId).toBe(blackout.json().id);
    const overBooking = await t.as(keeper, { method: 'POST', url: `/api/v1/resources/${room.id}/blackouts`, payload: { start: at('09:30'), end: at('11:00') } });
    expect(overBooking.statusCode).toBe(409);
    const response = await t.as(staff, { method: 'GET', url: `/api/v1/resources/${room.id}/availability?start=${encodeURIComponent(at('00:00'))}&end=${encodeURIComponent(at('00:00', '2026-03-03'))}` });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.busy).toHaveLength(1);
    expect(body.busy[0]).toMatchObject({ start: at('09:00'), end: at('10:00'), blockedEnd: '2026-03-02T10:15:00+08:00', status: 'approved' });
    expect(body.bookableHours).toEqual([{ start: at('08:00'), end: at('17:00') }]);
    expect(body.blackouts[0]).toMatchObject({ reason: 'Aircon repair', start: at('13:00') });
    expect(body.free).toEqual([
      { start: at('08:00'), end: at('09:00') },
      { start: '2026-03-02T10:15:00+08:00', end: at('13:00') },
      { start: at('14:00'), end: at('17:00') },
    ]);
    const feed = await t.as(keeper, { method: 'GET', url: `/api/v1/resources/${room.id}/calendar?start=${encodeURIComponent(at('00:00'))}&end=${encodeURIComponent(at('23:00'))}` });
    expect(feed.json().map((e: { extendedProps: { part: string } }) => e.extendedProps.part).sort()).toEqual(['after', 'blackout', 'booking']);
    const bad = await t.as(staff, { method: 'GET', url: `/api/v1/resources/${room.id}/availability?start=${encodeURIComponent(at('10:00'))}&end=${encodeURIComponent(at('09:00'))}` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('end');
  });

  it('finds free alternatives by type, capacity and window', async () => {
    const big = await steps.resource(keeper, { name: 'Hall A', capacity: 80 });
    const small = await steps.resource(keeper, { name: 'Huddle B', capacity: 6 });
    const busy = await steps.resource(keeper, { name: 'Hall C', capacity: 100 });
    const entry = await steps.entry(staff, { start: at('09:00', '2026-04-06'), end: at('12:00', '2026-04-06') });
    expect((await steps.book(staff, { resourceId: busy.id, entryId: entry.id })).statusCode).toBe(201);
    const q = `type=room&capacity=50&start=${encodeURIComponent(at('10:00', '2026-04-06'))}&end=${encodeURIComponent(at('11:00', '2026-04-06'))}`;
    const response = await t.as(staff, { method: 'GET', url: `/api/v1/resources/available?${q}` });
    expect(response.statusCode, response.body).toBe(200);
    const ids = response.json().items.map((r: { id: string }) => r.id);
    expect(ids).toContain(big.id);
    expect(ids).not.toContain(small.id);
    expect(ids).not.toContain(busy.id);
  });

  it('utilisation: booked hours over bookable hours, for managers only', async () => {
    const room = await steps.resource(keeper, { bookableHours: { '2': [['08:00', '12:00']] } });
    const entry = await steps.entry(staff, { start: at('09:00', '2026-03-03'), end: at('10:00', '2026-03-03') });
    expect((await steps.book(staff, { resourceId: room.id, entryId: entry.id })).statusCode).toBe(201);
    const url = `/api/v1/resources/utilisation?start=${encodeURIComponent(at('00:00', '2026-03-02'))}&end=${encodeURIComponent(at('00:00', '2026-03-09'))}`;
    const response = await t.as(keeper, { method: 'GET', url });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().items.find((r: { resourceId: string }) => r.resourceId === room.id)).toMatchObject({ bookableHours: 4, bookedHours: 1, ratio: 0.25 });
    expect((await t.as(staff, { method: 'GET', url })).statusCode).toBe(403);
  });
});
