/**
 * Conflict detection over 5k–50k random entries spread over a year. People and resources grow with
 * the entry count so each person's load stays constant (an organisation that grows, not one person
 * booked 50k times); the growth ratio between sizes should then track n log n.
 */
import { findConflicts } from '../src/core/conflicts/find-conflicts.js';
import { randomSpans } from '../src/core/conflicts/random-spans.js';
import type { Report } from './run.js';

const SIZES = [5_000, 10_000, 20_000, 50_000];
const RUNS = 7;

export default async function (report: Report): Promise<void> {
  let previous: { n: number; ms: number; cpuMs: number } | null = null;
  // warm-up so the first size is not paying for JIT compilation
  const warm = randomSpans(99, { count: 5_000, people: 200, resources: 10, slots: 35_040 });
  for (let i = 0; i < 5; i++) findConflicts(warm.spans, warm.bookings);

  for (const n of SIZES) {
    const { spans, bookings } = randomSpans(n, { count: n, people: Math.round(n / 25), resources: Math.max(5, Math.round(n / 500)), slots: 35_040 });
    const times: number[] = [];
    const cpuTimes: number[] = [];
    let conflicts = 0;
    for (let i = 0; i < RUNS; i++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      conflicts = findConflicts(spans, bookings).length;
      times.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpuTimes.push((c.user + c.system) / 1000);
    }
    times.sort((a, b) => a - b);
    cpuTimes.sort((a, b) => a - b);
    const ms = times[Math.floor(RUNS / 2)]!;
    report(`conflicts.${n}.median`, ms, 'ms');
    report(`conflicts.${n}.min`, times[0]!, 'ms');
    // CPU time (includes GC threads) is steadier than wall time on a shared, loaded machine.
    const cpuMs = cpuTimes[Math.floor(RUNS / 2)]!;
    report(`conflicts.${n}.median_cpu`, cpuMs, 'ms');
    report(`conflicts.${n}.found`, conflicts, 'conflicts');
    if (previous) {
      const nlogn = (n * Math.log2(n)) / (previous.n * Math.log2(previous.n));
      report(`conflicts.${n}.growth_vs_${previous.n}`, ms / previous.ms, 'x');
      report(`conflicts.${n}.cpu_growth_vs_${previous.n}`, cpuMs / previous.cpuMs, 'x');
      report(`conflicts.${n}.nlogn_growth_vs_${previous.n}`, nlogn, 'x');
    }
    previous = { n, ms, cpuMs };
  }
}
