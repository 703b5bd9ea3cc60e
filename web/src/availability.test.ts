import { describe, expect, it } from 'vitest';
import { testIntl } from './i18n/test-intl';
import { assessAvailability, describeAssessment, describeSeriesBooking, type AvailabilityData, type BookingLabel } from './availability';

const want = { start: '2026-12-01T09:00:00+08:00', end: '2026-12-01T11:00:00+08:00' };
const terms = { bufferBeforeMinutes: 0, bufferAfterMinutes: 0, needsApproval: false };
const day = { start: '2026-12-01T00:00:00+08:00', end: '2026-12-02T00:00:00+08:00' };
const booking = (id: string, start: string, end: string, units = 1) => ({ bookingId: id, status: 'approved', units, start, end, blockedStart: start, blockedEnd: end });
const data = (over: Partial<AvailabilityData> = {}): AvailabilityData => ({ quantity: 1, busy: [], bookableHours: [day], blackouts: [], ...over });
const labels = new Map<string, BookingLabel>([['b1', { title: 'Site visit', entryId: 'e1' }]]);

describe('resource availability in the editor', () => {
  it('is free when nothing holds the resource, and says when the booking needs approval', () => {
    expect(assessAvailability(want, terms, data(), labels)).toEqual({ state: 'free', needsApproval: false });
    const a = assessAvailability(want, { ...terms, needsApproval: true }, data(), labels);
    expect(describeAssessment(a, 'Asia/Manila', testIntl)).toBe('Free then; the booking needs approval by a resource manager.');
  });

  it('names the booking in the way with its title and times in the zone', () => {
    const a = assessAvailability(want, terms, data({ busy: [booking('b1', '2026-12-01T10:00:00+08:00', '2026-12-01T12:00:00+08:00')] }), labels);
    expect(a).toMatchObject({ state: 'busy', conflicts: [{ bookingId: 'b1', title: 'Site visit' }] });
    expect(describeAssessment(a, 'Asia/Manila', testIntl)).toBe('Busy then: “Site visit” Tue 1 Dec, 10:00–12:00.');
  });

  it('takes half-open spans: a booking ending as the entry starts is not in the way, unless the buffer reaches it', () => {
    const before = data({ busy: [booking('b1', '2026-12-01T07:00:00+08:00', '2026-12-01T09:00:00+08:00')] });
    expect(assessAvailability(want, terms, before, labels).state).toBe('free');
    expect(assessAvailability(want, { ...terms, bufferBeforeMinutes: 15 }, before, labels).state).toBe('busy');
  });

  it("ignores the edited entry's own bookings (they move with it)", () => {
    const own = data({ busy: [booking('b1', want.start, want.end)] });
    expect(assessAvailability(want, terms, own, labels, 'e1').state).toBe('free');
    expect(assessAvailability(want, terms, own, labels, 'other').state).toBe('busy');
  });

  it('counts units for a resource with stock: busy only when every unit is taken at once', () => {
    const two = [booking('b1', '2026-12-01T09:00:00+08:00', '2026-12-01T10:00:00+08:00'), booking('b2', '2026-12-01T10:00:00+08:00', '2026-12-01T11:00:00+08:00')];
    expect(assessAvailability(want, terms, data({ quantity: 2, busy: two }), labels).state).toBe('free');
    const overlapping = [...two, booking('b3', '2026-12-01T09:30:00+08:00', '2026-12-01T10:30:00+08:00')];
    const a = assessAvailability(want, terms, data({ quantity: 2, busy: overlapping }), labels);
    expect(a.state === 'busy' && a.conflicts.map((c) => c.bookingId)).toEqual(['b1', 'b2', 'b3']);
  });

  it('refuses times outside bookable hours before blackouts and bookings, as the server does', () => {
    const hours = [{ start: '2026-12-01T08:00:00+08:00', end: '2026-12-01T10:00:00+08:00' }, { start: '2026-12-01T10:00:00+08:00', end: '2026-12-01T17:00:00+08:00' }];
    expect(assessAvailability(want, terms, data({ bookableHours: hours }), labels).state).toBe('free');
    const late = data({ bookableHours: [{ start: '2026-12-01T10:00:00+08:00', end: '2026-12-01T17:00:00+08:00' }], busy: [booking('b1', want.start, want.end)] });
    expect(assessAvailability(want, terms, late, labels)).toEqual({ state: 'outside_hours' });
  });

  it('reports a blackout over the blocked span with its reason', () => {
    const a = assessAvailability(want, terms, data({ blackouts: [{ id: 'x', reason: 'Change oil', start: '2026-12-01T10:30:00+08:00', end: '2026-12-01T15:00:00+08:00' }] }), labels);
    expect(describeAssessment(a, 'Asia/Manila', testIntl)).toBe('Unavailable then (Change oil): Tue 1 Dec, 10:30 to Tue 1 Dec, 15:00.');
  });

  it("sums up a series booking's occurrences that could not be booked", () => {
    const occ = (d: number, result: 'booked' | 'conflict' | 'outside_bookable_hours') => ({ recurrenceId: `r${d}`, start: `2026-12-0${d}T09:00:00+08:00`, result });
    expect(describeSeriesBooking([occ(1, 'booked'), occ(8, 'booked')], 'Asia/Manila', testIntl)).toBeNull();
    expect(describeSeriesBooking([occ(1, 'booked'), occ(2, 'conflict'), occ(3, 'outside_bookable_hours')], 'Asia/Manila', testIntl))
      .toBe('Booked 1 of 3 occurrences; not booked: Wed 2 Dec, 09:00 (taken), Thu 3 Dec, 09:00 (outside bookable hours).');
  });
});
