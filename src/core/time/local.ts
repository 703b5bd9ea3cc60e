import type { LocalDateTime } from './zone.js';
import { civilFromDays, daysFromCivil, daysInMonth, MS_PER_DAY } from './civil.js';

/** A calendar date with no time (all-day values). Same shape as recurrence's LocalDate. */
export interface PlainDateFields {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** The wall clock read as if it were UTC: the integer the zone code subtracts an offset from. */
export function localToEpochMs(local: LocalDateTime): number {
  return daysFromCivil(local.year, local.month, local.day) * MS_PER_DAY + ((local.hour * 60 + local.minute) * 60 + local.second) * 1000;
}

/** Inverse of localToEpochMs: the wall clock at `wallMs` (an instant plus its offset). */
export function localFromWallMs(wallMs: number): LocalDateTime {
  const days = Math.floor(wallMs / MS_PER_DAY);
  const { year, month, day } = civilFromDays(days);
  let secs = Math.floor((wallMs - days * MS_PER_DAY) / 1000);
  const second = secs % 60;
  secs = (secs - second) / 60;
  return { year, month, day, hour: Math.floor(secs / 60), minute: secs % 60, second };
}

/** The wall clock at an instant, given the offset in force then. */
export function localAt(epochMs: number, offsetMs: number): LocalDateTime {
  return localFromWallMs(epochMs + offsetMs);
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const pad4 = (n: number) => (n < 0 ? '-' + String(-n).padStart(6, '0') : String(n).padStart(4, '0'));

export function formatLocalDate(date: PlainDateFields): string {
  return `${pad4(date.year)}-${pad2(date.month)}-${pad2(date.day)}`;
}

export function formatLocalDateTime(local: LocalDateTime): string {
  return `${formatLocalDate(local)}T${pad2(local.hour)}:${pad2(local.minute)}:${pad2(local.second)}`;
}

/** "+08:00" / "-04:00"; zero offset is "+00:00" (never "Z", the API style). */
export function formatOffset(offsetMs: number): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const mins = Math.round(Math.abs(offsetMs) / 60_000);
  return `${sign}${pad2(Math.floor(mins / 60))}:${pad2(mins % 60)}`;
}

/** `2025-03-09T03:30:00-04:00` */
export function formatLocalWithOffset(local: LocalDateTime, offsetMs: number): string {
  return formatLocalDateTime(local) + formatOffset(offsetMs);
}

/** ISO-8601 with the offset in force at the instant in the given zone. */
export function formatInstantInZone(epochMs: number, zone: { offsetMsAt(epochMs: number): number }): string {
  const offset = zone.offsetMsAt(epochMs);
  return formatLocalWithOffset(localAt(epochMs, offset), offset);
}

function checkFields(text: string, y: number, mo: number, d: number, h = 0, mi = 0, s = 0): void {
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 60) {
    throw new RangeError(`"${text}" is not a valid date-time`);
  }
}

const LOCAL_RE = /^(\d{4})-?(\d{2})-?(\d{2})[T ](\d{2}):?(\d{2}):?(\d{2})(?:\.\d+)?$/;
const DATE_RE = /^(\d{4})-?(\d{2})-?(\d{2})$/;

/** `2025-03-09T02:30:00` or iCalendar `20250309T023000` → LocalDateTime (throws RangeError). */
export function parseLocalDateTime(text: string): LocalDateTime {
  const m = LOCAL_RE.exec(text);
  if (!m) throw new RangeError(`"${text}" is not a local date-time (YYYY-MM-DDTHH:MM:SS)`);
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  checkFields(text, year, month, day, hour, minute, second);
  return { year, month, day, hour, minute, second: Math.min(second, 59) };
}

/** `2025-03-09` or `20250309` → date fields (throws RangeError). */
export function parseLocalDate(text: string): PlainDateFields {
  const m = DATE_RE.exec(text);
  if (!m) throw new RangeError(`"${text}" is not a date (YYYY-MM-DD)`);
  const [year, month, day] = m.slice(1, 4).map(Number) as [number, number, number];
  checkFields(text, year, month, day);
  return { year, month, day };
}

const INSTANT_RE = /^(\d{4})-?(\d{2})-?(\d{2})T(\d{2}):?(\d{2}):?(\d{2})(?:\.(\d+))?(Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)$/;

/**
 * An ISO/iCalendar instant with `Z` or an offset → epoch ms, as Temporal.Instant reads it (a
 * fraction below the millisecond dropped, a leap second read as :59); null when the text is not
 * of that form (no zone designator, say); RangeError for a date or time that does not exist.
 * Hand-written because Temporal objects cost microseconds each, which an import of thousands feels.
 */
export function parseInstant(text: string): number | null {
  const m = INSTANT_RE.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, sec] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [number, number, number, number, number, number];
  checkFields(text, y, mo, d, h, mi, sec);
  const millis = m[7] ? Number(m[7].padEnd(3, '0').slice(0, 3)) : 0;
  const z = m[8]!;
  let offsetMinutes = 0;
  if (z !== 'Z') {
    const digits = z.slice(1).replace(':', '');
    offsetMinutes = (z[0] === '-' ? -1 : 1) * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
  }
  return daysFromCivil(y, mo, d) * MS_PER_DAY + ((h * 60 + mi - offsetMinutes) * 60 + Math.min(sec, 59)) * 1000 + millis;
}

export function compareLocal(a: LocalDateTime, b: LocalDateTime): number {
  return localToEpochMs(a) - localToEpochMs(b);
}
