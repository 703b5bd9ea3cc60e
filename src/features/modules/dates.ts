/**
 * Date helpers for projections and alerts. All-day values are dates; on the time line they start at
 * midnight in the entry's zone (end exclusive), the same convention the recurrence engine uses for
 * floating values. Temporal does the zone arithmetic.
 */
import { Temporal } from 'temporal-polyfill';
import { daysInMonth, ianaZone } from '../../core/time/index.js';

export const DAY_MS = 86_400_000;

/** Midnight at the start of `date` (YYYY-MM-DD) in `timeZone`, as epoch ms. */
export function startOfDateMs(date: string, timeZone: string): number {
  if (DATE_RE.test(date)) {
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) {
      return ianaZone(timeZone).epochMsOf({ year, month, day, hour: 0, minute: 0, second: 0 });
    }
  }
  return Temporal.PlainDate.from(date).toZonedDateTime({ timeZone }).epochMilliseconds;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Midnight after `date` in `timeZone`: the exclusive end of an all-day item on that date. */
export function endOfDateMs(date: string, timeZone: string): number {
  return Temporal.PlainDate.from(date).add({ days: 1 }).toZonedDateTime({ timeZone }).epochMilliseconds;
}

/** [start, end) of an all-day span from `date` through `lastDate` inclusive (default: one day). */
export function allDaySpan(date: string, timeZone: string, lastDate?: string | null): { startMs: number; endMs: number } {
  const last = lastDate && lastDate >= date ? lastDate : date;
  return { startMs: startOfDateMs(date, timeZone), endMs: endOfDateMs(last, timeZone) };
}

/** An ISO-8601 date-time with offset (or Z) → epoch ms. */
export function instantMs(iso: string): number {
  return Temporal.Instant.from(iso).epochMilliseconds;
}
