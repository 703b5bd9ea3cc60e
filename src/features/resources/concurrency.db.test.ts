import { describe, expect, it } from 'vitest';
import { at, useResourceTestApp } from './test-helpers.js';

// On PostgreSQL (DATABASE_URL) the requests really race over a pool of connections; on PGlite they
// queue on its one connection, which still proves the counting.
const ctx = useResourceTestApp();

describe('no double booking under concurrency', () => {
  it('50 concurrent requests for the same room and slot: one 201, 49 × 409 naming it, no partial rows', { timeout: 120_000 }, async () => {
    const room = await ctx.steps.resource(ctx.keeper, { name: 'Conference room' });
    const entries = [];
    for (let i = 0; i < 50; i++) entries.push(await ctx.steps.entry(ctx.staff, { title: `Meeting ${i}`, start: at('09:00', '2027-05-03'), end: at('10:00', '2027-05-03') }));
    const responses = await Promise.all(entries.map((e) => ctx.steps.book(ctx.staff, { resourceId: room.id, entryId: e.id })));
    const created = responses.filter((r) => r.statusCode === 201);
    const refused = responses.filter((r) => r.statusCode === 409);
    expect(created).toHaveLength(1);
    expect(refused).toHaveLength(49);
    const winner = created[0]!.json().id;
    for (const r of refused) {
      expect(r.headers['content-type']).toMatch(/problem\+json/);
      expect(r.json().conflictingBookingId).toBe(winner);
    }
    expect(await ctx.steps.count(`resource_id = '${room.id}'`)).toBe(1);
    const [events] = await ctx.t.testDb.database.query<{ n: number }>(`select count(*)::int as n from resource_booking_events e join resource_bookings b on b.id = e.booking_id where b.resource_id = $1`, [room.id]);
    expect(events!.n).toBe(1);
  });

  it('a quantity resource is never over-booked: 3 projectors, 20 concurrent requests of overlapping spans', { timeout: 120_000 }, async () => {
    const projectors = await ctx.steps.resource(ctx.keeper, { type: 'equipment', name: 'Projectors', quantity: 3 });
    const entries = [];
    for (let i = 0; i < 20; i++) {
      const start = 9 * 60 + (i % 4) * 15; // 09:00, 09:15, 09:30, 09:45: all overlap at 09:45
      const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
      entries.push(await ctx.steps.entry(ctx.staff, { start: at(hhmm(start), '2027-05-04'), end: at(hhmm(start + 60), '2027-05-04') }));
    }
    const responses = await Promise.all(entries.map((e) => ctx.steps.book(ctx.staff, { resourceId: projectors.id, entryId: e.id })));
    expect(responses.filter((r) => r.statusCode === 201)).toHaveLength(3);
    expect(responses.filter((r) => r.statusCode === 409)).toHaveLength(17);
    const [peak] = await ctx.t.testDb.database.query<{ n: number }>(
      `select max((select sum(o.units) from resource_bookings o where o.resource_id = b.resource_id and o.status in ('pending','approved') and o.blocked @> b.blocked_start))::int as n
       from resource_bookings b where b.resource_id = $1`, [projectors.id]);
    expect(peak!.n).toBe(3);
    // lowering the stock below what is booked is refused whole
    const lower = await ctx.t.as(ctx.keeper, { method: 'PATCH', url: `/api/v1/resources/${projectors.id}`, payload: { quantity: 2 } });
    expect(lower.statusCode).toBe(409);
    expect((await ctx.t.as(ctx.keeper, { method: 'GET', url: `/api/v1/resources/${projectors.id}` })).json().quantity).toBe(3);
  });

  it('the database itself refuses an overlapping row written past the API', async () => {
    const room = await ctx.steps.resource(ctx.keeper);
    const entry = await ctx.steps.entry(ctx.staff, { start: at('09:00', '2027-05-05'), end: at('10:00', '2027-05-05') });
    const first = (await ctx.steps.book(ctx.staff, { resourceId: room.id, entryId: entry.id })).json();
    const insert = () => ctx.t.testDb.database.query(
      `insert into resource_bookings (organization_id, resource_id, entry_id, starts_at, ends_at, blocked_start, blocked_end, status, requested_by)
       values ($1, $2, $3, $4, $5, $4, $5, 'approved', $6)`,
      [ctx.t.organizationId, room.id, entry.id, at('09:59', '2027-05-05'), at('11:00', '2027-05-05'), ctx.staff.userId],
    );
    await expect(insert()).rejects.toMatchObject({ code: '23P01', detail: `conflicting booking ${first.id}` });
  });

  it('the write re-checks under the lock what the read saw: a changed resource, a blackout added since, a booking in the way', async () => {
    const room = await ctx.steps.resource(ctx.keeper);
    const entry = await ctx.steps.entry(ctx.staff, { start: at('09:00', '2027-05-06'), end: at('10:00', '2027-05-06') });
    const write = (version: number, hhmm: [string, string]) => ctx.t.testDb.database.query<{ outcome: string; detail: string | null; booking: { id: string } | null }>(
      'select * from resource_book($1, $2, $3, $4, null, $5, $6, 1, 0, null, $7, null)',
      [ctx.t.organizationId, room.id, version, entry.id, at(hhmm[0], '2027-05-06'), at(hhmm[1], '2027-05-06'), ctx.staff.userId],
    );
    expect((await write(room.version + 1, ['09:00', '10:00']))[0]).toMatchObject({ outcome: 'changed', booking: null });
    const blackout = await ctx.t.as(ctx.keeper, { method: 'POST', url: `/api/v1/resources/${room.id}/blackouts`, payload: { start: at('12:00', '2027-05-06'), end: at('13:00', '2027-05-06') } });
    expect((await write(room.version, ['12:30', '13:30']))[0]).toMatchObject({ outcome: 'blackout', detail: blackout.json().id });
    const [booked] = await write(room.version, ['09:00', '10:00']);
    expect(booked).toMatchObject({ outcome: 'booked', booking: { status: 'approved' } });
    expect((await write(room.version, ['09:30', '10:30']))[0]).toMatchObject({ outcome: 'conflict', detail: `conflicting booking ${booked!.booking!.id}` });
    expect(await ctx.steps.count(`resource_id = '${room.id}'`)).toBe(1);
    const [events] = await ctx.t.testDb.database.query<{ n: number }>(`select count(*)::int as n from resource_booking_events where booking_id = $1 and action = 'auto_approved'`, [booked!.booking!.id]);
    expect(events!.n).toBe(1);
  });
});
