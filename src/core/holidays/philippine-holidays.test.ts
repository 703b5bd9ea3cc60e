import { describe, expect, it } from 'vitest';
import { gregorianDatesOfHijri, toHijri } from './hijri.js';
import { philippineHolidays } from './philippine-holidays.js';

const byName = (year: number, pattern: RegExp) => philippineHolidays(year, year).filter((h) => pattern.test(h.name));

describe('Philippine holidays', () => {
  it('lists the 2026 regular holidays on their dates', () => {
    const dates = new Map(philippineHolidays(2026, 2026).map((h) => [h.name, h.date]));
    expect(dates.get("New Year's Day")).toBe('2026-01-01');
    expect(dates.get('Good Friday')).toBe('2026-04-03');
    expect(dates.get('Independence Day')).toBe('2026-06-12');
    expect(dates.get("National Heroes' Day")).toBe('2026-08-31');
    expect(dates.get('Rizal Day')).toBe('2026-12-30');
  });

  it('gives the 2026 Islamic observances as dates (not the sunset before)', () => {
    expect(byName(2026, /Eid al-Fitr/).map((h) => h.date)).toEqual(['2026-03-20']);
    expect(byName(2026, /Eid al-Adha/).map((h) => h.date)).toEqual(['2026-05-27']);
    expect(byName(2026, /Islamic New Year/).map((h) => h.date)).toEqual(['2026-06-16']);
    expect(byName(2026, /Maulid/).map((h) => h.date)).toEqual(['2026-08-25']);
    for (const h of philippineHolidays(2026, 2026)) expect(h.endDate > h.date).toBe(true);
  });

  it('marks both Eids as public holidays with their Hijri date', () => {
    const [fitr] = byName(2026, /Eid al-Fitr/);
    expect(fitr).toMatchObject({ holidayType: 'public', category: 'islamic', hijri: { year: 1447, month: 10, day: 1 }, projectionKey: 'holiday:islamic:1447:eid_al_fitr' });
  });

  it('keeps projection keys unique and stable across calls', () => {
    const a = philippineHolidays(2025, 2030).map((h) => h.projectionKey);
    expect(new Set(a).size).toBe(a.length);
    expect(philippineHolidays(2025, 2030).map((h) => h.projectionKey)).toEqual(a);
  });

  it('has each Islamic observance once per Hijri year across a decade, even when a year holds two', () => {
    const hs = philippineHolidays(2030, 2040).filter((h) => h.category === 'islamic');
    for (const key of ['eid_al_fitr', 'eid_al_adha', 'islamic_new_year', 'maulid']) {
      const years = hs.filter((h) => h.projectionKey.endsWith(key)).map((h) => h.hijri!.year);
      expect(new Set(years).size).toBe(years.length);
      // consecutive Hijri years, no gap
      const sorted = [...years].sort((x, y) => x - y);
      expect(sorted.at(-1)! - sorted[0]! + 1).toBe(sorted.length);
    }
    expect(philippineHolidays(2033, 2033).filter((h) => /Eid al-Fitr/.test(h.name)).map((h) => h.date)).toEqual(['2033-01-02', '2033-12-23']);
  });

  it('agrees with the tabular calendar within a day', () => {
    for (const h of philippineHolidays(2030, 2040).filter((x) => x.computedDate)) {
      const diff = Math.abs(Date.parse(h.computedDate!) - Date.parse(h.date)) / 86_400_000;
      expect(diff).toBeLessThanOrEqual(1);
    }
  });

  it('can leave out optional days and plain observances', () => {
    const hs = philippineHolidays(2026, 2026, { includeOptional: false, includeObservances: false });
    expect(hs.some((h) => h.name === "All Saints' Day")).toBe(false);
    expect(hs.some((h) => h.name === 'Constitution Day')).toBe(false);
    // Islamic observances stay: they are what the office marks in the region
    expect(hs.some((h) => /Maulid/.test(h.name))).toBe(true);
  });
});

describe('Hijri dates', () => {
  it('knows 2026-03-20 is 1 Shawwal 1447 in both tabular calendars', () => {
    expect(toHijri('2026-03-20')).toEqual({ year: 1447, month: 10, day: 1 });
    expect(toHijri('2026-03-20', 'islamic-civil')).toEqual({ year: 1447, month: 10, day: 1 });
  });

  it('finds the Gregorian dates of a Hijri day, one per Hijri year', () => {
    expect(gregorianDatesOfHijri(2026, 3, 12).map((d) => d.date)).toEqual(['2026-08-25']);
    expect(gregorianDatesOfHijri(2026, 3, 12, 'islamic-civil').map((d) => d.date)).toEqual(['2026-08-26']);
  });
});
