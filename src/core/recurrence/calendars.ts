import { civilFromDays, daysFromCivil, daysInMonth } from '../time/civil.js';

/** A calendar the RSCALE expander can walk: dates ↔ day numbers (days since 1970-01-01). */
export interface CalendarSystem {
  readonly name: string;
  toDays(year: number, month: number, day: number): number;
  fromDays(days: number): { year: number; month: number; day: number };
  daysInMonth(year: number, month: number): number;
}

export const GREGORIAN: CalendarSystem = {
  name: 'GREGORIAN',
  toDays: daysFromCivil,
  fromDays: civilFromDays,
  daysInMonth,
};

/**
 * The tabular Islamic calendar the CLDR/ICU and Temporal call "islamic-civil": 30-year cycle with
 * leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29, civil (Friday) epoch 1 Muharram 1 AH =
 * 622-07-19 proleptic Gregorian. It is pure arithmetic, so it is computed here and checked against
 * Intl in the tests rather than paying for a calendar object per day.
 */
const ISLAMIC_EPOCH = daysFromCivil(622, 7, 19);
const islamicYearStart = (year: number) => ISLAMIC_EPOCH + (year - 1) * 354 + Math.floor((3 + 11 * year) / 30);
const islamicLeap = (year: number) => (((14 + 11 * year) % 30) + 30) % 30 < 11;

export const ISLAMIC_CIVIL: CalendarSystem = {
  name: 'ISLAMIC-CIVIL',
  toDays: (year, month, day) => islamicYearStart(year) + Math.ceil(29.5 * (month - 1)) + day - 1,
  fromDays(days) {
    let year = Math.floor((30 * (days - ISLAMIC_EPOCH) + 10646) / 10631);
    while (islamicYearStart(year) > days) year--;
    while (islamicYearStart(year + 1) <= days) year++;
    const dayOfYear = days - islamicYearStart(year);
    let month = Math.min(12, Math.floor(dayOfYear / 29.5) + 1);
    while (month > 1 && Math.ceil(29.5 * (month - 1)) > dayOfYear) month--;
    return { year, month, day: dayOfYear - Math.ceil(29.5 * (month - 1)) + 1 };
  },
  daysInMonth: (year, month) => (month % 2 === 1 || (month === 12 && islamicLeap(year)) ? 30 : 29),
};

export function calendarFor(rscale: string | null): CalendarSystem {
  return rscale === 'ISLAMIC-CIVIL' ? ISLAMIC_CIVIL : GREGORIAN;
}
