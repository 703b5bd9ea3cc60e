/**
 * Recurrence engine speed, with rrule.js measured in the same run on the same rules.
 * rrule.js is given the cheapest correct use it allows (floating wall times, no zone work at all),
 * so the comparison favours it; our engine does the zone work (IANA offsets, DST gap rule) too.
 */
import rrulePkg from 'rrule';
import { expandPrepared, expandRecurrence, prepareSeries, seriesSpan, type RecurrenceInput } from '../src/core/recurrence/index.js';
import { ianaZone } from '../src/core/time/index.js';
import type { Report } from './run.js';

const { rrulestr } = rrulePkg;
const ZONES = ['America/New_York', 'Europe/Berlin', 'Asia/Manila', 'Australia/Lord_Howe', 'UTC'];
const RULES = [
  'FREQ=DAILY', 'FREQ=DAILY;INTERVAL=2', 'FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR', 'FREQ=WEEKLY', 'FREQ=WEEKLY;BYDAY=MO,WE,FR',
  'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH', 'FREQ=MONTHLY', 'FREQ=MONTHLY;BYMONTHDAY=-1', 'FREQ=MONTHLY;BYDAY=1MO',
  'FREQ=MONTHLY;BYDAY=-1FR', 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1', 'FREQ=YEARLY', 'FREQ=YEARLY;BYMONTH=11;BYDAY=4TH',
  'FREQ=WEEKLY;COUNT=20', 'FREQ=DAILY;UNTIL=20301231T000000Z', 'FREQ=MONTHLY;BYMONTHDAY=15;COUNT=60',
];

// Deterministic pseudo-random numbers (mulberry32) so every run measures the same series.
let seed = 42;
const rnd = (n: number) => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4_294_967_296) * n);
};

interface Series {
  input: RecurrenceInput;
  ical: string; // DTSTART + RRULE for rrule.js (floating)
}

function makeSeries(n: number): Series[] {
  const out: Series[] = [];
  for (let i = 0; i < n; i++) {
    const start = { year: 2021 + rnd(6), month: 1 + rnd(12), day: 1 + rnd(28), hour: 7 + rnd(10), minute: rnd(4) * 15, second: 0 };
    const rrule = RULES[rnd(RULES.length)]!;
    const pad = (x: number) => String(x).padStart(2, '0');
    const ical = `DTSTART:${start.year}${pad(start.month)}${pad(start.day)}T${pad(start.hour)}${pad(start.minute)}00Z\nRRULE:${rrule}`;
    out.push({ input: { start, allDay: false, zone: ianaZone(ZONES[rnd(ZONES.length)]!), rrule }, ical });
  }
  return out;
}

/**
 * Best of `reps` runs after a warm-up (JIT, the zones' transition tables). CPU time is reported
 * beside wall time because the shared build machine is often loaded several times over.
 */
function timeIt(fn: () => number, reps = 5): { ms: number; cpuMs: number; result: number } {
  let result = fn();
  let ms = Infinity;
  let cpuMs = Infinity;
  for (let i = 0; i < reps; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    result = fn();
    ms = Math.min(ms, performance.now() - t0);
    const cpu = process.cpuUsage(c0);
    cpuMs = Math.min(cpuMs, (cpu.user + cpu.system) / 1000);
  }
  return { ms, cpuMs, result };
}

export default async function bench(report: Report): Promise<void> {
  const series = makeSeries(10_000);
  const month: [number, number] = [Date.UTC(2026, 10, 1), Date.UTC(2026, 11, 1)];
  const day = 86_400_000;
  report('recurrence.machine.loadavg_1min', (await import('node:os')).loadavg()[0]!, 'load');

  const own = timeIt(() => series.reduce((n, s) => n + expandRecurrence(s.input, { between: month }).length, 0));
  report('recurrence.window.10k_series.own_ms', own.ms, 'ms');
  report('recurrence.window.10k_series.own_cpu_ms', own.cpuMs, 'ms');
  report('recurrence.window.10k_series.occurrences', own.result, 'count');
  const prepared = series.map((s) => prepareSeries(s.input));
  const ownPrepared = timeIt(() => prepared.reduce((n, p) => n + expandPrepared(p, { between: month }).length, 0));
  report('recurrence.window.10k_series.own_preparsed_cpu_ms', ownPrepared.cpuMs, 'ms');
  // What the range query does: the first-start/last-start index drops series that cannot reach the window.
  const candidates = series.filter((s) => {
    const span = seriesSpan(s.input);
    return span.firstStartMs < month[1] && (span.lastStartMs === null || span.lastStartMs >= month[0] - day);
  });
  const indexed = timeIt(() => candidates.reduce((n, s) => n + expandRecurrence(s.input, { between: month }).length, 0));
  report('recurrence.window.10k_series.indexed_candidates', candidates.length, 'count');
  report('recurrence.window.10k_series.indexed_cpu_ms', indexed.cpuMs, 'ms');

  // rrule.js walks every series from DTSTART on each query, so it gets the first 1,000 series.
  const first1k = series.slice(0, 1000);
  const own1k = timeIt(() => first1k.reduce((n, s) => n + expandRecurrence(s.input, { between: month }).length, 0));
  const lib1k = timeIt(() => first1k.reduce((n, s) =>
    n + rrulestr(s.ical).between(new Date(month[0] - day), new Date(month[1] + day), true).length, 0), 2);
  report('recurrence.window.1k_series.own_cpu_ms', own1k.cpuMs, 'ms');
  report('recurrence.window.1k_series.rrulejs_cpu_ms', lib1k.cpuMs, 'ms');

  const tenYears: [number, number] = [Date.UTC(2026, 0, 1), Date.UTC(2036, 0, 1)];
  const sample = series.slice(0, 300);
  const ownT = timeIt(() => sample.reduce((n, s) => n + expandRecurrence(s.input, { between: tenYears }).length, 0), 3);
  report('recurrence.throughput.10y.own', ownT.result / (ownT.cpuMs / 1000), 'occurrences/cpu-s');
  const libT = timeIt(() => sample.reduce((n, s) =>
    n + rrulestr(s.ical).between(new Date(tenYears[0]), new Date(tenYears[1]), true).length, 0), 3);
  report('recurrence.throughput.10y.rrulejs', libT.result / (libT.cpuMs / 1000), 'occurrences/cpu-s');
  report('recurrence.throughput.10y.occurrences', ownT.result, 'count');
}
