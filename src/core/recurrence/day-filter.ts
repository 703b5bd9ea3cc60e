import { daysFromCivil, weekdayOfDays } from '../time/civil.js';
import type { ParsedRule } from './rrule-parse.js';

/**
 * The date-level BYxxx parts of a rule as one predicate over a day, evaluated on integers.
 * RFC 5545 applies them as limits or expansions depending on FREQ; over the candidate days of a
 * period both amount to "the day satisfies every given part", which is what this checks.
 */
export interface DayFacts {
  days: number; // days since 1970-01-01
  year: number;
  month: number;
  dom: number; // day of month
  dim: number; // days in month
  doy: number; // day of year, 1-based
  ylen: number;
}

export class DayFilter {
  private readonly monthMask: boolean[] | null;
  private readonly weekdayMask: boolean[] | null;
  private readonly nth: { weekday: number; n: number }[];
  private readonly nthInYear: boolean;
  private readonly week1 = new Map<number, number>();
  readonly isTrivial: boolean;

  constructor(
    private readonly rule: ParsedRule,
    private readonly monthDays: readonly number[] | null,
    byMonth: readonly number[] | null,
    byDayPlain: readonly number[] | null,
  ) {
    this.monthMask = byMonth ? maskOf(byMonth, 13) : null;
    const plain = [...(byDayPlain ?? []), ...(rule.byDay ?? []).filter((d) => d.n === 0).map((d) => d.weekday)];
    this.nth = (rule.byDay ?? []).filter((d) => d.n !== 0);
    this.weekdayMask = plain.length || this.nth.length ? maskOf(plain, 7) : null;
    // RFC 5545: a numbered BYDAY counts within the month for MONTHLY, and for YEARLY with BYMONTH.
    this.nthInYear = rule.freq === 'YEARLY' && !byMonth;
    this.isTrivial = !this.monthMask && !this.weekdayMask && !monthDays && !rule.byYearDay && !rule.byWeekNo;
  }

  matches(f: DayFacts): boolean {
    if (this.monthMask && !this.monthMask[f.month]) return false;
    const md = this.monthDays;
    if (md) {
      let ok = false;
      for (const v of md) if (v > 0 ? f.dom === v : f.dom === f.dim + 1 + v) { ok = true; break; }
      if (!ok) return false;
    }
    const yd = this.rule.byYearDay;
    if (yd) {
      let ok = false;
      for (const v of yd) if (v > 0 ? f.doy === v : f.doy === f.ylen + 1 + v) { ok = true; break; }
      if (!ok) return false;
    }
    if (this.weekdayMask && !this.weekdayMatches(f)) return false;
    if (this.rule.byWeekNo && !this.weekNoMatches(f)) return false;
    return true;
  }

  private weekdayMatches(f: DayFacts): boolean {
    const wd = weekdayOfDays(f.days);
    if (this.weekdayMask![wd]) return true;
    for (const { weekday, n } of this.nth) {
      if (weekday !== wd) continue;
      const [pos, len] = this.nthInYear ? [f.doy, f.ylen] : [f.dom, f.dim];
      const k = n > 0 ? Math.floor((pos - 1) / 7) + 1 : -(Math.floor((len - pos) / 7) + 1);
      if (k === n) return true;
    }
    return false;
  }

  /** Week numbers as RFC 5545 defines them: week 1 is the first WKST-started week with 4+ days of the year. */
  private weekNoMatches(f: DayFacts): boolean {
    let wy = f.year;
    if (f.days >= this.week1Start(wy + 1)) wy += 1;
    else if (f.days < this.week1Start(wy)) wy -= 1;
    const start = this.week1Start(wy);
    const weekNo = Math.floor((f.days - start) / 7) + 1;
    const weeks = (this.week1Start(wy + 1) - start) / 7;
    for (const v of this.rule.byWeekNo!) if (v > 0 ? weekNo === v : weekNo === weeks + 1 + v) return true;
    return false;
  }

  private week1Start(year: number): number {
    let s = this.week1.get(year);
    if (s === undefined) {
      const jan4 = daysFromCivil(year, 1, 4);
      s = jan4 - ((weekdayOfDays(jan4) - this.rule.wkst + 7) % 7);
      this.week1.set(year, s);
    }
    return s;
  }
}

function maskOf(values: readonly number[], size: number): boolean[] {
  const mask = new Array<boolean>(size).fill(false);
  for (const v of values) mask[v] = true;
  return mask;
}
