import { Temporal } from 'temporal-polyfill';
import {
  describeRrule,
  expandRecurrence,
  type RecurrenceFormInput,
  recurrenceFormToRrule,
  RecurrenceError,
  rruleToRecurrenceForm,
  type RecurrenceForm,
} from '../../core/recurrence/index.js';
import { formatInstantInZone, formatLocalDate, ianaZone, parseLocalDate, parseLocalDateTime } from '../../core/time/index.js';
import { invalidField, Problem } from '../../http/problem.js';
import { MAX_WINDOW_DAYS, resolveWindow } from '../calendar/window.js';
import { formatRecurrenceValue, parseRecurrenceValue } from '../entries/series.js';

export interface PreviewInput {
  rrule?: string;
  form?: RecurrenceFormInput;
  start: string;
  timeZone: string;
  allDay: boolean;
  exdate: string[];
  rdate: string[];
  from?: string;
  until?: string;
  count: number;
}

export interface PreviewResult {
  rrule: string;
  exdate: string[];
  description: string;
  form: RecurrenceForm | null;
  occurrences: string[];
  truncated: boolean;
}

function startOf(input: PreviewInput) {
  try {
    if (input.allDay) return parseLocalDate(input.start.slice(0, 10));
    if (/(Z|[+-]\d{2}:\d{2})$/.test(input.start)) {
      const local = Temporal.Instant.from(input.start).toZonedDateTimeISO(input.timeZone).toPlainDateTime();
      return { year: local.year, month: local.month, day: local.day, hour: local.hour, minute: local.minute, second: local.second };
    }
    return parseLocalDateTime(input.start);
  } catch {
    throw invalidField('start', 'must be a date-time (with or without offset) or, for all-day series, a date');
  }
}

/** What the entry editor shows while a person types a rule: the next dates and the rule in words. */
export function previewRecurrence(input: PreviewInput): PreviewResult {
  const zone = ianaZone(input.timeZone);
  const start = startOf(input);
  const context = { start, allDay: input.allDay, zone: input.allDay ? null : zone };
  try {
    let rrule: string;
    let exdate = input.exdate.map((v) => parseRecurrenceValue(v, 'EXDATE'));
    if (input.form) {
      const made = recurrenceFormToRrule(input.form, context);
      rrule = made.rrule;
      exdate = [...exdate, ...made.exdate];
    } else {
      rrule = input.rrule!.replace(/^RRULE:/i, '');
    }
    const window = input.from || input.until
      ? resolveWindow(input.from ?? input.start.slice(0, 10), input.until ?? addDays(input.from ?? input.start, MAX_WINDOW_DAYS - 1), input.timeZone)
      : null;
    const occurrences = expandRecurrence(
      { start, allDay: input.allDay, zone: context.zone, rrule, rdate: input.rdate.map((v) => parseRecurrenceValue(v, 'RDATE')), exdate },
      { between: window ? [window.startMs, window.endMs] : null, max: input.count + 1, floatingZone: zone },
    );
    return {
      rrule,
      exdate: exdate.map(formatRecurrenceValue),
      description: describeRrule(rrule, zone),
      form: rruleToRecurrenceForm(rrule, context, exdate),
      occurrences: occurrences.slice(0, input.count).map((o) => (input.allDay ? formatLocalDate(o.local) : formatInstantInZone(o.epochMs, zone))),
      truncated: occurrences.length > input.count,
    };
  } catch (error) {
    if (!(error instanceof RecurrenceError)) throw error;
    const field = input.form ? 'form' : error.part === 'EXDATE' ? 'exdate' : error.part === 'RDATE' ? 'rdate' : 'rrule';
    throw new Problem(422, 'Unprocessable Content', `${field}: ${error.message}`, [{ field, message: error.message }]);
  }
}

function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
