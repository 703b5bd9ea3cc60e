import { Temporal } from 'temporal-polyfill';
import { RecurrenceError } from '../../core/recurrence/index.js';
import { formatInstantInZone, ianaZone } from '../../core/time/index.js';
import { invalidField, Problem } from '../../http/problem.js';
import { seriesSpanOf } from './series.js';

export interface TimeInput {
  start: string;
  end: string;
  allDay: boolean;
  timeZone: string;
  rrule: string | null;
  rdate: readonly string[];
  exdate: readonly string[];
}

export interface EntryTimeColumns {
  startAt: Date;
  endAt: Date;
  startDate: string | null;
  endDate: string | null;
  spanStart: Date;
  spanEnd: Date | null;
  rrule: string | null;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

function parseDate(field: string, text: string): Temporal.PlainDate {
  if (!DATE_RE.test(text)) throw invalidField(field, 'must be a date (YYYY-MM-DD) for an all-day entry');
  try {
    return Temporal.PlainDate.from(text, { overflow: 'reject' });
  } catch {
    throw invalidField(field, `${text} is not a date that exists`);
  }
}

function parseInstant(field: string, text: string): Temporal.Instant {
  if (DATE_RE.test(text)) throw invalidField(field, 'must be a date-time with offset (2026-03-02T09:00:00+08:00) unless allDay is true');
  try {
    return Temporal.Instant.from(text);
  } catch {
    throw invalidField(field, `${text} is not a date-time that exists`);
  }
}

const localText = (instant: Temporal.Instant, zone: string): string =>
  instant.toZonedDateTimeISO(zone).toPlainDateTime().toString({ smallestUnit: 'second' });

/**
 * Turns the API's time fields into the stored columns, checking them on the way: end after start,
 * dates for all-day entries, and a recurrence that parses and yields at least one occurrence.
 */
export function resolveEntryTimes(input: TimeInput): EntryTimeColumns {
  let startAt: Date;
  let endAt: Date;
  let startDate: string | null = null;
  let endDate: string | null = null;
  let startLocal: string;
  if (input.allDay) {
    const start = parseDate('start', input.start);
    const end = parseDate('end', input.end);
    if (Temporal.PlainDate.compare(end, start) <= 0) throw invalidField('end', 'must be after start (the end date of an all-day entry is exclusive)');
    startDate = start.toString();
    endDate = end.toString();
    startAt = new Date(start.toZonedDateTime(input.timeZone).epochMilliseconds);
    endAt = new Date(end.toZonedDateTime(input.timeZone).epochMilliseconds);
    startLocal = startDate;
  } else {
    const start = parseInstant('start', input.start);
    const end = parseInstant('end', input.end);
    if (Temporal.Instant.compare(end, start) < 0) throw invalidField('end', 'must not be before start');
    startAt = new Date(start.epochMilliseconds);
    endAt = new Date(end.epochMilliseconds);
    startLocal = localText(start, input.timeZone);
  }
  const rrule = input.rrule?.trim() ? input.rrule.trim().replace(/^RRULE:/i, '') : null;
  if (!rrule && input.rdate.length === 0) {
    return { startAt, endAt, startDate, endDate, spanStart: startAt, spanEnd: endAt, rrule: null };
  }
  try {
    const span = seriesSpanOf(
      { allDay: input.allDay, timeZone: input.timeZone, startLocal, rrule, rdate: input.rdate, exdate: input.exdate },
      endAt.getTime() - startAt.getTime(),
    );
    return {
      startAt, endAt, startDate, endDate, rrule,
      spanStart: new Date(Math.min(span.firstStartMs, startAt.getTime()) - 2 * 86_400_000),
      spanEnd: span.lastEndMs === null ? null : new Date(span.lastEndMs),
    };
  } catch (error) {
    if (!(error instanceof RecurrenceError)) throw error;
    const field = error.part === 'RDATE' ? 'rdate' : error.part === 'EXDATE' ? 'exdate' : 'rrule';
    throw new Problem(422, 'Unprocessable Content', `${field}: ${error.message}`, [{ field, message: error.message }]);
  }
}

/** An instant as ISO-8601 with the offset in force in the zone (the API's output form). */
export function formatInZone(date: Date, timeZone: string): string {
  return formatInstantInZone(date.getTime(), ianaZone(timeZone));
}

export { localText as localTextOf };
