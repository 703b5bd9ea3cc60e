import type { LocalDateTime } from '../time/zone.js';
import { parseInstant, parseLocalDate, parseLocalDateTime } from '../time/local.js';
import { RecurrenceError, type LocalDate } from './types.js';

/** An RRULE value read into numbers (RFC 5545 §3.3.10, RFC 7529 RSCALE/SKIP). */
export type Freq = 'SECONDLY' | 'MINUTELY' | 'HOURLY' | 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';
export const FREQS: readonly Freq[] = ['SECONDLY', 'MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'];
/** Weekday codes in ISO order: index 0 = Monday. */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

export interface WeekdayNum {
  /** 0 = Monday … 6 = Sunday */
  readonly weekday: number;
  /** 0 = every such weekday of the period, else the nth (negative: from the end). */
  readonly n: number;
}

export type Until =
  | { readonly kind: 'instant'; readonly epochMs: number }
  | { readonly kind: 'date'; readonly value: LocalDate }
  | { readonly kind: 'local'; readonly value: LocalDateTime };

export type Skip = 'OMIT' | 'BACKWARD' | 'FORWARD';

export interface ParsedRule {
  readonly freq: Freq;
  readonly interval: number;
  readonly count: number | null;
  readonly until: Until | null;
  readonly bySecond: readonly number[] | null;
  readonly byMinute: readonly number[] | null;
  readonly byHour: readonly number[] | null;
  readonly byDay: readonly WeekdayNum[] | null;
  readonly byMonthDay: readonly number[] | null;
  readonly byYearDay: readonly number[] | null;
  readonly byWeekNo: readonly number[] | null;
  readonly byMonth: readonly number[] | null;
  readonly bySetPos: readonly number[] | null;
  readonly wkst: number;
  /** Upper-case calendar name of RFC 7529 RSCALE, null = Gregorian without RSCALE. */
  readonly rscale: string | null;
  readonly skip: Skip;
}

const SUPPORTED_RSCALES = new Set(['GREGORIAN', 'ISLAMIC-CIVIL']);

const fail = (part: string | null, message: string): never => {
  throw new RecurrenceError(message, part);
};

function intList(part: string, raw: string, min: number, max: number, allowNegative: boolean): number[] {
  return raw.split(',').map((item) => {
    if (!/^[+-]?\d+$/.test(item)) fail(part, `${part}=${raw}: "${item}" is not a whole number`);
    const n = Number(item);
    const abs = Math.abs(n);
    if (n === 0 && min > 0) fail(part, `${part}=${item} is not allowed`);
    if (n < 0 && !allowNegative) fail(part, `${part}=${item}: negative values are not allowed`);
    if (abs < min || abs > max) {
      fail(part, `${part}=${item} is out of range (${allowNegative ? `${min}..${max} or -${max}..-${min}` : `${min}..${max}`})`);
    }
    return n;
  });
}

function weekday(part: string, raw: string, code: string): number {
  const i = WEEKDAYS.indexOf(code as (typeof WEEKDAYS)[number]);
  if (i < 0) fail(part, `${part}=${raw}: ${code} is not a weekday (MO..SU)`);
  return i;
}

function byDayList(raw: string): WeekdayNum[] {
  return raw.split(',').map((item) => {
    const m = /^([+-]?\d{1,2})?([A-Z]*)$/.exec(item);
    if (!m) fail('BYDAY', `BYDAY=${raw}: "${item}" is not a weekday (MO..SU, optionally numbered like 1MO or -1FR)`);
    const wd = weekday('BYDAY', raw, m![2]!);
    const n = m![1] ? Number(m![1]) : 0;
    if (m![1] && (n === 0 || Math.abs(n) > 53)) fail('BYDAY', `BYDAY=${item}: the number must be 1..53 or -53..-1`);
    return { weekday: wd, n };
  });
}

function untilValue(raw: string): Until {
  try {
    if (/^\d{8}$/.test(raw)) return { kind: 'date', value: parseLocalDate(raw) };
    const instant = parseInstant(raw);
    if (instant !== null) return { kind: 'instant', epochMs: instant };
    return { kind: 'local', value: parseLocalDateTime(raw) };
  } catch {
    return fail('UNTIL', `UNTIL=${raw} is not a date (YYYYMMDD) or UTC date-time (YYYYMMDDTHHMMSSZ)`);
  }
}

const parsedCache = new Map<string, ParsedRule>();
const PARSED_CACHE_SIZE = 2000;

/**
 * Parses and validates an RRULE value (with or without the "RRULE:" prefix); throws RecurrenceError.
 * Results are frozen and cached by text: a range query parses the same few rule strings again and again.
 */
export function parseRrule(text: string): ParsedRule {
  let rule = parsedCache.get(text);
  if (!rule) {
    rule = deepFreeze(parseUncached(text));
    if (parsedCache.size >= PARSED_CACHE_SIZE) parsedCache.delete(parsedCache.keys().next().value!);
    parsedCache.set(text, rule);
  }
  return rule;
}

function deepFreeze<T extends object>(o: T): T {
  for (const v of Object.values(o)) if (v && typeof v === 'object') deepFreeze(v as object);
  return Object.freeze(o);
}

function parseUncached(text: string): ParsedRule {
  const body = text.trim().replace(/^RRULE:/i, '');
  if (!body) fail('FREQ', 'the rule is empty: FREQ is required');
  const seen = new Map<string, string>();
  for (const piece of body.split(';')) {
    if (!piece) continue;
    const eq = piece.indexOf('=');
    if (eq <= 0) fail(null, `"${piece}" is not a NAME=VALUE rule part`);
    const name = piece.slice(0, eq).toUpperCase();
    const value = piece.slice(eq + 1).toUpperCase();
    if (seen.has(name)) fail(name, `${name} is given more than once`);
    if (!value) fail(name, `${name} has no value`);
    seen.set(name, value);
  }
  const get = (name: string) => seen.get(name) ?? null;
  const known = new Set(['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYSECOND', 'BYMINUTE', 'BYHOUR', 'BYDAY', 'BYMONTHDAY',
    'BYYEARDAY', 'BYWEEKNO', 'BYMONTH', 'BYSETPOS', 'WKST', 'RSCALE', 'SKIP']);
  for (const name of seen.keys()) if (!known.has(name)) fail(name, `${name} is not an RRULE part`);

  const freqRaw = get('FREQ');
  if (!freqRaw) return fail('FREQ', 'FREQ is required');
  if (!FREQS.includes(freqRaw as Freq)) fail('FREQ', `FREQ=${freqRaw} is not one of ${FREQS.join(', ')}`);
  const freq = freqRaw as Freq;

  const intervalRaw = get('INTERVAL');
  const interval = intervalRaw ? intList('INTERVAL', intervalRaw, 1, 1_000_000, false)[0]! : 1;
  if (intervalRaw?.includes(',')) fail('INTERVAL', `INTERVAL=${intervalRaw} must be one number`);
  const countRaw = get('COUNT');
  if (countRaw?.includes(',')) fail('COUNT', `COUNT=${countRaw} must be one number`);
  const count = countRaw ? intList('COUNT', countRaw, 1, 10_000_000, false)[0]! : null;
  const untilRaw = get('UNTIL');
  if (count !== null && untilRaw) fail('UNTIL', 'COUNT and UNTIL cannot be used together');
  const until = untilRaw ? untilValue(untilRaw) : null;

  const list = (name: string, min: number, max: number, neg: boolean) => {
    const raw = get(name);
    return raw ? intList(name, raw, min, max, neg) : null;
  };
  const bySecond = list('BYSECOND', 0, 60, false);
  const byMinute = list('BYMINUTE', 0, 59, false);
  const byHour = list('BYHOUR', 0, 23, false);
  const byMonthDay = list('BYMONTHDAY', 1, 31, true);
  const byYearDay = list('BYYEARDAY', 1, 366, true);
  const byWeekNo = list('BYWEEKNO', 1, 53, true);
  const byMonth = list('BYMONTH', 1, 12, false);
  const bySetPos = list('BYSETPOS', 1, 366, true);
  const byDayRaw = get('BYDAY');
  const byDay = byDayRaw ? byDayList(byDayRaw) : null;
  const wkstRaw = get('WKST');
  const wkst = wkstRaw ? weekday('WKST', wkstRaw, wkstRaw) : 0;

  const rscale = get('RSCALE');
  if (rscale && !SUPPORTED_RSCALES.has(rscale)) {
    fail('RSCALE', `RSCALE=${rscale} is not supported (supported: ${[...SUPPORTED_RSCALES].join(', ')})`);
  }
  const skipRaw = get('SKIP');
  if (skipRaw && !rscale) fail('SKIP', 'SKIP is only allowed together with RSCALE');
  if (skipRaw && !['OMIT', 'BACKWARD', 'FORWARD'].includes(skipRaw)) fail('SKIP', `SKIP=${skipRaw} is not OMIT, BACKWARD or FORWARD`);

  // RFC 5545 §3.3.10 combinations that have no meaning.
  if (byWeekNo && freq !== 'YEARLY') fail('BYWEEKNO', 'BYWEEKNO is only allowed with FREQ=YEARLY');
  if (byYearDay && (freq === 'DAILY' || freq === 'WEEKLY' || freq === 'MONTHLY')) {
    fail('BYYEARDAY', `BYYEARDAY is not allowed with FREQ=${freq}`);
  }
  if (byMonthDay && freq === 'WEEKLY') fail('BYMONTHDAY', 'BYMONTHDAY is not allowed with FREQ=WEEKLY');
  if (byDay?.some((d) => d.n !== 0)) {
    if (freq !== 'MONTHLY' && freq !== 'YEARLY') fail('BYDAY', `BYDAY=${byDayRaw}: numbered weekdays are only allowed with FREQ=MONTHLY or YEARLY`);
    if (freq === 'YEARLY' && byWeekNo) fail('BYDAY', `BYDAY=${byDayRaw}: numbered weekdays are not allowed together with BYWEEKNO`);
    if (freq === 'MONTHLY' && byDay.some((d) => Math.abs(d.n) > 5)) fail('BYDAY', `BYDAY=${byDayRaw}: a month has at most 5 of each weekday`);
  }
  if (rscale && rscale !== 'GREGORIAN' && (byWeekNo || byYearDay || bySetPos)) {
    fail('RSCALE', `RSCALE=${rscale} supports BYMONTH, BYMONTHDAY, BYDAY and times; not BYWEEKNO, BYYEARDAY or BYSETPOS`);
  }

  return {
    freq, interval, count, until, bySecond, byMinute, byHour, byDay, byMonthDay, byYearDay, byWeekNo, byMonth, bySetPos,
    wkst, rscale, skip: (skipRaw as Skip | null) ?? 'OMIT',
  };
}

/** Checks a rule for callers that only need a verdict (API 422s, the ICS importer). */
export function validateRrule(text: string): { ok: true; rule: ParsedRule } | { ok: false; error: RecurrenceError } {
  try {
    return { ok: true, rule: parseRrule(text) };
  } catch (err) {
    if (err instanceof RecurrenceError) return { ok: false, error: err };
    throw err;
  }
}
