/**
 * Philippine national holidays and the Islamic observances kept in Mindanao, as all-day drafts.
 *
 * National holidays and Eid al-Fitr, Eid al-Adha, Islamic New Year and Mawlid come from the
 * date-holidays data (pure data, no I/O; CC-BY-3.0). Its Islamic holidays begin at sunset the
 * evening before: we keep only the date, which is the day the office marks. Each Islamic date is
 * cross-checked against ICU's Hijri calendar, which also fills an observance the data lacks.
 */
import Holidays from 'date-holidays';
import { Temporal } from 'temporal-polyfill';
import { gregorianDatesOfHijri, toHijri, type HijriCalendar, type HijriDate } from './hijri.js';

export type HolidayCategory = 'national' | 'islamic';
export type HolidayType = 'public' | 'observance' | 'optional';

export interface HolidayDraft {
  /** Stable across regenerations; Islamic ones keyed by Hijri year so a moved date updates in place. */
  projectionKey: string;
  /** First day, YYYY-MM-DD. */
  date: string;
  /** Exclusive end date (the day after). */
  endDate: string;
  name: string;
  category: HolidayCategory;
  holidayType: HolidayType;
  source: 'date-holidays' | 'hijri-computed';
  rule: string | null;
  hijri: HijriDate | null;
  /** When the data and the tabular Hijri calendar disagree, the calendar's date (else null). */
  computedDate: string | null;
}

export const ISLAMIC_OBSERVANCES = [
  { key: 'eid_al_fitr', name: "Eid al-Fitr (Hari Raya Puasa)", month: 10, day: 1, rule: '1 Shawwal' },
  { key: 'eid_al_adha', name: 'Eid al-Adha (Hari Raya Haji)', month: 12, day: 10, rule: '10 Dhu al-Hijjah' },
  { key: 'islamic_new_year', name: 'Islamic New Year (Amun Jadid)', month: 1, day: 1, rule: '1 Muharram' },
  { key: 'maulid', name: 'Maulid un-Nabi (Birth of the Prophet Muhammad)', month: 3, day: 12, rule: '12 Rabi al-awwal' },
] as const;

export interface HolidayOptions {
  /** Include optional (special working) days such as All Saints' Day. Default true. */
  includeOptional?: boolean;
  /** Include observances that are not days off (e.g. Constitution Day). Default true. */
  includeObservances?: boolean;
  /** Tabular Hijri calendar used for the cross-check and missing observances. */
  hijriCalendar?: HijriCalendar;
}

let philippines: Holidays | null = null;
// date-holidays takes tens of ms per year; its answers for a year never change, so keep them.
const yearCache = new Map<number, ReturnType<Holidays['getHolidays']>>();

function dataFor(year: number): ReturnType<Holidays['getHolidays']> {
  let holidays = yearCache.get(year);
  if (!holidays) {
    philippines ??= new Holidays('PH', { languages: ['en'] });
    yearCache.set(year, (holidays = philippines.getHolidays(year, 'en')));
  }
  return holidays;
}

function nextDay(date: string): string {
  return Temporal.PlainDate.from(date).add({ days: 1 }).toString();
}

function slug(name: string): string {
  return name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
}

/** Holidays of the years fromYear..toYear inclusive, sorted by date. */
export function philippineHolidays(fromYear: number, toYear: number, options: HolidayOptions = {}): HolidayDraft[] {
  const calendar = options.hijriCalendar ?? 'islamic-umalqura';
  const out: HolidayDraft[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    const found = new Map<string, Set<number>>();
    for (const h of dataFor(year)) {
      const date = h.date.slice(0, 10);
      const type: HolidayType = h.type === 'public' ? 'public' : h.type === 'optional' ? 'optional' : 'observance';
      const islamic = ISLAMIC_OBSERVANCES.find((o) => o.rule.toLowerCase() === h.rule.toLowerCase());
      if (islamic) {
        const computed = toHijri(date, calendar);
        // The Hijri year this holiday belongs to: the tabular date may be a day earlier, in the previous month.
        const hijriYear = computed.month === 12 && islamic.month === 1 ? computed.year + 1 : computed.year;
        const hijri = { year: hijriYear, month: islamic.month, day: islamic.day };
        const tabular = gregorianDatesOfHijri(year, islamic.month, islamic.day, calendar).find((c) => c.hijri.year === hijriYear);
        out.push(islamicDraft(islamic, date, hijri, 'date-holidays', tabular && tabular.date !== date ? tabular.date : null));
        found.set(islamic.key, (found.get(islamic.key) ?? new Set()).add(hijriYear));
        continue;
      }
      if (type === 'optional' && options.includeOptional === false) continue;
      if (type === 'observance' && options.includeObservances === false) continue;
      out.push({ projectionKey: `holiday:PH:${year}:${slug(h.name)}:${date}`, date, endDate: nextDay(date), name: h.name, category: 'national', holidayType: type, source: 'date-holidays', rule: h.rule, hijri: null, computedDate: null });
    }
    for (const o of ISLAMIC_OBSERVANCES) {
      for (const c of gregorianDatesOfHijri(year, o.month, o.day, calendar)) {
        if (found.get(o.key)?.has(c.hijri.year)) continue;
        out.push(islamicDraft(o, c.date, c.hijri, 'hijri-computed', null));
      }
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name));
}

function islamicDraft(o: (typeof ISLAMIC_OBSERVANCES)[number], date: string, hijri: HijriDate, source: HolidayDraft['source'], computedDate: string | null): HolidayDraft {
  // Eid al-Fitr and Eid al-Adha are national regular holidays (RA 9177, RA 9849); the others are
  // observed in the Bangsamoro region only.
  const holidayType: HolidayType = o.key === 'eid_al_fitr' || o.key === 'eid_al_adha' ? 'public' : 'observance';
  return { projectionKey: `holiday:islamic:${hijri.year}:${o.key}`, date, endDate: nextDay(date), name: o.name, category: 'islamic', holidayType, source, rule: o.rule, hijri, computedDate };
}
