import {
  expandPrepared,
  type LocalDate,
  type Occurrence,
  parseRrule,
  prepareSeries,
  RecurrenceError,
  type RecurrenceInput,
  type RecurrenceValue,
} from '../../core/recurrence/index.js';
import {
  formatLocalDate,
  formatLocalDateTime,
  ianaZone,
  localFromWallMs,
  parseInstant,
  parseLocalDate,
  parseLocalDateTime,
  type LocalDateTime,
} from '../../core/time/index.js';

/** The recurrence fields of an entry as stored: local wall-clock strings in its zone, dates, or UTC instants ("…Z"). */
export interface SeriesFields {
  allDay: boolean;
  timeZone: string;
  isFloating?: boolean;
  startLocal: string; // YYYY-MM-DDTHH:MM:SS in timeZone, or YYYY-MM-DD for all-day
  rrule: string | null;
  rdate: readonly string[];
  exdate: readonly string[];
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

/** One RDATE/EXDATE text → engine value; throws RecurrenceError naming the list. */
export function parseRecurrenceValue(text: string, list: 'RDATE' | 'EXDATE'): RecurrenceValue {
  try {
    if (DATE_RE.test(text)) return { kind: 'date', value: parseLocalDate(text) as LocalDate };
    if (LOCAL_RE.test(text)) return { kind: 'local', value: parseLocalDateTime(text) };
    const epochMs = parseInstant(text);
    if (epochMs !== null) return { kind: 'instant', epochMs };
  } catch {
    // fall through to the message below
  }
  throw new RecurrenceError(`${list} value ${text} is not a date, a local date-time or a UTC instant`, list);
}

export function toRecurrenceInput(fields: SeriesFields): RecurrenceInput {
  const start: LocalDateTime | LocalDate = fields.allDay ? parseLocalDate(fields.startLocal) : parseLocalDateTime(fields.startLocal);
  return {
    start,
    allDay: fields.allDay,
    zone: fields.allDay || fields.isFloating ? null : ianaZone(fields.timeZone),
    rrule: fields.rrule,
    rdate: fields.rdate.map((v) => parseRecurrenceValue(v, 'RDATE')),
    exdate: fields.exdate.map((v) => parseRecurrenceValue(v, 'EXDATE')),
  };
}

// A series longer than this many occurrences is indexed as if it had no end: still correct, only less selective.
const SPAN_SCAN_LIMIT = 20_000;

/**
 * The span a series covers, for the GiST index the range query uses: from its first start to the
 * end of its last occurrence, or open (null) when the rule has no end. Throws RecurrenceError when
 * the series yields no occurrence at all, which the API refuses.
 */
export function seriesSpanOf(fields: SeriesFields, durationMs: number): { firstStartMs: number; lastEndMs: number | null } {
  const input = toRecurrenceInput(fields);
  const floatingZone = ianaZone(fields.timeZone);
  const prepared = prepareSeries(input, floatingZone);
  const first = expandPrepared(prepared, { max: 1 });
  if (first.length === 0) throw new RecurrenceError('the recurrence yields no occurrence', 'RRULE');
  const rule = fields.rrule ? parseRrule(fields.rrule) : null;
  const bounded = !rule || rule.count !== null || rule.until !== null;
  let lastStartMs: number | null = null;
  let firstStartMs = first[0]!.epochMs;
  if (bounded) {
    const all = expandPrepared(prepared, { max: SPAN_SCAN_LIMIT + 1 });
    if (all.length <= SPAN_SCAN_LIMIT) {
      for (const o of all) {
        firstStartMs = Math.min(firstStartMs, o.epochMs);
        lastStartMs = Math.max(lastStartMs ?? o.epochMs, o.epochMs);
      }
    }
  }
  return { firstStartMs, lastEndMs: lastStartMs === null ? null : lastStartMs + durationMs + 2 * 86_400_000 };
}

export function occurrencesInWindow(fields: SeriesFields, windowStartMs: number, windowEndMs: number, max = 5000): Occurrence[] {
  const prepared = prepareSeries(toRecurrenceInput(fields), ianaZone(fields.timeZone));
  return expandPrepared(prepared, { between: [windowStartMs, windowEndMs], max });
}

/** The wall-clock DTSTART of a stored entry in its own zone (a date for all-day entries). */
export function startLocalOf(row: { allDay: boolean; startDate: string | null; startAt: Date; timeZone: string }): string {
  if (row.allDay) return row.startDate!;
  const ms = row.startAt.getTime();
  return formatLocalDateTime(localFromWallMs(ms + ianaZone(row.timeZone).offsetMsAt(ms)));
}

export function formatRecurrenceValue(value: RecurrenceValue): string {
  if (value.kind === 'local') return formatLocalDateTime(value.value);
  if (value.kind === 'date') return formatLocalDate(value.value);
  return `${new Date(value.epochMs).toISOString().slice(0, 19)}Z`;
}

export function seriesFieldsOf(row: { allDay: boolean; startDate: string | null; startAt: Date; timeZone: string; isFloating: boolean; rrule: string | null; rdate: string[]; exdate: string[] }): SeriesFields {
  return { allDay: row.allDay, timeZone: row.timeZone, isFloating: row.isFloating, startLocal: startLocalOf(row), rrule: row.rrule, rdate: row.rdate, exdate: row.exdate };
}
