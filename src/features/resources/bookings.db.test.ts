import { describe, expect, it } from 'vitest';
import { createUser } from '../../features/users/create-user.js';
import { at, useResourceTestApp } from './test-helpers.js';

const ctx = useResourceTestApp();

describe('booking', () => {
  it('books a room that needs no approval at once; adjacent spans both succeed; an overlap is 409 naming the booking', async () => {
    const room = await ctx.steps.resource(ctx.keeper);
    const nine = await ctx.steps.entry(ctx.staff, { start: at('09:00'), end: at('10:00') });
    const ten = await ctx.steps.entry(ctx.staff, { start: at('10:00'), end: at('11:00') });
    const overlapping = await ctx.steps.entry(ctx.colleague, { start: at('09:30'), end: at('10:30') });
    const first = await ctx.steps.book(ctx.staff, { resourceId: room.id, entryId: nine.id });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ status: 'approved', start: at('09:00'), end: at('10:00'), canCancel: true, canDecide: false });
    expect((await ctx.steps.book(ctx.staff, { resourceId: room.id, entryId: ten.id })).statusCode).toBe(201);
    const clash = await ctx.steps.book(ctx.colleague, { resourceId: room.id, entryId: overlapping.id });
    expect(clash.statusCode).toBe(409);
    expect(clash.headers['content-type']).toMatch(/problem\+json/);
    expect(clash.json().conflictingBookingId).toBe(first.json().id);
    expect(await ctx.steps.count(`entry_id = '${overlapping.id}'`)).toBe(0);
  });

  it('a resource that needs approval: pending → approval queue → approved with a reason, recorded and notified', async () => {
    const van = await ctx.steps.resource(ctx.keeper, { type: 'vehicle', name: 'Van', needsApproval: true });
    const trip = await ctx.steps.entry(ctx.staff, { start: at('08:00', '2026-05-04'), end: at('17:00', '2026-05-04') });
    const booked = await ctx.steps.book(ctx.staff, { resourceId: van.id, entryId: trip.id, note: 'Field visit' });
    expect(booked.json()).toMatchObject({ status: 'pending' });
    const id = booked.json().id;
    const queue = await ctx.t.as(ctx.keeper, { method: 'GET', url: '/api/v1/bookings?status=pending' });
    expect(queue.json().items.map((b: { id: string }) => b.id)).toContain(id);
    expect(queue.json().items.find((b: { id: string }) => b.id === id).canDecide).toBe(true);
    const decided = await ctx.t.as(ctx.keeper, { method: 'POST', url: `/api/v1/bookings/${id}/decision`, payload: { action: 'approve', reason: 'Driver available' } });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'approved', decidedBy: ctx.keeper.userId, decisionReason: 'Driver available' });
    const again = await ctx.t.as(ctx.keeper, { method: 'POST', url: `/api/v1/bookings/${id}/decision`, payload: { action: 'approve' } });
    expect(again.statusCode).toBe(409);
    // The problem's own status stays the HTTP one; the booking's is named apart.
    expect(again.json()).toMatchObject({ status: 409, bookingStatus: 'approved' });
    const events = await ctx.t.testDb.database.query<{ action: string }>(`select action from resource_booking_events where booking_id = $1 order by at`, [id]);
    expect(events.map((e) => e.action)).toEqual(['requested', 'approve']);
    const notes = await ctx.t.testDb.database.query<{ recipient_user_id: string; type: string }>(`select recipient_user_id, type from notifications where dedupe_key = $1`, [`booking:${id}:approved`]);
    expect(notes.length).toBeGreaterThan(0);
    expect(notes[0]).toMatchObject({ recipient_user_id: ctx.staff.userId, type: 'booking_decision' });
    const mine = await ctx.t.as(ctx.staff, { method: 'GET', url: `/api/v1/bookings?entryId=${trip.id}` });
    expect(mine.json().items[0]).toMatchObject({ id, status: 'approved' });
  });

  it('staff cannot decide bookings: their own is 403, someone else\'s is 404; nothing changes', async () => {
    const room = await ctx.steps.resource(ctx.keeper, { needsApproval: true });
    const mine = await ctx.steps.book(ctx.staff, { resourceId: room.id, entryId: (await ctx.steps.entry(ctx.staff, { start: at('09:00', '2026-05-05'), end: at('10:00', '2026-05-05') })).id });
    const theirs = await ctx.steps.book(ctx.colleague, { resourceId: room.id, entryId: (await ctx.steps.entry(ctx.colleague, { start: at('11:00', '2026-05-05'), end: at('12:00', '2026-05-05') })).id });
    expect((await ctx.t.as(ctx.staff, { method: 'POST', url: `/api/v1/bookings/${mine.json().id}/decision`, payload: { action: 'approve' } })).statusCode).toBe(403);
    expect((await ctx.t.as(ctx.staff, { method: 'POST', url: `/api/v1/bookings/${theirs.json().id}/decision`, payload: { action: 'approve' } })).statusCode).toBe(404);
    expect((await ctx.t.as(ctx.staff, { method: 'GET', url: `/api/v1/bookings/${theirs.json().id}` })).statusCode).toBe(404);
    expect((await ctx.t.as(ctx.staff, { method: 'POST', url: `/api/v1/bookings/${theirs.json().id}/cancel`, payload: {} })).statusCode).toBe(404);
    expect(await ctx.steps.count(`resource_id = '${room.id}' and status = 'pending'`)).toBe(2);
    const queue = await ctx.t.as(ctx.staff, { method: 'GET', url: '/api/v1/bookings?status=pending' });
    expect(queue.json().items.every((b: { requestedBy: string }) => b.requestedBy === ctx.staff.userId)).toBe(true);
  });

  it('outsiders from another organisation see nothing (404) and cannot book', async () => {
    const room = await ctx.steps.resource(ctx.keeper);
    const booking = await ctx.steps.book(ctx.staff, { resourceId: room.id, entryId: (await ctx.steps.entry(ctx.staff, { start: at('09:00', '2026-05-06'), end: at('10:00', '2026-05-06') })).id });
    const [org] = await ctx.t.testDb.database.query<{ id: string }>(`insert into organizations (name, slug) values ('Elsewhere', 'elsewhere-${Date.now()}') returning id`);
    await createUser(ctx.t.testDb.database.db, { organizationId: org!.id, email: `outsider${Date.now()}@else.local`, name: 'Outsider', role: 'admin', password: 'correct horse battery' });
    const [u] = await ctx.t.testDb.database.query<{ email: string }>(`select email from users where organization_id = $1`, [org!.id]);
    const outsider = await ctx.t.login(u!.email, 'correct horse battery');
    expect((await ctx.t.as(outsider, { method: 'GET', url: `/api/v1/resources/${room.id}` })).statusCode).toBe(404);
    expect((await ctx.t.as(outsider, { method: 'GET', url: `/api/v1/bookings/${booking.json().id}` })).statusCode).toBe(404);
    expect((await ctx.t.as(outsider, { method: 'POST', url: `/api/v1/bookings/${booking.json().id}/decision`, payload: { action: 'reject' } })).statusCode).toBe(404);
    expect((await ctx.t.as(outsider, { method: 'PATCH', url: `/api/v1/resources/${room.id}`, payload: { name: 'Mine' } })).statusCode).toBe(404);
    expect((await ctx.t.as(outsider, { method: 'GET', url: `/api/v1/resources/${room.id}/availability?start=${encodeURIComponent(at('00:00'))}&end=${encodeURIComponent(at('23:00'))}` })).statusCode).toBe(404);
    expect((await ctx.t.as(outsider, { method: 'GET', url: '/api/v1/bookings' })).json().items).toEqual([]);
  });

  it('bad input gets a 4xx naming the field and writes nothing', async () => {
    const office = await ctx.steps.resource(ctx.keeper, { bookableHours: { '1': [['08:00', '17:00']] } });
    const retired = await ctx.steps.resource(ctx.keeper, { isActive: false });
    const chairs = await ctx.steps.resource(ctx.keeper, { type: 'equipment', name: 'Chairs', quantity: 40 });
    const late = await ctx.steps.entry(ctx.staff, { start: at('18:00'), end: at('19:00') });
    const ok = await ctx.steps.entry(ctx.staff, { start: at('09:00', '2026-03-09'), end: at('10:00', '2026-03-09') });
    const theirs = await ctx.steps.entry(ctx.colleague, { start: at('09:00', '2026-03-09'), end: at('10:00', '2026-03-09'), visibility: 'private' });
    const before = await ctx.steps.count();
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
      const response = await ctx.steps.book(ctx.staff, body);
      expect(response.statusCode, JSON.stringify(body) + response.body).toBe(status);
      expect(response.json().errors?.[0]?.field, JSON.stringify(body)).toBe(field);
    }
    expect(await ctx.steps.count()).toBe(before);
  });

  it('re-opening a cancelled or rejected booking is held to the invariant (409 naming the booking in the way)', async () => {
    const room = await ctx.steps.resource(ctx.keeper);
    const a = await ctx.steps.entry(ctx.staff, { start: at('09:00', '2026-06-01'), end: at('10:00', '2026-06-01') });
    const b = await ctx.steps.entry(ctx.colleague, { start: at('09:00', '2026-06-01'), end: at('10:00', '2026-06-01') });
    const first = (await ctx.steps.book(ctx.staff, { resourceId: room.id, entryId: a.id })).json();
    expect((await ctx.t.as(ctx.staff, { method: 'POST', url: `/api/v1/bookings/${first.id}/cancel`, payload: { reason: 'postponed' } })).json().status).toBe('cancelled');
    const second = (await ctx.steps.book(ctx.colleague, { resourceId: room.id, entryId: b.id })).json();
    expect(second.status).toBe('approved');
    const reopen = await ctx.t.as(ctx.staff, { method: 'POST', url: `/api/v1/bookings/${first.id}/reopen`, payload: {} });
    expect(reopen.statusCode).toBe(409);
    expect(reopen.json().conflictingBookingId).toBe(second.id);
    // no body at all is fine too: the reason is optional
    expect((await ctx.t.as(ctx.colleague, { method: 'POST', url: `/api/v1/bookings/${second.id}/cancel` })).statusCode).toBe(200);
    const reopened = await ctx.t.as(ctx.staff, { method: 'POST', url: `/api/v1/bookings/${first.id}/reopen`, payload: {} });
    expect(reopened.json()).toMatchObject({ status: 'approved' });
    const rejected = await ctx.t.as(ctx.keeper, { method: 'POST', url: `/api/v1/bookings/${first.id}/decision`, payload: { action: 'reject', reason: 'Room closed' } });
    expect(rejected.json()).toMatchObject({ status: 'rejected', decisionReason: 'Room closed' });
    expect((await ctx.t.as(ctx.staff, { method: 'POST', url: `/api/v1/bookings/${first.id}/reopen`, payload: {} })).statusCode).toBe(403);
  });

  it('Idempotency-Key: the same request sent twice is one booking', async () => {
    const room = await ctx.steps.resource(ctx.keeper);
    const entry = await ctx.steps.entry(ctx.staff, { start: at('09:00', '2026-06-02'), end: at('10:00', '2026-06-02') });
    const headers = { 'idempotency-key': `k-${entry.id}` };
    const one = await ctx.steps.book(ctx.staff, { resourceId: room.id, entryId: entry.id }, headers);
    const two = await ctx.steps.book(ctx.staff, { resourceId: room.id, entryId: entry.id }, headers);
    expect(two.statusCode).toBe(201);
    expect(two.json().id).toBe(one.json().id);
    expect(await ctx.steps.count(`entry_id = '${entry.id}'`)).toBe(1);
  });

  it('Idempotency-Key: the same key with another body is refused (422) naming the header, and books nothing more', async () => {
    const room = await ctx.steps.resource(ctx.keeper);
    const entry = await ctx.steps.entry(ctx.staff, { start: at('09:00', '2026-06-03'), end: at('10:00', '2026-06-03') });
    const other = await ctx.steps.entry(ctx.staff, { start: at('11:00', '2026-06-03'), end: at('12:00', '2026-06-03') });
    const headers = { 'idempotency-key': `k-${entry.id}` };
    const one = await ctx.steps.book(ctx.staff, { resourceId: room.id, entryId: entry.id, note: 'first' }, headers);
    expect(one.statusCode, one.body).toBe(201);
    for (const body of [{ resourceId: room.id, entryId: other.id }, { resourceId: room.id, entryId: entry.id, note: 'second' }]) {
      const reused = await ctx.steps.book(ctx.staff, body, headers);
      expect(reused.statusCode, reused.body).toBe(422);
      expect(reused.headers['content-type']).toMatch(/problem\+json/);
      expect(reused.json().errors).toEqual([{ field: 'Idempotency-Key', message: expect.stringContaining('another request') }]);
    }
    // The same body in another key order is the same request: the first booking again.
    const again = await ctx.steps.book(ctx.staff, { note: 'first', entryId: entry.id, resourceId: room.id }, headers);
    expect([again.statusCode, again.json().id]).toEqual([201, one.json().id]);
    expect(await ctx.steps.count(`entry_id in ('${entry.id}', '${other.id}')`)).toBe(1);
    // Sent at once with two bodies: one is booked, the other refused.
    const third = await ctx.steps.entry(ctx.staff, { start: at('13:00', '2026-06-03'), end: at('14:00', '2026-06-03') });
    const raced = await Promise.all(['a', 'b'].map((note) => ctx.steps.book(ctx.staff, { resourceId: room.id, entryId: third.id, note }, { 'idempotency-key': `race-${third.id}` })));
    expect(raced.map((r) => r.statusCode).sort()).toEqual([201, 422]);
    expect(await ctx.steps.count(`entry_id = '${third.id}'`)).toBe(1);
  });

  it('Idempotency-Key: the same request sent eight times at once is one booking, and each answer is it', async () => {
    for (const body of [{ type: 'room' }, { type: 'equipment', quantity: 3 }]) {
      const resource = await ctx.steps.resource(ctx.keeper, body);
      const entry = await ctx.steps.entry(ctx.staff, { start: at('09:00', '2026-06-05'), end: at('10:00', '2026-06-05') });
      const headers = { 'idempotency-key': `race-${entry.id}` };
      const answers = await Promise.all(Array.from({ length: 8 }, () => ctx.steps.book(ctx.staff, { resourceId: resource.id, entryId: entry.id }, headers)));
      expect(answers.map((a) => a.statusCode)).toEqual(Array(8).fill(201));
      expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
      expect(await ctx.steps.count(`entry_id = '${entry.id}'`)).toBe(1);
    }
  });

  it('a vehicle taken to a community is blocked for the drive there and back, at the province road speed', async () => {
    const admin = await ctx.t.login(ctx.t.admin.email, ctx.t.admin.password);
    const add = async (body: Record<string, unknown>) => (await ctx.t.as(admin, { method: 'POST', url: '/api/v1/communities', payload: body })).json();
    const region = await add({ name: 'Travel Region', level: 'region' });
    const province = await add({ name: 'Travel Province', level: 'province', parentId: region.id });
    const home = await add({ name: 'Home Town', level: 'municipality', parentId: province.id, latitude: 7.0, longitude: 124.0 });
    const far = await add({ name: 'Far Town', level: 'municipality', parentId: province.id, latitude: 7.3, longitude: 124.0 });
    const van = await ctx.steps.resource(ctx.keeper, { type: 'vehicle', name: 'Field van', homeCommunityId: home.id, bufferAfterMinutes: 30 });
    const trip = await ctx.steps.entry(ctx.staff, { start: at('09:00', '2026-06-03'), end: at('12:00', '2026-06-03'), communityId: far.id });
    const booked = (await ctx.steps.book(ctx.staff, { resourceId: van.id, entryId: trip.id })).json();
    // ≈ 33.4 km × 1.3 at 40 km/h ≈ 65 min → 70 each way
    expect(booked).toMatchObject({ travelBeforeMinutes: 70, travelAfterMinutes: 70, bufferAfterMinutes: 30, start: at('09:00', '2026-06-03'), blockedStart: at('07:50', '2026-06-03'), blockedEnd: at('13:40', '2026-06-03') });
    // another province's speed must not apply
    const elsewhere = await add({ name: 'Other Province', level: 'province', parentId: region.id });
    await ctx.t.as(ctx.keeper, { method: 'PUT', url: `/api/v1/resources/travel-speeds/${elsewhere.id}`, payload: { speedKmh: 10, roadFactor: 1 } });
    const speed = await ctx.t.as(ctx.keeper, { method: 'PUT', url: `/api/v1/resources/travel-speeds/${province.id}`, payload: { speedKmh: 60, roadFactor: 1 } });
    expect(speed.statusCode, speed.body).toBe(200);
    expect((await ctx.t.as(ctx.keeper, { method: 'PUT', url: `/api/v1/resources/travel-speeds/${home.id}`, payload: { speedKmh: 60 } })).json().errors[0].field).toBe('provinceId');
    const trip2 = await ctx.steps.entry(ctx.staff, { start: at('09:00', '2026-06-04'), end: at('12:00', '2026-06-04'), communityId: far.id });
    expect((await ctx.steps.book(ctx.staff, { resourceId: van.id, entryId: trip2.id })).json().travelBeforeMinutes).toBe(35);
  });
});
