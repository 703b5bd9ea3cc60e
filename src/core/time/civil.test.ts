import { describe, expect, it } from 'vitest';
import { civilFromDays, daysFromCivil, daysInMonth, weekdayOfDays } from './civil.js';

// Date.UTC is the oracle here only: production code does its own integer arithmetic.
const oracleDays = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000;

describe('civil day numbers', () => {
  it('agree with Date.UTC for random dates from year 1 to 9999, both ways', () => {
    for (let i = 0; i < 5000; i++) {
      const year = 1 + Math.floor(Math.random() * 9999);
      const month = 1 + Math.floor(Math.random() * 12);
      const day = 1 + Math.floor(Math.random() * daysInMonth(year, month));
      const days = daysFromCivil(year, month, day);
      const oracle = new Date(0);
      oracle.setUTCFullYear(year, month - 1, day);
      expect(days).toBe(Math.floor(oracle.getTime() / 86_400_000));
      expect(civilFromDays(days)).toEqual({ year, month, day });
    }
  });

  it('knows leap years, including century rules', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysFromCivil(2025, 3, 1) - daysFromCivil(2025, 2, 1)).toBe(oracleDays(2025, 3, 1) - oracleDays(2025, 2, 1));
  });

  it('gives ISO weekdays (Monday = 0)', () => {
    expect(weekdayOfDays(daysFromCivil(2025, 11, 24))).toBe(0); // a Monday
    expect(weekdayOfDays(daysFromCivil(1970, 1, 1))).toBe(3); // a Thursday
    expect(weekdayOfDays(daysFromCivil(1900, 1, 7))).toBe(6); // a Sunday, before the epoch
  });
});
