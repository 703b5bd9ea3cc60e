import { civilFromDays, daysFromCivil, daysInMonth, daysInYear, MS_PER_DAY, weekdayOfDays } from '../time/civil.js';
import type { DayFacts } from './day-filter.js';
import type { ParsedRule } from './rrule-parse.js';
import { LAST_DAY, planFor, type RulePlan } from './rule-plan.js';

/**
 * Walks the periods of a Gregorian RRULE (year, month, week, day, hour, minute, second) and yields
 * each instance as "wall ms" (the wall clock read as if it were UTC), ascending. Zones, COUNT,
 * UNTIL, RDATE and EXDATE are the caller's business; this only knows the calendar.
 */
export interface WallStream {
  /** Next instance's wall ms, or null when the rule is exhausted (or can never produce more). */
  next(): number | null;
}

/** Consecutive periods without any candidate after which a rule is taken to be empty (≥ 400 years). */
const EMPTY_CAP = { YEARLY: 400, MONTHLY: 4800, WEEKLY: 20_871, DAILY: 146_097, SUB: 400_000 } as const;

export interface StreamStart {
  /** DTSTART wall ms (all-day: midnight of the date). */
  readonly dtWall: number;
  /** Skip periods that end before this day (only valid when COUNT is absent). */
  readonly fromDay?: number | null;
}

export function gregorianStream(rule: ParsedRule, start: StreamStart): WallStream {
  return new GregorianStream(rule, start);
}

class GregorianStream implements WallStream {
  private readonly plan: RulePlan;
  private readonly dtWall: number;
  private readonly dtDays: number;
  private readonly dtYear: number;
  private readonly weekStart0: number;
  private readonly monthIndex0: number;
  private readonly unit0: number;
  private readonly emptyCap: number;
  private p = 0;
  private skipTo = 0;
  private empty = 0;
  private done = false;
  // Two reused arrays with explicit lengths: a DAILY rule has one period per instance, and
  // allocating (or truncating) an array per period was a third of the cost.
  private readonly raw: number[] = [];
  private rawLen = 0;
  private buffer: number[] = this.raw;
  private bufferLen = 0;
  private bufferAt = 0;
  private readonly facts: DayFacts = { days: 0, year: 0, month: 0, dom: 0, dim: 0, doy: 0, ylen: 0 };

  constructor(rule: ParsedRule, start: StreamStart) {
    this.dtWall = start.dtWall;
    const dtDays = Math.floor(start.dtWall / MS_PER_DAY);
    const dtSecs = Math.round((start.dtWall - dtDays * MS_PER_DAY) / 1000);
    const dt = civilFromDays(dtDays);
    const plan = planFor(rule, dt, dtDays, dtSecs);
    this.plan = plan;
    this.dtDays = dtDays;
    this.dtYear = dt.year;
    this.weekStart0 = dtDays - ((weekdayOfDays(dtDays) - rule.wkst + 7) % 7);
    this.monthIndex0 = dt.year * 12 + dt.month - 1;
    this.unit0 = dtDays * plan.unitsPerDay + Math.floor(dtSecs / plan.unitSecs);
    this.emptyCap = plan.isSub ? EMPTY_CAP.SUB : EMPTY_CAP[plan.freq as keyof typeof EMPTY_CAP];
    // BYSETPOS beyond the largest possible set (e.g. -2 of a one-instance week) never selects.
    if (rule.bySetPos && rule.bySetPos.every((pos) => Math.abs(pos) > maxSetSize(plan))) this.done = true;
    const from = start.fromDay;
    if (from != null && from > dtDays) this.p = Math.max(0, this.periodAtDay(from));
  }

  next(): number | null {
    if (this.bufferAt >= this.bufferLen) {
      this.fill();
      if (this.bufferAt >= this.bufferLen) return null;
    }
    return this.buffer[this.bufferAt++]!;
  }

  /** The period containing (or just before) a day, for skipping ahead to a window. */
  private periodAtDay(from: number): number {
    const { freq, interval } = this.plan;
    switch (freq) {
      case 'YEARLY': return Math.floor((civilFromDays(from).year - this.dtYear) / interval);
      case 'MONTHLY': {
        const c = civilFromDays(from);
        return Math.floor((c.year * 12 + c.month - 1 - this.monthIndex0) / interval);
      }
      case 'WEEKLY': return Math.floor((from - this.weekStart0) / (7 * interval));
      case 'DAILY': return Math.floor((from - this.dtDays) / interval);
      default: return Math.floor((from * this.plan.unitsPerDay - this.unit0) / interval);
    }
  }

  /** First day period p covers. */
  private periodDay(p: number): number {
    const { freq, interval } = this.plan;
    switch (freq) {
      case 'YEARLY': return daysFromCivil(this.dtYear + p * interval, 1, 1);
      case 'MONTHLY': {
        const mi = this.monthIndex0 + p * interval;
        return daysFromCivil(Math.floor(mi / 12), (mi % 12) + 1, 1);
      }
      case 'WEEKLY': return this.weekStart0 + p * 7 * interval;
      case 'DAILY': return this.dtDays + p * interval;
      default: return Math.floor((this.unit0 + p * interval) / this.plan.unitsPerDay);
    }
  }

  private fill(): void {
    const { bySetPos } = this.plan.rule;
    while (!this.done) {
      if (this.periodDay(this.p) >= LAST_DAY || this.empty > this.emptyCap) {
        this.done = true;
        return;
      }
      this.rawLen = 0;
      this.candidates();
      this.p++;
      if (this.skipTo > this.p) this.p = this.skipTo;
      if (this.rawLen === 0) {
        this.empty++;
        continue;
      }
      this.empty = 0;
      this.bufferAt = 0;
      if (bySetPos) {
        this.buffer = applySetPos(this.raw.slice(0, this.rawLen), bySetPos).filter((w) => w >= this.dtWall);
        this.bufferLen = this.buffer.length;
      } else {
        this.buffer = this.raw;
        this.bufferLen = this.rawLen;
        while (this.bufferAt < this.bufferLen && this.raw[this.bufferAt]! < this.dtWall) this.bufferAt++;
      }
      if (this.bufferAt < this.bufferLen) return;
    }
  }

  private emit(w: number): void {
    this.raw[this.rawLen++] = w;
  }

  private emitDay(d: number): void {
    for (const t of this.plan.dayTimes) this.raw[this.rawLen++] = d * MS_PER_DAY + t * 1000;
  }

  /** Candidate instants (wall ms) of the current period, before BYSETPOS. */
  private candidates(): void {
    const plan = this.plan;
    if (plan.isSub) return this.subDailyCandidates();
    if (plan.freq === 'YEARLY' || plan.freq === 'MONTHLY') return this.monthCandidates();
    const first = this.periodDay(this.p);
    const last = plan.freq === 'WEEKLY' ? first + 6 : first;
    if (plan.filter.isTrivial) {
      for (let d = first; d <= last; d++) this.emitDay(d);
      return;
    }
    this.setFacts(first);
    for (let d = first; d <= last; d++) {
      if (d > first) this.nextDay();
      if (plan.filter.matches(this.facts)) this.emitDay(d);
    }
  }

  private subDailyCandidates(): void {
    const plan = this.plan;
    const unit = this.unit0 + this.p * plan.interval;
    const day = Math.floor(unit / plan.unitsPerDay);
    const secOfDay = (unit - day * plan.unitsPerDay) * plan.unitSecs;
    if (plan.hourMask && !plan.hourMask.has(Math.floor(secOfDay / 3600))) return;
    if (plan.freq !== 'HOURLY' && plan.minuteMask && !plan.minuteMask.has(Math.floor(secOfDay / 60) % 60)) return;
    if (plan.freq === 'SECONDLY' && plan.secondMask && !plan.secondMask.has(secOfDay % 60)) return;
    if (!plan.filter.isTrivial) {
      this.setFacts(day);
      if (!plan.filter.matches(this.facts)) {
        // The whole day fails: jump to the first period of the next day.
        this.skipTo = Math.ceil(((day + 1) * plan.unitsPerDay - this.unit0) / plan.interval);
        return;
      }
    }
    const base = day * MS_PER_DAY + secOfDay * 1000;
    for (const t of plan.subTimes) this.emit(base + t * 1000);
  }

  // YEARLY and MONTHLY visit only the months and month days the rule can match, so a yearly rule
  // costs one candidate day per period rather than 365.
  private monthCandidates(): void {
    const plan = this.plan;
    let year: number;
    let months: readonly number[];
    if (plan.freq === 'YEARLY') {
      year = this.dtYear + this.p * plan.interval;
      months = plan.yearMonths;
    } else {
      const mi = this.monthIndex0 + this.p * plan.interval;
      year = Math.floor(mi / 12);
      const month = (mi % 12) + 1;
      if (plan.byMonth && !plan.byMonth.includes(month)) return;
      months = [month];
    }
    const f = this.facts;
    const yearStart = daysFromCivil(year, 1, 1);
    f.year = year;
    f.ylen = daysInYear(year);
    for (const month of months) {
      const monthStart = daysFromCivil(year, month, 1);
      const dim = daysInMonth(year, month);
      f.month = month;
      f.dim = dim;
      const doms = plan.monthDays ? plan.domsFor(dim) : null;
      const n = doms ? doms.length : dim;
      for (let i = 0; i < n; i++) {
        const dom = doms ? doms[i]! : i + 1;
        const d = monthStart + dom - 1;
        f.days = d;
        f.dom = dom;
        f.doy = d - yearStart + 1;
        if (plan.filter.matches(f)) this.emitDay(d);
      }
    }
  }

  private setFacts(days: number): void {
    const c = civilFromDays(days);
    const f = this.facts;
    f.days = days;
    f.year = c.year;
    f.month = c.month;
    f.dom = c.day;
    f.dim = daysInMonth(c.year, c.month);
    f.doy = days - daysFromCivil(c.year, 1, 1) + 1;
    f.ylen = daysInYear(c.year);
  }

  private nextDay(): void {
    const f = this.facts;
    f.days++;
    f.dom++;
    f.doy++;
    if (f.dom > f.dim) {
      f.dom = 1;
      f.month++;
      if (f.month > 12) {
        f.month = 1;
        f.year++;
        f.doy = 1;
        f.ylen = daysInYear(f.year);
      }
      f.dim = daysInMonth(f.year, f.month);
    }
  }
}

/** An upper bound on the instants one period can hold. */
function maxSetSize(plan: RulePlan): number {
  const { rule, freq } = plan;
  if (plan.isSub) return plan.subTimes.length;
  let days: number;
  if (freq === 'DAILY') days = 1;
  else if (freq === 'WEEKLY') days = rule.byDay ? new Set(rule.byDay.map((d) => d.weekday)).size : 1;
  else {
    const months = freq === 'YEARLY' ? plan.yearMonths.length : 1;
    days = plan.monthDays ? Math.min(31, plan.monthDays.length) * months : freq === 'YEARLY' ? 366 : 31;
  }
  return days * plan.dayTimes.length;
}

function applySetPos(sorted: readonly number[], positions: readonly number[]): number[] {
  const picked = new Set<number>();
  for (const pos of positions) {
    const i = pos > 0 ? pos - 1 : sorted.length + pos;
    if (i >= 0 && i < sorted.length) picked.add(sorted[i]!);
  }
  return [...picked].sort((a, b) => a - b);
}
