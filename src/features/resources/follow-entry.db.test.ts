import { describe, expect, it } from 'vitest';
import { at, useResourceTestApp } from './test-helpers.js';

const ctx = useResourceTestApp();

const bookingOf = async (id: string) => (await ctx.t.as(ctx.staff, { method: 'GET', url: `/api/v1/bookings/${id}` })).json();

describe('bookings follow their entry', () => {
  it('moving an entry moves its booking; a move onto another booking is 409 and changes nothing; deleting frees it', async () => {
    const room = await ctx.steps.resource(ctx.keeper, { bufferAfterMinutes: 10 });
    const a = await ctx.steps.entry(ctx.staff, { start: at('09:00', '2027-01-04'), end: at('10:00', '2027-01-04') });
    const b = await ctx.steps.entry(ctx.staff, { start: at('11:00', '2027-01-04'), end: at('12:00', '2027-01-04') });
    const ba = (await ctx.steps.book(ctx.staff, { resourceId: room.id, entryId: a.id })).json();
    const bb = (await ctx.steps.book(ctx.staff, { resourceId: room.id, entryId: b.id })).json();
    const clash = await ctx.t.as(ctx.staff, { method: 'PATCH', url: `/api/v1/entries/${a.id}`, payload: { start: at('10:30', '2027-01-04'), end: at('11:30', '2027-01-04') } });
    expect(clash.statusCode, clash.body).toBe(409);
    expect(clash.json().conflictingBookingId).toBe(bb.id);
    const unchanged = await ctx.t.as(ctx.staff, { method: 'GET', url: `/api/v1/entries/${a.id}` });
    expect(unchanged.json()).toMatchObject({ start: at('09:00', '2027-01-04'), version: 1 });
    expect((await bookingOf(ba.id)).start).toBe(at('09:00', '2027-01-04'));
    // up to the buffer of the one before: 12:00 + 10 min turnaround
    const moved = await ctx.t.as(ctx.staff, { method: 'PATCH', url: `/api/v1/entries/${a.id}`, payload: { start: at('12:10', '2027-01-04'), end: at('13:40', '2027-01-04') } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await bookingOf(ba.id)).toMatchObject({ start: at('12:10', '2027-01-04'), end: at('13:40', '2027-01-04'), blockedEnd: at('13:50', '2027-01-04') });
    expect((await ctx.t.as(ctx.staff, { method: 'DELETE', url: `/api/v1/entries/${a.id}` })).statusCode).toBe(204);
    expect((await bookingOf(ba.id)).status).toBe('cancelled');
  });

  it('books every occurrence of a series, reporting the ones that conflict; series and occurrence edits carry the bookings', async () => {
    const room = await ctx.steps.resource(ctx.keeper);
    const weekly = await ctx.steps.entry(ctx.staff, { start: at('09:00', '2027-02-01'), end: at('10:00', '2027-02-01'), rrule: 'FREQ=WEEKLY;COUNT=4' });
    const blocker = await ctx.steps.entry(ctx.staff, { start: at('09:30', '2027-02-15'), end: at('10:30', '2027-02-15') });
    const held = (await ctx.steps.book(ctx.staff, { resourceId: room.id, entryId: blocker.id })).json();
    const response = await ctx.steps.book(ctx.staff, { resourceId: room.id, entryId: weekly.id, until: '2027-12-31T00:00:00+08:00' });
    expect(response.statusCode, response.body).toBe(201);
    const { bookings, occurrences } = response.json();
    expect(occurrences.map((o: { recurrenceId: string; result: string }) => `${o.recurrenceId} ${o.result}`)).toEqual([
      '2027-02-01T09:00:00 booked', '2027-02-08T09:00:00 booked', '2027-02-15T09:00:00 conflict', '2027-02-22T09:00:00 booked',
    ]);
    expect(occurrences[2].conflictingBookingId).toBe(held.id);
    expect(bookings).toHaveLength(3);

    // one occurrence moved ("this"): its booking follows the override
    const one = await ctx.t.as(ctx.staff, { method: 'PATCH', url: `/api/v1/entries/${weekly.id}/occurrences/2027-02-08T09:00:00?scope=this`, payload: { start: at('14:00', '2027-02-08'), end: at('15:00', '2027-02-08') } });
    expect(one.statusCode, one.body).toBe(200);
    expect((await bookingOf(bookings[1].id)).start).toBe(at('14:00', '2027-02-08'));

    // the whole series an hour later: the bookings of the other occurrences shift with it
    const all = await ctx.t.as(ctx.staff, { method: 'PATCH', url: `/api/v1/entries/${weekly.id}/occurrences/2027-02-01T09:00:00?scope=all`, payload: { start: at('10:00', '2027-02-01'), end: at('11:00', '2027-02-01') } });
    expect(all.statusCode, all.body).toBe(200);
    expect(await bookingOf(bookings[0].id)).toMatchObject({ start: at('10:00', '2027-02-01'), recurrenceId: '2027-02-01T10:00:00' });
    expect((await bookingOf(bookings[2].id)).start).toBe(at('10:00', '2027-02-22'));

    // deleting one occurrence frees its booking
    const del = await ctx.t.as(ctx.staff, { method: 'DELETE', url: `/api/v1/entries/${weekly.id}/occurrences/2027-02-22T10:00:00?scope=this` });
    expect(del.statusCode, del.body).toBe(200);
    expect((await bookingOf(bookings[2].id)).status).toBe('cancelled');
  });

  it('a series shift onto another booking is refused whole (409), nothing moves', async () => {
    const room = await ctx.steps.resource(ctx.keeper);
    const weekly = await ctx.steps.entry(ctx.staff, { start: at('09:00', '2027-03-01'), end: at('10:00', '2027-03-01'), rrule: 'FREQ=WEEKLY;COUNT=3' });
    const series = (await ctx.steps.book(ctx.staff, { resourceId: room.id, entryId: weekly.id, until: '2027-12-31T00:00:00+08:00' })).json();
    const later = await ctx.steps.entry(ctx.staff, { start: at('11:00', '2027-03-15'), end: at('12:00', '2027-03-15') });
    const held = (await ctx.steps.book(ctx.staff, { resourceId: room.id, entryId: later.id })).json();
    const shift = await ctx.t.as(ctx.staff, { method: 'PATCH', url: `/api/v1/entries/${weekly.id}/occurrences/2027-03-01T09:00:00?scope=all`, payload: { start: at('11:00', '2027-03-01'), end: at('12:00', '2027-03-01') } });
    expect(shift.statusCode, shift.body).toBe(409);
    expect(shift.json().conflictingBookingId).toBe(held.id);
    expect((await bookingOf(series.bookings[0].id)).start).toBe(at('09:00', '2027-03-01'));
    expect((await ctx.t.as(ctx.staff, { method: 'GET', url: `/api/v1/entries/${weekly.id}` })).json().start).toBe(at('09:00', '2027-03-01'));
  });

  it('"this and following" carries the later bookings to the new series; a shorter rule frees the ones it drops', async () => {
    const room = await ctx.steps.resource(ctx.keeper);
    const weekly = await ctx.steps.entry(ctx.staff, { start: at('09:00', '2027-04-05'), end: at('10:00', '2027-04-05'), rrule: 'FREQ=WEEKLY;COUNT=4' });
    const { bookings } = (await ctx.steps.book(ctx.staff, { resourceId: room.id, entryId: weekly.id, until: '2027-12-31T00:00:00+08:00' })).json();
    expect(bookings).toHaveLength(4);
    const split = await ctx.t.as(ctx.staff, { method: 'PATCH', url: `/api/v1/entries/${weekly.id}/occurrences/2027-04-19T09:00:00?scope=following`, payload: { start: at('14:00', '2027-04-19'), end: at('15:00', '2027-04-19') } });
    expect(split.statusCode, split.body).toBe(200);
    const created = split.json().entry.id;
    expect(await bookingOf(bookings[1].id)).toMatchObject({ entryId: weekly.id, start: at('09:00', '2027-04-12') });
    expect(await bookingOf(bookings[2].id)).toMatchObject({ entryId: created, recurrenceId: '2027-04-19T14:00:00', start: at('14:00', '2027-04-19'), status: 'approved' });
    expect(await bookingOf(bookings[3].id)).toMatchObject({ entryId: created, start: at('14:00', '2027-04-26') });
    const shorter = await ctx.t.as(ctx.staff, { method: 'PATCH', url: `/api/v1/entries/${created}`, payload: { rrule: 'FREQ=WEEKLY;COUNT=1' } });
    expect(shorter.statusCode, shorter.body).toBe(200);
    expect((await bookingOf(bookings[2].id)).status).toBe('approved');
    expect((await bookingOf(bookings[3].id)).status).toBe('cancelled');
  });
});
