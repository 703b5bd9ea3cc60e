import { describe, expect, it } from 'vitest';
import { bookableSpans, isWithinBookableHours, validateWeeklyHours } from './bookable-hours.js';
import { utilisation } from './utilisation.js';

const at = (iso: string) => Date.parse(iso);
const OFFICE = { '1': [['08:00', '17:00']], '2': [['08:00', '17:00']], '3': [['08:00', '12:00'], ['13:00', '17:00']], '4': [['08:00', '17:00']], '5': [['08:00', '17:00']] } as Record<string, [string, string][]>;

describe('bookable hours', () => {
  it('reads the weekday table in the resource zone (Manila, a Monday to Sunday week)', () => {
    const spans = bookableSpans(OFFICE, 'Asia/Manila', { startMs: at('2026-03-02T00:00:00+08:00'), endMs: at('2026-03-09T00:00:00+08:00') });
    expect(spans.length).toBe(6);
    expect(new Date(spans[0]!.startMs).toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(new Date(spans[0]!.endMs).toISOString()).toBe('2026-03-02T09:00:00.000Z');
    expect(new Date(spans[3]!.startMs).toISOString()).toBe('2026-03-04T05:00:00.000Z');
  });

  it('a booking inside office hours fits; one crossing lunch on Wednesday or on Saturday does not', () => {
    expect(isWithinBookableHours(OFFICE, 'Asia/Manila', { startMs: at('2026-03-02T09:00:00+08:00'), endMs: at('2026-03-02T17:00:00+08:00') })).toBe(true);
    expect(isWithinBookableHours(OFFICE, 'Asia/Manila', { startMs: at('2026-03-04T11:00:00+08:00'), endMs: at('2026-03-04T14:00:00+08:00') })).toBe(false);
    expect(isWithinBookableHours(OFFICE, 'Asia/Manila', { startMs: at('2026-03-07T09:00:00+08:00'), endMs: at('2026-03-07T10:00:00+08:00') })).toBe(false);
    expect(isWithinBookableHours(null, 'Asia/Manila', { startMs: 0, endMs: 1 })).toBe(true);
  });

  it('names the field of a bad table', () => {
    expect(validateWeeklyHours({ '8': [] })[0]!.field).toBe('bookableHours.8');
    expect(validateWeeklyHours({ '1': [['17:00', '08:00']] })[0]!.field).toBe('bookableHours.1.0');
    expect(validateWeeklyHours({ '1': [['8:00', '17:00']] })[0]!.message).toMatch(/HH:MM/);
    expect(validateWeeklyHours(OFFICE)).toEqual([]);
  });

  it('utilisation: booked hours inside bookable hours over bookable hours', () => {
    const window = { startMs: at('2026-03-02T00:00:00+08:00'), endMs: at('2026-03-03T00:00:00+08:00') };
    const open = bookableSpans(OFFICE, 'Asia/Manila', window);
    const booked = [{ startMs: at('2026-03-02T06:00:00+08:00'), endMs: at('2026-03-02T10:30:00+08:00'), units: 1 }];
    expect(utilisation(open, booked, 1, window)).toEqual({ bookableHours: 9, bookedHours: 2.5, ratio: 2.5 / 9 });
  });
});
