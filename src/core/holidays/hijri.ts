/**
 * Hijri dates through Intl (ICU): which Gregorian dates of a year carry a given Hijri month and day.
 * Tabular calendars are an estimate: the Philippine government proclaims Islamic holidays from the
 * moon sighting, which can fall a day off; callers treat these as defaults an admin may move.
 */
import { Temporal } from 'temporal-polyfill';

export type HijriCalendar = 'islamic-umalqura' | 'islamic-civil';

export interface HijriDate {
  year: number;
  month: number;
  day: number;
}

const formatters = new Map<HijriCalendar, Intl.DateTimeFormat>();

function formatterFor(calendar: HijriCalendar): Intl.DateTimeFormat {
  let f = formatters.get(calendar);
  if (!f) {
    f = new Intl.DateTimeFormat(`en-u-ca-${calendar}`, { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' });
    formatters.set(calendar, f);
  }
  return f;
}

/** The Hijri date of a Gregorian date (YYYY-MM-DD). */
export function toHijri(date: string, calendar: HijriCalendar = 'islamic-umalqura'): HijriDate {
  const parts = formatterFor(calendar).formatToParts(new Date(`${date}T12:00:00Z`));
  const num = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: num('year'), month: num('month'), day: num('day') };
}

const yearTables = new Map<string, readonly { date: string; hijri: HijriDate }[]>();

/** The Hijri date of every day of a Gregorian year, computed once per (calendar, year). */
function hijriDaysOf(year: number, calendar: HijriCalendar): readonly { date: string; hijri: HijriDate }[] {
  const key = `${calendar}:${year}`;
  let table = yearTables.get(key);
  if (!table) {
    const days: { date: string; hijri: HijriDate }[] = [];
    for (let d = Temporal.PlainDate.from({ year, month: 1, day: 1 }); d.year === year; d = d.add({ days: 1 })) {
      const date = d.toString();
      days.push({ date, hijri: toHijri(date, calendar) });
    }
    yearTables.set(key, (table = days));
  }
  return table;
}

/** Every Gregorian date in `year` whose Hijri month/day is the one asked (0, 1 or 2 of them). */
export function gregorianDatesOfHijri(year: number, month: number, day: number, calendar: HijriCalendar = 'islamic-umalqura'): { date: string; hijri: HijriDate }[] {
  // A Hijri year is ~354 days, so a Hijri date recurs ~11 days earlier each Gregorian year and
  // some Gregorian years hold it twice: look through the whole year.
  return hijriDaysOf(year, calendar).filter((d) => d.hijri.month === month && d.hijri.day === day);
}
