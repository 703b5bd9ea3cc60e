import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { expandText } from './test-helpers.js';

/**
 * Randomised rules checked against a brute-force oracle that steps one day at a time with
 * Temporal and asks "is this day an instance?" from the rule's plain meaning, then places the
 * wall time with Temporal's 'compatible' disambiguation (which is RFC 5545 §3.3.5's rule).
 */
const ZONES = ['America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Manila', 'UTC'];
const CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const rnd = (n: number) => Math.floor(Math.random() * n);
const pick = <T>(xs: readonly T[]) => xs[rnd(xs.length)]!;
const subset = (n: number, k: number) => [...new Set(Array.from({ length: k }, () => 1 + rnd(n)))].sort((a, b) => a - b);

interface Case {
  rrule: string;
  isInstance: (d: Temporal.PlainDate, start: Temporal.PlainDate) => boolean;
}

function randomCase(start: Temporal.PlainDate): Case {
  const interval = 1 + rnd(3);
  const kind = rnd(5);
  if (kind === 0) {
    const days = subset(7, 1 + rnd(3));
    return {
      rrule: `FREQ=DAILY;INTERVAL=${interval};BYDAY=${days.map((d) => CODES[d - 1]).join(',')}`,
      isInstance: (d, s) => s.until(d).days % interval === 0 && days.includes(d.dayOfWeek),
    };
  }
  if (kind === 1) {
    const days = [...new Set([start.dayOfWeek, ...subset(7, rnd(3))])].sort();
    const wkst = 1 + rnd(7);
    const weekStart = (d: Temporal.PlainDate) => d.subtract({ days: (d.dayOfWeek - wkst + 7) % 7 });
    return {
      rrule: `FREQ=WEEKLY;INTERVAL=${interval};WKST=${CODES[wkst - 1]};BYDAY=${days.map((d) => CODES[d - 1]).join(',')}`,
      isInstance: (d, s) => (weekStart(s).until(weekStart(d)).days / 7) % interval === 0 && days.includes(d.dayOfWeek),
    };
  }
  const monthsApart = (d: Temporal.PlainDate, s: Temporal.PlainDate) => (d.year - s.year) * 12 + d.month - s.month;
  if (kind === 2) {
    const mdays = [...new Set([...subset(31, 1 + rnd(2)), ...(rnd(2) ? [-1 - rnd(3)] : [])])];
    return {
      rrule: `FREQ=MONTHLY;INTERVAL=${interval};BYMONTHDAY=${mdays.join(',')}`,
      isInstance: (d, s) => monthsApart(d, s) % interval === 0 && mdays.some((v) => (v > 0 ? d.day === v : d.day === d.daysInMonth + 1 + v)),
    };
  }
  if (kind === 3) {
    const n = pick([1, 2, 3, 4, -1, -2]);
    const wd = 1 + rnd(7);
    return {
      rrule: `FREQ=MONTHLY;INTERVAL=${interval};BYDAY=${n}${CODES[wd - 1]}`,
      isInstance: (d, s) => monthsApart(d, s) % interval === 0 && d.dayOfWeek === wd
        && (n > 0 ? Math.ceil(d.day / 7) === n : Math.ceil((d.daysInMonth - d.day + 1) / 7) === -n),
    };
  }
  const months = [...new Set([1, ...subset(12, rnd(3))])].sort((a, b) => a - b); // January: every day 1..31 exists
  const mday = 1 + rnd(31);
  return {
    rrule: `FREQ=YEARLY;INTERVAL=${interval};BYMONTH=${months.join(',')};BYMONTHDAY=${mday}`,
    isInstance: (d, s) => (d.year - s.year) % interval === 0 && months.includes(d.month) && d.day === mday,
  };
}

function oracle(c: Case, start: Temporal.PlainDateTime, zone: string, n: number): string[] {
  const out: string[] = [start.toZonedDateTime(zone, { disambiguation: 'compatible' }).toString({ timeZoneName: 'never' })];
  let d = start.toPlainDate();
  for (let i = 0; out.length < n && i < 60_000; i++) {
    d = d.add({ days: 1 });
    if (!c.isInstance(d, start.toPlainDate())) continue;
    const zdt = d.toPlainDateTime(start.toPlainTime()).toZonedDateTime(zone, { disambiguation: 'compatible' });
    out.push(zdt.toString({ timeZoneName: 'never' }));
  }
  return out;
}

describe('expansion against a day-by-day oracle', () => {
  it('agrees on 400 random daily, weekly, monthly and yearly rules in DST zones', () => {
    for (let i = 0; i < 400; i++) {
      const zone = pick(ZONES);
      let start = Temporal.PlainDateTime.from({ year: 2020 + rnd(10), month: 1 + rnd(12), day: 1 + rnd(28), hour: pick([0, 1, 2, 3, 9, 23]), minute: pick([0, 15, 30]) });
      const c = randomCase(start.toPlainDate());
      // DTSTART must be an instance of its own rule: move it to the first matching day.
      for (let k = 0; k < 800 && !c.isInstance(start.toPlainDate(), start.toPlainDate()); k++) start = start.add({ days: 1 });
      const n = 1 + rnd(25);
      const expected = oracle(c, start, zone, n);
      const got = expandText({ dtstart: start.toString(), tzid: zone, rrule: `${c.rrule};COUNT=${n}` });
      expect(got, `${c.rrule} from ${start} in ${zone}`).toEqual(expected.slice(0, n));
    }
  });
});
