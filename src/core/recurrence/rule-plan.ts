import { daysFromCivil, weekdayOfDays } from '../time/civil.js';
import { DayFilter } from './day-filter.js';
import type { Freq, ParsedRule } from './rrule-parse.js';

/**
 * Everything about a Gregorian rule that does not change while it is walked: the RFC 5545 defaults
 * taken from DTSTART, the date filter, the times each day carries. Cached per rule and DTSTART shape
 * (month, day, weekday, time of day), because a range query walks thousands of series that share a
 * handful of rules.
 */
export interface RulePlan {
  readonly rule: ParsedRule;
  readonly freq: Freq;
  readonly interval: number;
  readonly byMonth: readonly number[] | null;
  readonly monthDays: readonly number[] | null;
  readonly filter: DayFilter;
  readonly isSub: boolean;
  /** Seconds of day each matching day carries (DAILY and coarser). */
  readonly dayTimes: readonly number[];
  /** Seconds inside one sub-daily period the finer parts expand to. */
  readonly subTimes: readonly number[];
  readonly hourMask: ReadonlySet<number> | null;
  readonly minuteMask: ReadonlySet<number> | null;
  readonly secondMask: ReadonlySet<number> | null;
  readonly unitsPerDay: number;
  readonly unitSecs: number;
  /** YEARLY: the months to visit, ascending. */
  readonly yearMonths: readonly number[];
  /** Valid month days, ascending, for a month of the given length. */
  domsFor(dim: number): readonly number[];
}

const UNITS_PER_DAY: Partial<Record<Freq, number>> = { HOURLY: 24, MINUTELY: 1440, SECONDLY: 86400 };
const ALL_MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const plans = new WeakMap<ParsedRule, Map<number, RulePlan>>();

const sortedUnique = (xs: readonly number[]) => [...new Set(xs)].sort((a, b) => a - b);

export function planFor(rule: ParsedRule, dt: { month: number; day: number }, dtDays: number, dtSecs: number): RulePlan {
  const key = ((dt.month * 32 + dt.day) * 7 + weekdayOfDays(dtDays)) * 86_401 + dtSecs;
  let byRule = plans.get(rule);
  if (!byRule) {
    byRule = new Map();
    plans.set(rule, byRule);
  }
  let plan = byRule.get(key);
  if (!plan) {
    plan = buildPlan(rule, dt, weekdayOfDays(dtDays), dtSecs);
    byRule.set(key, plan);
  }
  return plan;
}

function buildPlan(rule: ParsedRule, dt: { month: number; day: number }, dtWeekday: number, dtSecs: number): RulePlan {
  const { freq } = rule;
  let byMonth = rule.byMonth;
  let monthDays = rule.byMonthDay;
  let plainDays: number[] | null = null;
  if (!rule.byWeekNo && !rule.byYearDay && !rule.byMonthDay && !rule.byDay) {
    if (freq === 'YEARLY') {
      byMonth ??= [dt.month];
      monthDays = [dt.day];
    } else if (freq === 'MONTHLY') monthDays = [dt.day];
    else if (freq === 'WEEKLY') plainDays = [dtWeekday];
  }
  const hours = sortedUnique(rule.byHour ?? [Math.floor(dtSecs / 3600)]);
  const minutes = sortedUnique(rule.byMinute ?? [Math.floor(dtSecs / 60) % 60]);
  const seconds = sortedUnique(rule.bySecond ?? [dtSecs % 60]);
  const isSub = freq === 'HOURLY' || freq === 'MINUTELY' || freq === 'SECONDLY';
  const dayTimes: number[] = [];
  if (!isSub) for (const h of hours) for (const m of minutes) for (const s of seconds) dayTimes.push(h * 3600 + m * 60 + s);
  const subTimes: number[] = [];
  if (freq === 'HOURLY') for (const m of minutes) for (const s of seconds) subTimes.push(m * 60 + s);
  if (freq === 'MINUTELY') for (const s of seconds) subTimes.push(s);
  if (freq === 'SECONDLY') subTimes.push(0);
  const unitsPerDay = UNITS_PER_DAY[freq] ?? 1;
  const doms = new Map<number, number[]>();
  const md = monthDays;
  return {
    rule, freq, interval: rule.interval, byMonth, monthDays,
    filter: new DayFilter(rule, monthDays, byMonth, plainDays),
    isSub, dayTimes, subTimes,
    hourMask: rule.byHour ? new Set(rule.byHour) : null,
    minuteMask: rule.byMinute ? new Set(rule.byMinute) : null,
    secondMask: rule.bySecond ? new Set(rule.bySecond) : null,
    unitsPerDay, unitSecs: 86400 / unitsPerDay,
    yearMonths: byMonth ? sortedUnique(byMonth) : ALL_MONTHS,
    domsFor(dim: number) {
      let list = doms.get(dim);
      if (!list) {
        list = sortedUnique((md ?? []).map((v) => (v > 0 ? v : dim + 1 + v)).filter((v) => v >= 1 && v <= dim));
        doms.set(dim, list);
      }
      return list;
    },
  };
}

export const LAST_DAY = daysFromCivil(10000, 1, 1);
