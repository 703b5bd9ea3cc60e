/**
 * Bookable hours per weekday, in the resource's own zone: {"1": [["08:00", "17:00"]], …} with ISO
 * weekdays 1 (Monday) … 7 (Sunday). No table (null) means bookable at any time; a weekday missing
 * from a table means not bookable that day. "24:00" ends a day.
 */
import { daysFromCivil, ianaZone, localFromWallMs, MS_PER_DAY, weekdayOfDays, type Zone } from '../time/index.js';
import { mergeSpans, type Span, subtractSpans } from './spans.js';

export type WeeklyHours = Partial<Record<string, [string, string][]>>;

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

export const minutesOf = (hhmm: string): number => (hhmm === '24:00' ? 1440 : Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5)));

/** Problems of a table as field → message, for the API's 400 (empty: the table is fine). */
export function validateWeeklyHours(hours: WeeklyHours): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  for (const [day, intervals] of Object.entries(hours)) {
    if (!/^[1-7]$/.test(day)) problems.push({ field: `bookableHours.${day}`, message: 'weekdays are 1 (Monday) to 7 (Sunday)' });
    for (const [i, pair] of (intervals ?? []).entries()) {
      const [from, to] = pair;
      if (!HHMM.test(from) || !HHMM.test(to)) problems.push({ field: `bookableHours.${day}.${i}`, message: 'times are HH:MM, 00:00 to 24:00' });
      else if (minutesOf(to) <= minutesOf(from)) problems.push({ field: `bookableHours.${day}.${i}`, message: 'must end after it starts' });
    }
  }
  return problems;
}

/** The bookable spans inside `window` (epoch ms), wall-clock hours read in `zone`. */
export function bookableSpans(hours: WeeklyHours | null, zoneName: string, window: Span): Span[] {
  if (!hours) return window.startMs < window.endMs ? [{ ...window }] : [];
  const zone: Zone = ianaZone(zoneName);
  const first = localFromWallMs(window.startMs + zone.offsetMsAt(window.startMs));
  const last = localFromWallMs(window.endMs + zone.offsetMsAt(window.endMs));
  const spans: Span[] = [];
  for (let day = daysFromCivil(first.year, first.month, first.day) - 1; day <= daysFromCivil(last.year, last.month, last.day); day++) {
    const intervals = hours[String(weekdayOfDays(day) + 1)] ?? [];
    for (const [from, to] of intervals) {
      const at = (minutes: number) => {
        const wall = day * MS_PER_DAY + minutes * 60_000;
        const local = localFromWallMs(wall);
        return zone.epochMsOf(local);
      };
      const startMs = Math.max(at(minutesOf(from)), window.startMs);
      const endMs = Math.min(at(minutesOf(to)), window.endMs);
      if (startMs < endMs) spans.push({ startMs, endMs });
    }
  }
  return mergeSpans(spans);
}

/** True when every instant of `span` is bookable (the span lies inside the bookable hours). */
export function isWithinBookableHours(hours: WeeklyHours | null, zoneName: string, span: Span): boolean {
  if (!hours) return true;
  return subtractSpans([span], bookableSpans(hours, zoneName, span)).length === 0;
}
