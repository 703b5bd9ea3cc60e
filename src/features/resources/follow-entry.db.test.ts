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

  it('a vehicle booking is re-timed for the drive when its entry goes to another community; a drive onto another booking is 409', async () => {
    const admin = await ctx.t.login(ctx.t.admin.email, ctx.t.admin.password);
    const add = async (body: Record<string, unknown>) => (await ctx.t.as(admin, { method: 'POST', url: '/api/v1/communities', payload: body })).json();
    const region = await add({ name: 'Drive Region', level: 'region' });
    const province = await add({ name: 'Drive Province', level: 'province', parentId: region.id });
    expect(province.id).toBeDefined();
    const home = await add({ name: 'Drive Home', level: 'municipality', parentId: province.id, latitude: 7.0, longitude: 124.0 });
    const far = await add({ name: 'Drive Far', level: 'municipality', parentId: province.id, latitude: 7.3, longitude: 124.0 });
    const van = await ctx.steps.resource(ctx.keeper, { type: 'vehicle', name: 'Drive van', homeCommunityId: home.id });
    const trip = await ctx.steps.entry(ctx.staff, { start: at('09:00', '2027-07-05'), end: at('12:00', '2027-07-05'), communityId: home.id });
    const later = await ctx.steps.entry(ctx.staff, { start: at('12:30', '2027-07-05'), end: at('13:00', '2027-07-05'), communityId: home.id });
    const booked = (await ctx.steps.book(ctx.staff, { resourceId: van.id, entryId: trip.id })).json();
    const held = (await ctx.steps.book(ctx.staff, { resourceId: van.id, entryId: later.id })).json();
    expect(booked).toMatchObject({ travelBeforeMinutes: 0, blockedEnd: at('12:00', '2027-07-05') });
    // 70 minutes each way to the far town: back at 13:10, over the 12:30 booking
    const clash = await ctx.t.as(ctx.staff, { method: 'PATCH', url: `/api/v1/entries/${trip.id}`, payload: { communityId: far.id } });
    expect(clash.statusCode, clash.body).toBe(409);
    expect(clash.json().conflictingBookingId).toBe(held.id);
    expect((await ctx.t.as(ctx.staff, { method: 'GET', url: `/api/v1/entries/${trip.id}` })).json().communityId).toBe(home.id);
    expect((await bookingOf(booked.id)).travelBeforeMinutes).toBe(0);
    expect((await ctx.t.as(ctx.staff, { method: 'POST', url: `/api/v1/bookings/${held.id}/cancel` })).statusCode).toBe(200);
    const moved = await ctx.t.as(ctx.staff, { method: 'PATCH', url: `/api/v1/entries/${trip.id}`, payload: { communityId: far.id } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await bookingOf(booked.id)).toMatchObject({ travelBeforeMinutes: 70, travelAfterMinutes: 70, blockedStart: at('07:50', '2027-07-05'), blockedEnd: at('13:10', '2027-07-05') });
  });

  it('a rule that gains occurrences books them up to the last one booked, where the resource is free', async () => {
    const room = await ctx.steps.resource(ctx.keeper);
    const weekly = await ctx.steps.entry(ctx.staff, { start: at('09:00', '2027-06-07'), end: at('10:00', '2027-06-07'), rrule: 'FREQ=WEEKLY;COUNT=4' });
    expect((await ctx.steps.book(ctx.staff, { resourceId: room.id, entryId: weekly.id, until: '2027-12-31T00:00:00+08:00' })).json().bookings).toHaveLength(4);
    const blocker = await ctx.steps.entry(ctx.colleague, { start: at('09:30', '2027-06-17'), end: at('10:30', '2027-06-17') });
    const held = await ctx.steps.book(ctx.colleague, { resourceId: room.id, entryId: blocker.id });
    expect(held.statusCode, held.body).toBe(201);
    const twice = await ctx.t.as(ctx.staff, { method: 'PATCH', url: `/api/v1/entries/${weekly.id}`, payload: { rrule: 'FREQ=WEEKLY;BYDAY=MO,TH;COUNT=8' } });
    expect(twice.statusCode, twice.body).toBe(200);
    const list = (await ctx.t.as(ctx.staff, { method: 'GET', url: `/api/v1/bookings?entryId=${weekly.id}` })).json().items as { recurrenceId: string; status: string }[];
    // Thursdays gained: 10 and 24 June booked, 17 June taken, 1 July past the last booked Monday
    expect(list.filter((b) => b.status === 'approved').map((b) => b.recurrenceId).sort()).toEqual([
      '2027-06-07T09:00:00', '2027-06-10T09:00:00', '2027-06-14T09:00:00', '2027-06-21T09:00:00', '2027-06-24T09:00:00', '2027-06-28T09:00:00',
    ]);
  });
});
