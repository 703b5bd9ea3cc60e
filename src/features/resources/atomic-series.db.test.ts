import { describe, expect, it } from 'vitest';
import { at, useResourceTestApp } from './test-helpers.js';

const ctx = useResourceTestApp();

interface InTheWay { recurrenceId: string; start: string; result: string; conflictingBookingId: string | null; blackoutId: string | null }

describe('booking a series with atomic: true', () => {
  it('books nothing when any occurrence is in the way (409 naming each one and the booking in the way); books all once the way is clear', async () => {
    const room = await ctx.steps.resource(ctx.keeper);
    const weekly = await ctx.steps.entry(ctx.staff, { start: at('09:00', '2027-06-07'), end: at('10:00', '2027-06-07'), rrule: 'FREQ=WEEKLY;COUNT=10' });
    const blocker = await ctx.steps.entry(ctx.colleague, { start: at('09:30', '2027-06-21'), end: at('10:30', '2027-06-21') });
    const held = (await ctx.steps.book(ctx.colleague, { resourceId: room.id, entryId: blocker.id })).json();
    const blackout = (await ctx.t.as(ctx.keeper, { method: 'POST', url: `/api/v1/resources/${room.id}/blackouts`, payload: { start: at('08:00', '2027-07-26'), end: at('12:00', '2027-07-26'), reason: 'Repainting' } })).json();
    const body = { resourceId: room.id, entryId: weekly.id, until: '2027-12-31T00:00:00+08:00', atomic: true };

    const refused = await ctx.steps.book(ctx.staff, body);
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
    expect(refused.json().detail).toContain('2 of the 10 occurrences');
    expect(refused.json().occurrences as InTheWay[]).toEqual([
      { recurrenceId: '2027-06-21T09:00:00', start: at('09:00', '2027-06-21'), end: at('10:00', '2027-06-21'), result: 'conflict', conflictingBookingId: held.id, blackoutId: null },
      { recurrenceId: '2027-07-26T09:00:00', start: at('09:00', '2027-07-26'), end: at('10:00', '2027-07-26'), result: 'blackout', conflictingBookingId: null, blackoutId: blackout.id },
    ]);
    expect(await ctx.steps.count(`entry_id = '${weekly.id}'`)).toBe(0);

    // Without atomic, the ones that fit are booked and the others reported, as before.
    const partial = await ctx.steps.book(ctx.staff, { ...body, atomic: false });
    expect(partial.statusCode, partial.body).toBe(201);
    expect(partial.json().bookings).toHaveLength(8);
    for (const b of partial.json().bookings as { id: string }[]) {
      expect((await ctx.t.as(ctx.staff, { method: 'POST', url: `/api/v1/bookings/${b.id}/cancel`, payload: {} })).statusCode).toBe(200);
    }

    expect((await ctx.t.as(ctx.colleague, { method: 'POST', url: `/api/v1/bookings/${held.id}/cancel`, payload: {} })).statusCode).toBe(200);
    expect((await ctx.t.as(ctx.keeper, { method: 'DELETE', url: `/api/v1/resources/${room.id}/blackouts/${blackout.id}` })).statusCode).toBe(204);
    const whole = await ctx.steps.book(ctx.staff, body);
    expect(whole.statusCode, whole.body).toBe(201);
    expect(whole.json().bookings).toHaveLength(10);
    expect((whole.json().occurrences as { result: string }[]).every((o) => o.result === 'booked')).toBe(true);
  });
});
