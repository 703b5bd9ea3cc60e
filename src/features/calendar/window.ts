import { Temporal } from 'temporal-polyfill';
import { isIanaZone } from '../../core/time/iana-zone.js';
import { invalidField, Problem } from '../../http/problem.js';

// Expanding recurrences over decades would let one request pin the server; five years covers every view.
export const MAX_WINDOW_DAYS = 5 * 366;

function boundToMs(field: string, text: string, zone: string): number {
  try {
    if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return Temporal.PlainDate.from(text, { overflow: 'reject' }).toZonedDateTime(zone).epochMilliseconds;
    if (/(Z|[+-]\d{2}:\d{2})$/.test(text)) return Temporal.Instant.from(text).epochMilliseconds;
    return Temporal.PlainDateTime.from(text, { overflow: 'reject' }).toZonedDateTime(zone).epochMilliseconds;
  } catch {
    throw invalidField(field, `${text} is not a date or date-time that exists`);
  }
}

/** The asked window [start, end) in epoch ms; dates and offset-less times are read in `zone`. */
export function resolveWindow(start: string, end: string, zone: string): { startMs: number; endMs: number } {
  if (!isIanaZone(zone)) throw invalidField('timeZone', 'is not a known IANA time zone');
  const startMs = boundToMs('start', start, zone);
  const endMs = boundToMs('end', end, zone);
  if (endMs <= startMs) throw invalidField('end', 'must be after start');
  if (endMs - startMs > MAX_WINDOW_DAYS * 86_400_000) {
    throw new Problem(422, 'Unprocessable Content', `end: the window may span at most ${MAX_WINDOW_DAYS} days; ask for a shorter range`, [
      { field: 'end', message: `the window may span at most ${MAX_WINDOW_DAYS} days` },
    ]);
  }
  return { startMs, endMs };
}
