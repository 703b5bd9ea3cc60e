import { describe, expect, it } from 'vitest';
import { civilFromDays, daysFromCivil } from '../time/civil.js';
import { ISLAMIC_CIVIL } from './calendars.js';

// Node's Intl (ICU) is the independent oracle for the islamic-civil calendar.
const fmt = new Intl.DateTimeFormat('en-US-u-ca-islamic-civil', { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });
function intlHijri(days: number): { year: number; month: number; day: number } {
  const parts = fmt.formatToParts(new Date(days * 86_400_000));
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value.replace(/\D/g, ''));
  return { year: get('year'), month: get('month'), day: get('day') };
}

describe('islamic-civil calendar', () => {
  it('agrees with Intl on random days 1900–2200, both ways', () => {
    const from = daysFromCivil(1900, 1, 1);
    for (let i = 0; i < 3000; i++) {
      const days = from + Math.floor(Math.random() * 110_000);
      const h = ISLAMIC_CIVIL.fromDays(days);
      expect(h, `${JSON.stringify(civilFromDays(days))}`).toEqual(intlHijri(days));
      expect(ISLAMIC_CIVIL.toDays(h.year, h.month, h.day)).toBe(days);
      expect(h.day).toBeLessThanOrEqual(ISLAMIC_CIVIL.daysInMonth(h.year, h.month));
    }
  });

  it('puts 1 Shawwal 1447 on 2026-03-20', () => {
    expect(civilFromDays(ISLAMIC_CIVIL.toDays(1447, 10, 1))).toEqual({ year: 2026, month: 3, day: 20 });
  });
});
