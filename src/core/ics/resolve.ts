import { validateRrule } from '../recurrence/index.js';
import type { RecurrenceInput, RecurrenceValue } from '../recurrence/types.js';
import { formatLocalDateTime, localToEpochMs, UTC_ZONE, type LocalDateTime, type Zone } from '../time/index.js';
import { IcsError } from './errors.js';
import type { ParsedEvent } from './event.js';
import type { TzidResolver } from './tzid.js';
import type { IcsPeriod, IcsTime } from './values.js';

/** A VEVENT with its zones resolved and checked: ready to expand, map or compare. */
export interface ResolvedEvent {
  readonly event: ParsedEvent;
  readonly allDay: boolean;
  /** The wall clock's zone; null for floating and all-day events. */
  readonly zone: Zone | null;
  /** The zone DTEND is written in (its own TZID, UTC for Z, else the event's). */
  readonly endZone: Zone | null;
  readonly startMs: number;
  /** DTEND as an instant, when there is a DTEND. */
  readonly endMs: number | null;
  readonly recurrenceIdMs: number | null;
  readonly recurrence: RecurrenceInput;
  /** RDATE;VALUE=PERIOD: occurrence start instant → its end instant. */
  readonly periodEnds: ReadonlyMap<number, number>;
}

export type IcsTimeResolver = (time: IcsTime) => number;

/** A function placing any IcsTime on the time line: floating and dates in `floatingZone`. */
export function timeResolver(zones: TzidResolver, floatingZone: Zone): (t: IcsTime, line: number) => number {
  return (t, line) => {
    switch (t.kind) {
      case 'date':
        return floatingZone.epochMsOf({ ...t.date, hour: 0, minute: 0, second: 0 });
      case 'floating':
        return floatingZone.epochMsOf(t.local);
      case 'utc':
        return localToEpochMs(t.local);
      case 'zoned': {
        const zone = zones.resolve(t.tzid);
        if (!zone) throw unknownTzid(t.tzid, line);
        return zone.epochMsOf(t.local);
      }
    }
  };
}

export function unknownTzid(tzid: string, line: number): IcsError {
  return new IcsError(line, `TZID "${tzid}" has no VTIMEZONE in the file and is neither an IANA nor a Windows time zone name`);
}

function zoneOf(t: IcsTime, zones: TzidResolver, line: number): Zone | null {
  if (t.kind === 'utc') return UTC_ZONE;
  if (t.kind !== 'zoned') return null;
  const zone = zones.resolve(t.tzid);
  if (!zone) throw unknownTzid(t.tzid, line);
  return zone;
}

function localOf(t: IcsTime): LocalDateTime {
  return t.kind === 'date' ? { ...t.date, hour: 0, minute: 0, second: 0 } : t.local;
}

/**
 * Resolves and checks one VEVENT: every TZID known, the RRULE valid, DTEND not before DTSTART
 * (compared as instants, so 13:00 in Manila may follow 08:00 in London). Throws IcsError naming
 * the line at fault.
 */
export function resolveEvent(event: ParsedEvent, zones: TzidResolver, floatingZone: Zone): ResolvedEvent {
  for (const use of event.tzidUses) if (!zones.resolve(use.value)) throw unknownTzid(use.value, use.line);
  const instant = timeResolver(zones, floatingZone);
  if (event.rrule) {
    const verdict = validateRrule(event.rrule.value);
    if (!verdict.ok) throw new IcsError(event.rrule.line, verdict.error.message);
  }
  const start = event.start.value;
  const allDay = start.kind === 'date';
  const zone = zoneOf(start, zones, event.start.line);
  const startMs = instant(start, event.start.line);
  let endMs: number | null = null;
  let endZone = zone;
  if (event.end) {
    endMs = instant(event.end.value, event.end.line);
    endZone = zoneOf(event.end.value, zones, event.end.line) ?? zone;
    const floatingPair = start.kind !== 'utc' && start.kind !== 'zoned' && event.end.value.kind !== 'utc' && event.end.value.kind !== 'zoned';
    const startWall = localToEpochMs(localOf(start));
    const endWall = localToEpochMs(localOf(event.end.value));
    if (floatingPair ? endWall < startWall : endMs < startMs) {
      throw new IcsError(event.end.line, `DTEND (${formatLocalDateTime(localOf(event.end.value))}) is earlier than DTSTART (${formatLocalDateTime(localOf(start))}) of the same event`);
    }
  }
  if (event.duration && event.duration.value.sign < 0) {
    throw new IcsError(event.duration.line, 'DURATION of an event is negative');
  }
  const toValue = (t: IcsTime, line: number): RecurrenceValue => {
    if (t.kind === 'date') return { kind: 'date', value: t.date };
    if (t.kind === 'floating') return { kind: 'local', value: t.local };
    if (t.kind === 'zoned' && zone && zones.resolve(t.tzid) === zone) return { kind: 'local', value: t.local };
    return { kind: 'instant', epochMs: instant(t, line) };
  };
  const periodEnds = new Map<number, number>();
  const rdate = event.rdate.map(({ value, line }) => {
    if (!isPeriod(value)) return toValue(value, line);
    const s = instant(value.start, line);
    const e = 'kind' in value.end ? instant(value.end, line) : s + periodDurationMs(value);
    periodEnds.set(s, e);
    return toValue(value.start, line);
  });
  const recurrence: RecurrenceInput = {
    start: allDay ? (start as { date: RecurrenceInput['start'] }).date : localOf(start),
    allDay,
    zone,
    rrule: event.rrule?.value ?? null,
    rdate,
    exdate: event.exdate.map(({ value, line }) => toValue(value, line)),
  };
  const recurrenceIdMs = event.recurrenceId ? instant(event.recurrenceId.value, event.recurrenceId.line) : null;
  return { event, allDay, zone, endZone, startMs, endMs, recurrenceIdMs, recurrence, periodEnds };
}

export function isPeriod(v: IcsTime | IcsPeriod): v is IcsPeriod {
  return 'start' in v;
}

function periodDurationMs(p: IcsPeriod): number {
  const d = p.end as Exclude<IcsPeriod['end'], IcsTime>;
  return d.sign * ((((d.weeks * 7 + d.days) * 24 + d.hours) * 60 + d.minutes) * 60 + d.seconds) * 1000;
}
