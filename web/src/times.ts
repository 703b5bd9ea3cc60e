/**
 * Wall-clock ↔ instant conversions for the entry forms, in an IANA zone. Uses temporal-polyfill's
 * tree-shakeable functions, the same ones FullCalendar 7 bundles, so they add almost nothing.
 */
import * as InstantFns from 'temporal-polyfill/fns/Instant';
import * as PlainDateFns from 'temporal-polyfill/fns/PlainDate';
import * as PlainDateTimeFns from 'temporal-polyfill/fns/PlainDateTime';
import * as ZonedDateTimeFns from 'temporal-polyfill/fns/ZonedDateTime';

const WALL_RE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

interface WallFields { year: number; month: number; day: number; hour: number; minute: number; second: number }

function parseWall(value: string): WallFields {
  const m = WALL_RE.exec(value.trim());
  if (!m) throw new RangeError(`Not a date or date-time: ${value}`);
  return { year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +(m[4] ?? 0), minute: +(m[5] ?? 0), second: +(m[6] ?? 0) };
}

export function isDateOnly(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value);
}

/** 'YYYY-MM-DDTHH:mm' read as wall time in `zone` → ISO-8601 with offset, e.g. 2026-11-25T09:00:00+08:00. */
export function wallToIso(wall: string, zone: string): string {
  const f = parseWall(wall);
  const pdt = PlainDateTimeFns.create(f.year, f.month, f.day, f.hour, f.minute, f.second);
  // A wall time skipped by a DST jump moves forward, as calendar apps do ('compatible').
  const zdt = PlainDateTimeFns.toZonedDateTime(pdt, zone, { disambiguation: 'compatible' });
  return ZonedDateTimeFns.toString(zdt, { timeZoneName: 'never', smallestUnit: 'second' });
}

/** An instant (ISO with offset or Z) → its wall time in `zone` as 'YYYY-MM-DDTHH:mm'. */
export function isoToWall(iso: string, zone: string): string {
  if (isDateOnly(iso)) return `${iso}T00:00`;
  const z = InstantFns.toZonedDateTimeISO(InstantFns.fromString(iso), zone);
  return `${pad(z.year, 4)}-${pad(z.month)}-${pad(z.day)}T${pad(z.hour)}:${pad(z.minute)}`;
}

/** A plain date plus whole days: all-day ranges are dates with an exclusive end. */
export function addDays(date: string, days: number): string {
  const f = parseWall(date);
  return PlainDateFns.toString(PlainDateFns.addDays(PlainDateFns.create(f.year, f.month, f.day), days));
}

/** Wall time plus minutes, staying a wall time (for a default one-hour slot). */
export function addMinutesToWall(wall: string, minutes: number): string {
  const f = parseWall(wall);
  const r = PlainDateTimeFns.addMinutes(PlainDateTimeFns.create(f.year, f.month, f.day, f.hour, f.minute), minutes);
  return `${pad(r.year, 4)}-${pad(r.month)}-${pad(r.day)}T${pad(r.hour)}:${pad(r.minute)}`;
}

/** The current wall time in `zone`, rounded up to the next whole hour: where a new entry starts. */
export function nextWholeHour(zone: string, nowMs = Date.now()): string {
  const z = InstantFns.toZonedDateTimeISO(InstantFns.fromEpochMilliseconds(nowMs), zone);
  const base = `${pad(z.year, 4)}-${pad(z.month)}-${pad(z.day)}T${pad(z.hour)}:00`;
  return addMinutesToWall(base, 60);
}

/** Compares two wall times or two dates of the same form. */
export function compareWall(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function isValidZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function knownZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : ['UTC', 'Asia/Manila'];
}
