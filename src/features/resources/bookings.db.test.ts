import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.js';
import { createUser } from '../../features/users/create-user.js';
import { at, resourceSteps } from './test-helpers.js';

let t: TestApp;
let keeper: Session;
let staff: Session;
let colleague: Session;
let steps: ReturnType<typeof resourceSteps>;

beforeAll(async () => {
  t = await createTestApp();
  keeper = await t.userSession('resource_manager');
  staff = await t.userSession('staff');
  colleague = await t.userSession('staff');
  steps = resourceSteps(t);
});
afterAll(async () => t?.close());

describe('booking', () => {
  it('books a room that needs no approval at once; adjacent spans both succeed; an overlap is 409 naming the booking', async () => {
    const room = await steps.resource(keeper);
    const nine = await steps.entry(staff, { start: at('09:00'), end: at('10:00') });
    const ten = await steps.entry(staff, { start: at('10:00'), end: at('11:00') });
    const overlapping = await steps.entry(colleague, { start: at('09:30'), end: at('10:30') });
    const first = await steps.book(staff, { resourceId: room.id, entryId: nine.id });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ status: 'approved', start: at('09:00'), end: at('10:00'), canCancel: true, canDecide: false });
    expect((await steps.book(staff, { resourceId: room.id, entryId: ten.id })).statusCode).toBe(201);
    const clash = await steps.book(colleague, { resourceId: room.id, entryId: overlapping.id });
    expect(clash.statusCode).toBe(409);
    expect(clash.headers['content-type']).toMatch(/problem\+json/);
    expect(clash.json().conflictingBookingId).toBe(first.json().id);
    expect(await steps.count(`entry_id = '${overlapping.id}'`)).toBe(0);
  });

  it('a resource that needs approval: pending → approval queue → approved with a reason, recorded and notified', async () => {
    const van = await steps.resource(keeper, { type: 'vehicle', name: 'Van', needsApproval: true });
    const trip = await steps.entry(staff, { start: at('08:00', '2026-05-04'), end: at('17:00', '2026-05-04') });
    const booked = await steps.book(staff, { resourceId: van.id, entryId: trip.id, note: 'Field visit' });
    expect(booked.json()).toMatchObject({ status: 'pending' });
    const id = booked.json().id;
    const queue = await t.as(keeper, { method: 'GET', url: '/api/v1/bookings?status=pending' });
    expect(queue.json().items.map((b: { id: string }) => b.id)).toContain(id);
    expect(queue.json().items.find((b: { id: string }) => b.id === id).canDecide).toBe(true);
    const decided = await t.as(keeper, { method: 'POST', url: `/api/v1/bookings/${id}/decision`, payload: { action: 'approve', reason: 'Driver available' } });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'approved', decidedBy: keeper.userId, decisionReason: 'Driver available' });
    const again = await t.as(keeper, { method: 'POST', url: `/api/v1/bookings/${id}/decision`, payload: { action: 'approve' } });
    expect(again.statusCode).toBe(409);
    const events = await t.testDb.database.query<{ action: string }>(`select action from resource_booking_events where booking_id = $1 order by at`, [id]);
    expect(events.map((e) => e.action)).toEqual(['requested', 'approve']);
    const notes = await t.testDb.database.query<{ recipient_user_id: string; type: string }>(`select recipient_user_id, type from notifications where dedupe_key = $1`, [`booking:${id}:approved`]);
    expect(notes.length).toBeGreaterThan(0);
    expect(notes[0]).toMatchObject({ recipient_user_id: staff.userId, type: 'booking_decision' });
    const mine = await t.as(staff, { method: 'GET', url: `/api/v1/bookings?entryId=${trip.id}` });
    expect(mine.json().items[0]).toMatchObject({ id, status: 'approved' });
  });

  it('staff cannot decide bookings: their own is 403, someone else\'s is 404; nothing changes', async () => {
    const room = await steps.resource(keeper, { needsApproval: true });
    const mine = await steps.book(staff, { resourceId: room.id, entryId: (await steps.entry(staff, { start: at('09:00', '2026-05-05'), end: at('10:00', '2026-05-05') })).id });
    const theirs = await steps.book(colleague, { resourceId: room.id, entryId: (await steps.entry(colleague, { start: at('11:00', '2026-05-05'), end: at('12:00', '2026-05-05') })).id });
    expect((await t.as(staff, { method: 'POST', url: `/api/v1/bookings/${mine.json().id}/decision`, payload: { action: 'approve' } })).statusCode).toBe(403);
    expect((await t.as(staff, { method: 'POST', url: `/api/v1/bookings/${theirs.json().id}/decision`, payload: { action: 'approve' } })).statusCode).toBe(404);
    expect((await t.as(staff, { method: 'GET', url: `/api/v1/bookings/${theirs.json().id}` })).statusCode).toBe(404);
    expect((await t.as(staff, { method: 'POST', url: `/api/v1/bookings/${theirs.json().id}/cancel`, payload: {} })).statusCode).toBe(404);
    expect(await steps.count(`resource_id = '${room.id}' and status = 'pending'`)).toBe(2);
    const queue = await t.as(staff, { method: 'GET', url: '/api/v1/bookings?status=pending' });
    expect(queue.json().items.every((b: { requestedBy: string }) => b.requestedBy === staff.userId)).toBe(true);
  });

  it('outsiders from another organisation see nothing (404) and cannot book', async () => {
    const room = await steps.resource(keeper);
    const booking = await steps.book(staff, { resourceId: room.id, entryId: (await steps.entry(staff, { start: at('09:00', '2026-05-06'), end: at('10:00', '2026-05-06') })).id });
    const [org] = await t.testDb.database.query<{ id: string }>(`insert into organizations (name, slug) values ('Elsewhere', 'elsewhere-${Date.now()}') returning id`);
    await createUser(t.testDb.database.db, { organizationId: org!.id, email: `outsider${Date.now()}@else.local`, name: 'Outsider', role: 'admin', password: 'correct horse battery' });
    const [u] = await t.testDb.database.query<{ email: string }>(`select email from users where organization_id = $1`, [org!.id]);
    const outsider = await t.login(u!.email, 'correct horse battery');
    expect((await t.as(outsider, { method: 'GET', url: `/api/v1/resources/${room.id}` })).statusCode).toBe(404);
    expect((await t.as(outsider, { method: 'GET', url: `/api/v1/bookings/${booking.json().id}` })).statusCode).toBe(404);
    expect((await t.as(outsider, { method: 'POST', url: `/api/v1/bookings/${booking.json().id}/decision`, payload: { action: 'reject' } })).statusCode).toBe(404);
    expect((await t.as(outsider, { method: 'PATCH', url: `/api/v1/resources/${room.id}`, payload: { name: 'Mine' } })).statusCode).toBe(404);
    expect((await t.as(outsider, { method: 'GET', url: `/api/v1/resources/${room.id}/availability?start=${encodeURIComponent(at('00:00'))}&end=${encodeURIComponent(at('23:00'))}` })).statusCode).toBe(404);
    expect((await t.as(outsider, { method: 'GET', url: '/api/v1/bookings' })).json().items).toEqual([]);
  });

  it('bad input gets a 4xx naming the field and writes nothing', async () => {
    const office = await steps.resource(keeper, { bookableHours: { '1': [['08:00', '17:00']] } });
    const retired = await steps.resource(keeper, { isActive: false });
    const chairs = await steps.resource(keeper, { type: 'equipment', name: 'Chairs', quantity: 40 });
    const late = await steps.entry(staff, { start: at('18:00'), end: at('19:00') });
    const ok = await steps.entry(staff, { start: at('09:00', '2026-03-09'), end: at('10:00', '2026-03-09') });
    const theirs = await steps.entry(colleague, { start: at('09:00', '2026-03-09'), end: at('10:00', '2026-03-09'), visibility: 'private' });
    const before = await steps.count();
    const cases: [Record<string, unknown>, number, string][] = [
      [{ resourceId: office.id, entryId: late.id }, 422, 'entryId'],
      [{ resourceId: retired.id, entryId: ok.id }, 422, 'resourceId'],
      [{ resourceId: chairs.id, entryId: ok.id, units: 41 }, 422, 'units'],
      [{ resourceId: chairs.id, entryId: ok.id, units: 0 }, 400, 'units'],
      [{ resourceId: chairs.id, entryId: theirs.id }, 422, 'entryId'],
      [{ resourceId: '00000000-0000-4000-8000-000000000000', entryId: ok.id }, 422, 'resourceId'],
      [{ resourceId: chairs.id, entryId: ok.id, recurrenceId: '2026-03-09T09:00:00' }, 422, 'recurrenceId'],
      [{ resourceId: 'nope', entryId: ok.id }, 400, 'resourceId'],
    ];
    for (const [body, status, field] of cases) {
      const response = await steps.book(staff, body);
      expect(response.statusCode, JSON.stringify(body) + response.body).toBe(status);
      expect(response.json().errors?.[0]?.field, JSON.stringify(body)).toBe(field);
    }
    expect(await steps.count()).toBe(before);
  });

  it('re-opening a cancelled or rejected booking is held to the invariant (409 naming the booking in the way)', async () => {
    const room = await steps.resource(keeper);
    const a = await steps.entry(staff, { start: at('09:00', '2026-06-01'), end: at('10:00', '2026-06-01') });
    const b = await steps.entry(colleague, { start: at('09:00', '2026-06-01'), end: at('10:00', '2026-06-01') });
    const first = (await steps.book(staff, { resourceId: room.id, entryId: a.id })).json();
    expect((await t.as(staff, { method: 'POST', url: `/api/v1/bookings/${first.id}/cancel`, payload: { reason: 'postponed' } })).json().status).toBe('cancelled');
    const second = (await steps.book(colleague, { resourceId: room.id, entryId: b.id })).json();
    expect(second.status).toBe('approved');
    const reopen = await t.as(staff, { method: 'POST', url: `/api/v1/bookings/${first.id}/reopen`, payload: {} });
    expect(reopen.statusCode).toBe(409);
    expect(reopen.json().conflictingBookingId).toBe(second.id);
    expect((await t.as(colleague, { method: 'POST', url: `/api/v1/bookings/${second.id}/cancel`, payload: {} })).statusCode).toBe(200);
    const reopened = await t.as(staff, { method: 'POST', url: `/api/v1/bookings/${first.id}/reopen`, payload: {} });
    expect(reopened.json()).toMatchObject({ status: 'approved' });
    const rejected = await t.as(keeper, { method: 'POST', url: `/api/v1/bookings/${first.id}/decision`, payload: { action: 'reject', reason: 'Room closed' } });
    expect(rejected.json()).toMatchObject({ status: 'rejected', decisionReason: 'Room closed' });
    expect((await t.as(staff, { method: 'POST', url: `/api/v1/bookings/${first.id}/reopen`, payload: {} })).statusCode).toBe(403);
  });

  it('Idempotency-Key: the same request sent twice is one booking', async () => {
    const room = await steps.resource(keeper);
    const entry = await steps.entry(staff, { start: at('09:00', '2026-06-02'), end: at('10:00', '2026-06-02') });
    const headers = { 'idempotency-key': `k-${entry.id}` };
    const one = await steps.book(staff, { resourceId: room.id, entryId: entry.id }, headers);
    const two = await steps.book(staff, { resourceId: room.id, entryId: entry.id }, headers);
    expect(two.statusCode).toBe(201);
    expect(two.json().id).toBe(one.json().id);
    expect(await steps.count(`entry_id = '${entry.id}'`)).toBe(1);
  });

  it('a vehicle taken to a community is blocked for the drive there and back, at the province road speed', async () => {
    const admin = await t.login(t.admin.email, t.admin.password);
    const add = async (body: Record<string, unknown>) => (await t.as(admin, { method: 'POST', url: '/api/v1/communities', payload: body })).json();
    const region = await add({ name: 'Travel Region', level: 'region' });
    const province = await add({ name: 'Travel Province', level: 'province', parentId: region.id });
    const home = await add({ name: 'Home Town', level: 'municipality', parentId: province.id, latitude: 7.0, longitude: 124.0 });
    const far = await add({ name: 'Far Town', level: 'municipality', parentId: province.id, latitude: 7.3, longitude: 124.0 });
    const van = await steps.resource(keeper, { type: 'vehicle', name: 'Field van', homeCommunityId: home.id, bufferAfterMinutes: 30 });
    const trip = await steps.entry(staff, { start: at('09:00', '2026-06-03'), end: at('12:00', '2026-06-03'), communityId: far.id });
    const booked = (await steps.book(staff, { resourceId: van.id, entryId: trip.id })).json();
    // ≈ 33.4 km × 1.3 at 40 km/h ≈ 65 min → 70 each way
    expect(booked).toMatchObject({ travelBeforeMinutes: 70, travelAfterMinutes: 70, bufferAfterMinutes: 30, start: at('09:00', '2026-06-03'), blockedStart: at('07:50', '2026-06-03'), blockedEnd: at('13:40', '2026-06-03') });
    const speed = await t.as(keeper, { method: 'PUT', url: `/api/v1/resources/travel-speeds/${province.id}`, payload: { speedKmh: 60, roadFactor: 1 } });
    expect(speed.statusCode, speed.body).toBe(200);
    expect((await t.as(keeper, { method: 'PUT', url: `/api/v1/resources/travel-speeds/${home.id}`, payload: { speedKmh: 60 } })).json().errors[0].field).toBe('provinceId');
    const trip2 = await steps.entry(staff, { start: at('09:00', '2026-06-04'), end: at('12:00', '2026-06-04'), communityId: far.id });
    expect((await steps.book(staff, { resourceId: van.id, entryId: trip2.id })).json().travelBeforeMinutes).toBe(35);
  });
});
