import { MS_PER_DAY, weekdayOfDays } from '../time/civil.js';
import { calendarFor, type CalendarSystem } from './calendars.js';
import { gregorianStream, type WallStream } from './rule-iterator.js';
import { RecurrenceError } from './types.js';
import type { ParsedRule } from './rrule-parse.js';

/**
 * RFC 7529 expansion for YEARLY and MONTHLY rules in a non-Gregorian calendar (and Gregorian with
 * SKIP): BYMONTH, BYMONTHDAY and BYDAY name months and days of that calendar, and a day that the
 * month lacks (day 30 of a 29-day month) is omitted, or moved BACKWARD to the month's last day or
 * FORWARD to the next month's first day, as SKIP says. Instances come out as Gregorian wall ms.
 */
export function rscaleStream(rule: ParsedRule, dtWall: number, fromDay: number | null): WallStream {
  const cal = calendarFor(rule.rscale);
  if (rule.freq !== 'YEARLY' && rule.freq !== 'MONTHLY') {
    if (rule.byMonth || rule.byMonthDay) {
      throw new RecurrenceError(`RSCALE=${rule.rscale} with FREQ=${rule.freq} cannot use BYMONTH or BYMONTHDAY`, 'RSCALE');
    }
    return gregorianStream(rule, { dtWall, fromDay });
  }
  const dtDays = Math.floor(dtWall / MS_PER_DAY);
  const dtSecs = Math.round((dtWall - dtDays * MS_PER_DAY) / 1000);
  const dt = cal.fromDays(dtDays);
  let byMonth = rule.byMonth;
  let monthDays = rule.byMonthDay;
  if (!rule.byMonthDay && !rule.byDay) {
    monthDays = [dt.day];
    if (rule.freq === 'YEARLY') byMonth ??= [dt.month];
  }
  const hours = rule.byHour ?? [Math.floor(dtSecs / 3600)];
  const minutes = rule.byMinute ?? [Math.floor(dtSecs / 60) % 60];
  const seconds = rule.bySecond ?? [dtSecs % 60];
  const times = [...new Set(hours.flatMap((h) => minutes.flatMap((m) => seconds.map((s) => h * 3600 + m * 60 + s))))].sort((a, b) => a - b);
  const nthInYear = rule.freq === 'YEARLY' && !byMonth;

  const monthIndex0 = dt.year * 12 + dt.month - 1;
  const step = rule.freq === 'YEARLY' ? 12 * rule.interval : rule.interval;
  let p = 0;
  if (fromDay !== null && fromDay > dtDays) {
    const f = cal.fromDays(fromDay);
    const base = rule.freq === 'YEARLY' ? dt.year * 12 : monthIndex0;
    p = Math.max(0, Math.floor((f.year * 12 + f.month - 1 - base) / step));
  }
  const cap = rule.freq === 'YEARLY' ? 1000 : 12_000;
  let empty = 0;
  const buffer: number[] = [];
  let at = 0;

  const fill = () => {
    while (empty <= cap) {
      const year = rule.freq === 'YEARLY' ? dt.year + p * rule.interval : Math.floor((monthIndex0 + p * step) / 12);
      if (year > 20000) return;
      const months = rule.freq === 'YEARLY' ? byMonth ?? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] : [((monthIndex0 + p * step) % 12) + 1];
      p++;
      const days = periodDays(cal, rule, year, months, monthDays, nthInYear);
      if (!days.length) {
        empty++;
        continue;
      }
      empty = 0;
      let walls = days.flatMap((d) => times.map((t) => d * MS_PER_DAY + t * 1000));
      if (rule.bySetPos) walls = pick(walls, rule.bySetPos);
      buffer.length = 0;
      at = 0;
      for (const w of walls) if (w >= dtWall) buffer.push(w);
      if (buffer.length) return;
    }
  };
  return {
    next() {
      if (at >= buffer.length) fill();
      return at < buffer.length ? buffer[at++]! : null;
    },
  };
}

function periodDays(cal: CalendarSystem, rule: ParsedRule, year: number, months: readonly number[],
  monthDays: readonly number[] | null, nthInYear: boolean): number[] {
  const found = new Set<number>();
  const yearStart = cal.toDays(year, 1, 1);
  const yearLen = cal.toDays(year + 1, 1, 1) - yearStart;
  for (const month of [...months].sort((a, b) => a - b)) {
    const first = cal.toDays(year, month, 1);
    const dim = cal.daysInMonth(year, month);
    const candidates: number[] = [];
    if (monthDays) {
      for (const v of monthDays) {
        const dom = v > 0 ? v : dim + 1 + v;
        if (dom >= 1 && dom <= dim) candidates.push(first + dom - 1);
        else if (rule.skip === 'BACKWARD') candidates.push(v > 0 ? first + dim - 1 : first - 1);
        else if (rule.skip === 'FORWARD') candidates.push(v > 0 ? first + dim : first);
      }
    } else {
      for (let d = 0; d < dim; d++) candidates.push(first + d);
    }
    for (const day of candidates) {
      if (rule.byDay && !weekdayOk(rule, day, nthInYear ? day - yearStart + 1 : day - first + 1, nthInYear ? yearLen : dim)) continue;
      found.add(day);
    }
  }
  return [...found].sort((a, b) => a - b);
}

function weekdayOk(rule: ParsedRule, day: number, pos: number, len: number): boolean {
  const wd = weekdayOfDays(day);
  return rule.byDay!.some(({ weekday, n }) => {
    if (weekday !== wd) return false;
    if (n === 0) return true;
    return n > 0 ? Math.floor((pos - 1) / 7) + 1 === n : Math.floor((len - pos) / 7) + 1 === -n;
  });
}

function pick(sorted: number[], positions: readonly number[]): number[] {
  const out = new Set<number>();
  for (const pos of positions) {
    const v = sorted[pos > 0 ? pos - 1 : sorted.length + pos];
    if (v !== undefined) out.add(v);
  }
  return [...out].sort((a, b) => a - b);
}
