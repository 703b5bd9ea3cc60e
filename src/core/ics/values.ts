import type { LocalDate } from '../recurrence/types.js';
import type { LocalDateTime } from '../time/zone.js';
import { param, type ContentLine } from './content-line.js';
import { IcsError } from './errors.js';

/** A DATE or DATE-TIME value as written: a date, a floating time, a UTC time, or a time in a TZID. */
export type IcsTime =
  | { readonly kind: 'date'; readonly date: LocalDate }
  | { readonly kind: 'floating'; readonly local: LocalDateTime }
  | { readonly kind: 'utc'; readonly local: LocalDateTime }
  | { readonly kind: 'zoned'; readonly local: LocalDateTime; readonly tzid: string };

/** DURATION: days and weeks run on the wall clock, hours/minutes/seconds are elapsed time. */
export interface IcsDuration {
  readonly sign: 1 | -1;
  readonly weeks: number;
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * TEXT unescaping, strictly left to right so that "\\n" is a backslash followed by "n". Built with
 * join rather than +=, so the result is one flat string that does not keep the whole content line
 * alive through slices (it matters when thousands of descriptions are held).
 */
export function unescapeText(value: string): string {
  if (!value.includes('\\')) return value;
  const parts: string[] = [];
  let from = 0;
  for (let i = value.indexOf('\\'); i >= 0 && i < value.length; i = value.indexOf('\\', from)) {
    parts.push(value.slice(from, i));
    const next = value[i + 1];
    if (next === 'n' || next === 'N') parts.push('\n');
    else if (next !== undefined) parts.push(next); // \\ \; \, and, leniently, any other escaped character
    from = i + 2;
  }
  parts.push(value.slice(from));
  return parts.join('');
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function checkDate(year: number, month: number, day: number, cl: ContentLine, raw: string): void {
  if (month < 1 || month > 12) throw new IcsError(cl.line, `${cl.name} ${raw}: month ${month} does not exist`);
  if (day < 1 || day > daysInMonth(year, month)) {
    throw new IcsError(cl.line, `${cl.name} ${raw}: ${MONTH_NAMES[month - 1]} ${year} has no day ${day}`);
  }
}

const DATE_RE = /^(\d{4})(\d{2})(\d{2})$/;
const DATE_TIME_RE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/;

export function parseDateValue(raw: string, cl: ContentLine): LocalDate {
  const m = DATE_RE.exec(raw);
  if (!m) throw new IcsError(cl.line, `${cl.name} ${raw}: not a DATE (YYYYMMDD)`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  checkDate(year, month, day, cl, raw);
  return { year, month, day };
}

/** One DATE or DATE-TIME of a property, read with its VALUE and TZID parameters. */
export function parseTimeValue(raw: string, cl: ContentLine): IcsTime {
  const valueType = param(cl, 'VALUE')?.toUpperCase();
  if (valueType === 'DATE' || (valueType === undefined && DATE_RE.test(raw))) {
    return { kind: 'date', date: parseDateValue(raw, cl) };
  }
  const m = DATE_TIME_RE.exec(raw);
  if (!m) throw new IcsError(cl.line, `${cl.name} ${raw}: not a DATE-TIME (YYYYMMDDTHHMMSS)`);
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((k) => Number(m[k]));
  checkDate(year!, month!, day!, cl, raw);
  if (hour! > 23 || minute! > 59 || second! > 60) throw new IcsError(cl.line, `${cl.name} ${raw}: time of day out of range`);
  // A leap second names the same minute's end; the time line here has none.
  const local = { year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second: Math.min(second!, 59) };
  if (m[7] === 'Z') return { kind: 'utc', local };
  const tzid = param(cl, 'TZID');
  return tzid ? { kind: 'zoned', local, tzid } : { kind: 'floating', local };
}

export function parseTime(cl: ContentLine): IcsTime {
  return parseTimeValue(cl.value.trim(), cl);
}

const DURATION_RE = /^([+-])?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

export function parseDurationValue(raw: string, cl: ContentLine): IcsDuration {
  const m = DURATION_RE.exec(raw.trim());
  if (!m || raw.trim().endsWith('T') || /^[+-]?P$/.test(raw.trim())) {
    throw new IcsError(cl.line, `${cl.name} ${raw}: not a DURATION (e.g. PT1H30M, P1D)`);
  }
  const n = (k: number) => (m[k] ? Number(m[k]) : 0);
  return { sign: m[1] === '-' ? -1 : 1, weeks: n(2), days: n(3), hours: n(4), minutes: n(5), seconds: n(6) };
}

export function elapsedMs(d: IcsDuration): number {
  return d.sign * ((d.hours * 60 + d.minutes) * 60 + d.seconds) * 1000;
}

export function wallDays(d: IcsDuration): number {
  return d.sign * (d.weeks * 7 + d.days);
}

/** RDATE;VALUE=PERIOD: start/end or start/duration. */
export interface IcsPeriod {
  readonly start: IcsTime;
  readonly end: IcsTime | IcsDuration;
}

export function parsePeriodValue(raw: string, cl: ContentLine): IcsPeriod {
  const slash = raw.indexOf('/');
  if (slash < 0) throw new IcsError(cl.line, `${cl.name} ${raw}: a PERIOD is start/end or start/duration`);
  const start = parseTimeValue(raw.slice(0, slash), cl);
  const rest = raw.slice(slash + 1);
  const end = /^[+-]?P/.test(rest) ? parseDurationValue(rest, cl) : parseTimeValue(rest, cl);
  if (start.kind === 'date') throw new IcsError(cl.line, `${cl.name} ${raw}: a PERIOD starts with a DATE-TIME`);
  return { start, end };
}

/** The comma-separated values of EXDATE/RDATE (several may share one line). */
export function splitList(value: string): string[] {
  return value.split(',').map((v) => v.trim()).filter((v) => v !== '');
}

export function parseGeo(cl: ContentLine): [number, number] {
  const parts = cl.value.split(/[;,]/).map((p) => Number(p.trim()));
  const [lat, lon] = parts;
  if (parts.length !== 2 || !Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat!) > 90 || Math.abs(lon!) > 180) {
    throw new IcsError(cl.line, `GEO ${cl.value}: not "latitude;longitude"`);
  }
  return [lat!, lon!];
}

/** UTC-OFFSET (+HHMM or +HHMMSS) in milliseconds. */
export function parseUtcOffset(cl: ContentLine): number {
  const m = /^([+-])(\d{2})(\d{2})(\d{2})?$/.exec(cl.value.trim());
  if (!m || Number(m[3]) > 59) throw new IcsError(cl.line, `${cl.name} ${cl.value}: not a UTC offset (+HHMM)`);
  const ms = ((Number(m[2]) * 60 + Number(m[3])) * 60 + Number(m[4] ?? 0)) * 1000;
  return m[1] === '-' ? -ms : ms;
}

export function parseInteger(cl: ContentLine): number {
  const v = cl.value.trim();
  if (!/^[+-]?\d+$/.test(v)) throw new IcsError(cl.line, `${cl.name} ${v}: not an integer`);
  return Number(v);
}
