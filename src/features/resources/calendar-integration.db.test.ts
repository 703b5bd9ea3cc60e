import { describe, expect, it } from 'vitest';
import { at, useResourceTestApp } from './test-helpers.js';

const ctx = useResourceTestApp();

const window = `start=${encodeURIComponent(at('00:00', '2027-07-05'))}&end=${encodeURIComponent(at('00:00', '2027-07-06'))}`;

describe('bookings in the integrated calendar', () => {
  it('conflict detection sees a booked resource that another entry names without booking it', async () => {
    const room = await ctx.steps.resource(ctx.keeper, { name: 'Board room' });
    const booked = await ctx.steps.entry(ctx.staff, { start: at('09:00', '2027-07-05'), end: at('10:00', '2027-07-05') });
    expect((await ctx.steps.book(ctx.staff, { resourceId: room.id, entryId: booked.id })).statusCode).toBe(201);
    const naming = await ctx.steps.entry(ctx.staff, { start: at('09:30', '2027-07-05'), end: at('10:30', '2027-07-05'), details: { resourceIds: [room.id] } });
    const response = await ctx.t.as(ctx.staff, { method: 'GET', url: `/api/v1/calendar/conflicts?${window}` });
    expect(response.statusCode, response.body).toBe(200);
    const found = response.json().items.filter((c: { type: string; subjectId: string }) => c.type === 'resource_double_booked' && c.subjectId === room.id);
    expect(found).toHaveLength(1);
    expect([...found[0].entryIds].sort()).toEqual([booked.id, naming.id].sort());
  });

  it('the bookings layer: your own bookings with the resource name, travel apart; others see theirs only', async () => {
    const van = await ctx.steps.resource(ctx.keeper, { type: 'vehicle', name: 'Pickup', bufferBeforeMinutes: 30 });
    const trip = await ctx.steps.entry(ctx.staff, { title: 'Barangay visit', start: at('13:00', '2027-07-05'), end: at('15:00', '2027-07-05') });
    const booking = (await ctx.steps.book(ctx.staff, { resourceId: van.id, entryId: trip.id })).json();
    const mine = (await ctx.t.as(ctx.staff, { method: 'GET', url: `/api/v1/bookings/calendar?${window}` })).json();
    expect(mine.find((e: { id: string }) => e.id === booking.id)).toMatchObject({ title: 'Pickup: Barangay visit', start: at('13:00', '2027-07-05') });
    expect(mine.find((e: { id: string }) => e.id === `${booking.id}:before`)).toMatchObject({ start: at('12:30', '2027-07-05'), end: at('13:00', '2027-07-05') });
    const theirs = (await ctx.t.as(ctx.colleague, { method: 'GET', url: `/api/v1/bookings/calendar?${window}` })).json();
    expect(theirs.some((e: { id: string }) => e.id === booking.id)).toBe(false);
    // the resource's own feed shows the booking to a ctx.colleague, without the title of an entry they cannot see
    const feed = (await ctx.t.as(ctx.colleague, { method: 'GET', url: `/api/v1/resources/${van.id}/calendar?${window}` })).json();
    expect(feed.find((e: { id: string }) => e.id === booking.id).title).toBe('Booked');
  });
});
