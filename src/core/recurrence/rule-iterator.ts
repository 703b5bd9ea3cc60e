import { civilFromDays, daysFromCivil, daysInMonth, daysInYear, MS_PER_DAY, weekdayOfDays } from '../time/civil.js';
import { DayFilter, type DayFacts } from './day-filter.js';
import type { ParsedRule } from './rrule-parse.js';

/**
 * Walks the periods of a Gregorian RRULE (year, month, week, day, hour, minute, second) and yields
 * each instance as "wall ms" (the wall clock read as if it were UTC), ascending. Zones, COUNT,
 * UNTIL, RDATE and EXDATE are the caller's business; this only knows the calendar.
 */
export interface WallStream {
  /** Next instance's wall ms, or null when the rule is exhausted (or can never produce more). */
  next(): number | null;
}

const FREQ_UNITS_PER_DAY = { HOURLY: 24, MINUTELY: 1440, SECONDLY: 86400 } as const;
/** Consecutive periods without any candidate after which a rule is taken to be empty (≥ 400 years). */
const EMPTY_CAP = { YEARLY: 400, MONTHLY: 4800, WEEKLY: 20_871, DAILY: 146_097, SUB: 400_000 } as const;
const LAST_DAY = daysFromCivil(10000, 1, 1);

export interface StreamStart {
  /** DTSTART wall ms (all-day: midnight of the date). */
  readonly dtWall: number;
  /** Skip periods that end before this day (only valid when COUNT is absent). */
  readonly fromDay?: number | null;
}

export function gregorianStream(rule: ParsedRule, start: StreamStart): WallStream {
  const dtDays = Math.floor(start.dtWall / MS_PER_DAY);
  const dtSecs = Math.round((start.dtWall - dtDays * MS_PER_DAY) / 1000);
  const dt = civilFromDays(dtDays);
  const [dtH, dtM, dtS] = [Math.floor(dtSecs / 3600), Math.floor(dtSecs / 60) % 60, dtSecs % 60];
  const { freq, interval } = rule;

  // RFC 5545 defaults: parts not given take their value from DTSTART.
  let byMonth = rule.byMonth;
  let monthDays = rule.byMonthDay;
  let plainDays: number[] | null = null;
  if (!rule.byWeekNo && !rule.byYearDay && !rule.byMonthDay && !rule.byDay) {
    if (freq === 'YEARLY') {
      byMonth ??= [dt.month];
      monthDays = [dt.day];
    } else if (freq === 'MONTHLY') monthDays = [dt.day];
    else if (freq === 'WEEKLY') plainDays = [weekdayOfDays(dtDays)];
  }
  const filter = new DayFilter(rule, monthDays, byMonth, plainDays);
  const sortedUnique = (xs: readonly number[]) => [...new Set(xs)].sort((a, b) => a - b);
  const hours = sortedUnique(rule.byHour ?? [dtH]);
  const minutes = sortedUnique(rule.byMinute ?? [dtM]);
  const seconds = sortedUnique(rule.bySecond ?? [dtS]);
  const hourMask = rule.byHour ? new Set(rule.byHour) : null;
  const minuteMask = rule.byMinute ? new Set(rule.byMinute) : null;
  const secondMask = rule.bySecond ? new Set(rule.bySecond) : null;

  const isSub = freq === 'HOURLY' || freq === 'MINUTELY' || freq === 'SECONDLY';
  // Times of day (seconds) each matching day carries, for DAILY and coarser.
  const dayTimes: number[] = [];
  if (!isSub) for (const h of hours) for (const m of minutes) for (const s of seconds) dayTimes.push(h * 3600 + m * 60 + s);
  const unitsPerDay = isSub ? FREQ_UNITS_PER_DAY[freq] : 1;
  const unitSecs = 86400 / unitsPerDay;
  // Offsets (seconds) inside one sub-daily period that the finer parts expand to.
  const subTimes: number[] = [];
  if (freq === 'HOURLY') for (const m of minutes) for (const s of seconds) subTimes.push(m * 60 + s);
  if (freq === 'MINUTELY') for (const s of seconds) subTimes.push(s);
  if (freq === 'SECONDLY') subTimes.push(0);

  const weekStart0 = dtDays - ((weekdayOfDays(dtDays) - rule.wkst + 7) % 7);
  const monthIndex0 = dt.year * 12 + dt.month - 1;
  const unit0 = dtDays * unitsPerDay + Math.floor(dtSecs / unitSecs);

  /** First day a period covers. */
  const periodDay = (p: number): number => {
    switch (freq) {
      case 'YEARLY': return daysFromCivil(dt.year + p * interval, 1, 1);
      case 'MONTHLY': {
        const mi = monthIndex0 + p * interval;
        return daysFromCivil(Math.floor(mi / 12), (mi % 12) + 1, 1);
      }
      case 'WEEKLY': return weekStart0 + p * 7 * interval;
      case 'DAILY': return dtDays + p * interval;
      default: return Math.floor((unit0 + p * interval) / unitsPerDay);
    }
  };

  let p = 0;
  if (start.fromDay != null && start.fromDay > dtDays) {
    const from = start.fromDay;
    switch (freq) {
      case 'YEARLY': p = Math.floor((civilFromDays(from).year - dt.year) / interval); break;
      case 'MONTHLY': {
        const c = civilFromDays(from);
        p = Math.floor((c.year * 12 + c.month - 1 - monthIndex0) / interval);
        break;
      }
      case 'WEEKLY': p = Math.floor((from - weekStart0) / (7 * interval)); break;
      case 'DAILY': p = Math.floor((from - dtDays) / interval); break;
      default: p = Math.floor((from * unitsPerDay - unit0) / interval);
    }
    p = Math.max(0, p);
  }

  const facts: DayFacts = { days: 0, year: 0, month: 0, dom: 0, dim: 0, doy: 0, ylen: 0 };
  const setFacts = (days: number) => {
    const c = civilFromDays(days);
    facts.days = days;
    facts.year = c.year;
    facts.month = c.month;
    facts.dom = c.day;
    facts.dim = daysInMonth(c.year, c.month);
    facts.doy = days - daysFromCivil(c.year, 1, 1) + 1;
    facts.ylen = daysInYear(c.year);
  };

  const nextDay = () => {
    facts.days++;
    facts.dom++;
    facts.doy++;
    if (facts.dom > facts.dim) {
      facts.dom = 1;
      facts.month++;
      if (facts.month > 12) {
        facts.month = 1;
        facts.year++;
        facts.doy = 1;
        facts.ylen = daysInYear(facts.year);
      }
      facts.dim = daysInMonth(facts.year, facts.month);
    }
  };
  let skipTo = 0;

  /** Candidate instants (wall ms) of period p, before BYSETPOS; empty when none. */
  const candidates = (out: (w: number) => void): void => {
    if (isSub) {
      const unit = unit0 + p * interval;
      const day = Math.floor(unit / unitsPerDay);
      const secOfDay = (unit - day * unitsPerDay) * unitSecs;
      const h = Math.floor(secOfDay / 3600);
      const mi = Math.floor(secOfDay / 60) % 60;
      const s = secOfDay % 60;
      if (hourMask && !hourMask.has(h)) return;
      if (freq !== 'HOURLY' && minuteMask && !minuteMask.has(mi)) return;
      if (freq === 'SECONDLY' && secondMask && !secondMask.has(s)) return;
      if (!filter.isTrivial) {
        setFacts(day);
        if (!filter.matches(facts)) {
          // The whole day fails: jump to the first period of the next day.
          skipTo = Math.ceil(((day + 1) * unitsPerDay - unit0) / interval);
          return;
        }
      }
      const base = day * MS_PER_DAY + secOfDay * 1000;
      for (const t of subTimes) out(base + t * 1000);
      return;
    }
    if (freq === 'YEARLY' || freq === 'MONTHLY') {
      monthCandidates(out);
      return;
    }
    const first = periodDay(p);
    const last = freq === 'WEEKLY' ? first + 6 : first;
    if (filter.isTrivial) {
      for (let d = first; d <= last; d++) for (const t of dayTimes) out(d * MS_PER_DAY + t * 1000);
      return;
    }
    setFacts(first);
    for (let d = first; d <= last; d++) {
      if (d > first) nextDay();
      if (!filter.matches(facts)) continue;
      for (const t of dayTimes) out(d * MS_PER_DAY + t * 1000);
    }
  };

  // YEARLY and MONTHLY visit only the months and month days the rule can match, so a yearly rule
  // costs one candidate day per period rather than 365.
  const allMonths = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  const yearMonths = byMonth ? sortedUnique(byMonth) : allMonths;
  const domsByLength = new Map<number, number[]>();
  const domsFor = (dim: number): number[] => {
    let doms = domsByLength.get(dim);
    if (!doms) {
      doms = sortedUnique(monthDays!.map((v) => (v > 0 ? v : dim + 1 + v)).filter((v) => v >= 1 && v <= dim));
      domsByLength.set(dim, doms);
    }
    return doms;
  };
  const monthCandidates = (out: (w: number) => void): void => {
    let year: number;
    let months: readonly number[];
    if (freq === 'YEARLY') {
      year = dt.year + p * interval;
      months = yearMonths;
    } else {
      const mi = monthIndex0 + p * interval;
      year = Math.floor(mi / 12);
      const month = (mi % 12) + 1;
      if (byMonth && !byMonth.includes(month)) return;
      months = [month];
    }
    const yearStart = daysFromCivil(year, 1, 1);
    facts.year = year;
    facts.ylen = daysInYear(year);
    for (const month of months) {
      const monthStart = daysFromCivil(year, month, 1);
      const dim = daysInMonth(year, month);
      facts.month = month;
      facts.dim = dim;
      const doms = monthDays ? domsFor(dim) : null;
      const n = doms ? doms.length : dim;
      for (let i = 0; i < n; i++) {
        const dom = doms ? doms[i]! : i + 1;
        const d = monthStart + dom - 1;
        facts.days = d;
        facts.dom = dom;
        facts.doy = d - yearStart + 1;
        if (!filter.matches(facts)) continue;
        for (const t of dayTimes) out(d * MS_PER_DAY + t * 1000);
      }
    }
  };

  // Two reused arrays with explicit lengths: a DAILY rule has one period per instance, and
  // allocating (or truncating) an array per period was a third of the cost.
  const raw: number[] = [];
  let buffer: number[] = [];
  let bufferLen = 0;
  let bufferAt = 0;
  let empty = 0;
  const emptyCap = isSub ? EMPTY_CAP.SUB : EMPTY_CAP[freq as keyof typeof EMPTY_CAP];
  let done = false;
  const sink = { n: 0 };
  const push = (w: number) => {
    raw[sink.n++] = w;
  };

  const fill = (): void => {
    while (!done) {
      if (periodDay(p) >= LAST_DAY || empty > emptyCap) {
        done = true;
        return;
      }
      sink.n = 0;
      candidates(push);
      p++;
      if (skipTo > p) p = skipTo;
      if (sink.n === 0) {
        empty++;
        continue;
      }
      empty = 0;
      bufferAt = 0;
      bufferLen = 0;
      if (rule.bySetPos) {
        buffer = applySetPos(raw.slice(0, sink.n), rule.bySetPos).filter((w) => w >= start.dtWall);
        bufferLen = buffer.length;
      } else {
        buffer = raw;
        let from = 0;
        while (from < sink.n && raw[from]! < start.dtWall) from++;
        bufferAt = from;
        bufferLen = sink.n;
      }
      if (bufferAt < bufferLen) return;
    }
  };

  return {
    next(): number | null {
      if (bufferAt >= bufferLen) {
        fill();
        if (bufferAt >= bufferLen) return null;
      }
      return buffer[bufferAt++]!;
    },
  };
}

function applySetPos(sorted: readonly number[], positions: readonly number[]): number[] {
  const picked = new Set<number>();
  for (const pos of positions) {
    const i = pos > 0 ? pos - 1 : sorted.length + pos;
    if (i >= 0 && i < sorted.length) picked.add(sorted[i]!);
  }
  return [...picked].sort((a, b) => a - b);
}
