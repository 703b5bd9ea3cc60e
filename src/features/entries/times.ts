import { Temporal } from 'temporal-polyfill';
import { RecurrenceError } from '../../core/recurrence/index.js';
import { daysInMonth, formatInstantInZone, formatLocalDateTime, ianaZone, localFromWallMs, parseInstant } from '../../core/time/index.js';
import type { PlainDateFields } from '../../core/time/local.js';
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

function validFields(y: number, mo: number, d: number): boolean {
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

function parseDate(field: string, text: string): PlainDateFields {
  if (!DATE_RE.test(text)) throw invalidField(field, 'must be a date (YYYY-MM-DD) for an all-day entry');
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  if (!validFields(year, month, day)) throw invalidField(field, `${text} is not a date that exists`);
  return { year, month, day };
}

function parseInstantField(field: string, text: string): number {
  if (DATE_RE.test(text)) throw invalidField(field, 'must be a date-time with offset (2026-03-02T09:00:00+08:00) unless allDay is true');
  let epochMs: number | null;
  try {
    // The common forms by hand (core/time); anything else goes to Temporal, which decides.
    epochMs = parseInstant(text) ?? Temporal.Instant.from(text).epochMilliseconds;
  } catch {
    throw invalidField(field, `${text} is not a date-time that exists`);
  }
  return epochMs;
}

/** The wall-clock time (YYYY-MM-DDTHH:MM:SS) of an instant in a zone. */
const localText = (epochMs: number, zone: string): string =>
  formatLocalDateTime(localFromWallMs(epochMs + ianaZone(zone).offsetMsAt(epochMs)));

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
    if (input.end <= input.start) throw invalidField('end', 'must be after start (the end date of an all-day entry is exclusive)');
    startDate = input.start;
    endDate = input.end;
    const zone = ianaZone(input.timeZone);
    startAt = new Date(zone.epochMsOf({ ...start, hour: 0, minute: 0, second: 0 }));
    endAt = new Date(zone.epochMsOf({ ...end, hour: 0, minute: 0, second: 0 }));
    startLocal = startDate;
  } else {
    const start = parseInstantField('start', input.start);
    const end = parseInstantField('end', input.end);
    if (end < start) throw invalidField('end', 'must not be before start');
    startAt = new Date(start);
    endAt = new Date(end);
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
