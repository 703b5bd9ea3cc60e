import { civilFromDays, daysFromCivil, MS_PER_DAY } from '../time/civil.js';
import { ianaZone } from '../time/iana-zone.js';
import { localFromWallMs, localToEpochMs } from '../time/local.js';
import { resolveWallMs } from '../time/wall-clock.js';
import type { LocalDateTime, Zone } from '../time/zone.js';
import { parseRrule, type ParsedRule } from './rrule-parse.js';
import { openStream } from './streams.js';
import { RecurrenceError, type ExpandOptions, type LocalDate, type Occurrence, type RecurrenceInput, type RecurrenceValue } from './types.js';

/** Without `between` or `max`, at most this many occurrences are listed (an unbounded rule never ends). */
export const DEFAULT_MAX = 10_000;
const DEFAULT_FLOATING_ZONE = 'Asia/Manila';

interface Point {
  wall: number;
  epoch: number;
}

const NO_VALUES: Set<number> = new Set();
const NO_POINTS: Point[] = [];

/** Everything about a series that does not depend on the window: parse once, expand many times. */
export interface PreparedSeries {
  readonly input: RecurrenceInput;
  readonly rule: ParsedRule | null;
  readonly zone: Zone;
  readonly dtWall: number;
  readonly toEpoch: (wall: number) => number;
  readonly untilPassed: (wall: number, epoch: number) => boolean;
  readonly exdates: Set<number>;
  readonly exdays: Set<number>;
  readonly rdates: Point[];
}

export function prepareSeries(input: RecurrenceInput, floatingZone?: Zone): PreparedSeries {
  const zone = (!input.allDay && input.zone) || floatingZone || ianaZone(DEFAULT_FLOATING_ZONE);
  const offsetAt = (t: number) => zone.offsetMsAt(t);
  const toEpoch = (wall: number) => resolveWallMs(wall, offsetAt);
  const s = input.start as LocalDateTime;
  const dtWall = input.allDay ? daysFromCivil(s.year, s.month, s.day) * MS_PER_DAY : localToEpochMs(s);
  const rule = input.rrule ? parseRrule(input.rrule) : null;
  if (rule && input.allDay) {
    if (rule.freq === 'HOURLY' || rule.freq === 'MINUTELY' || rule.freq === 'SECONDLY') {
      throw new RecurrenceError(`FREQ=${rule.freq} is not allowed for an all-day series`, 'FREQ');
    }
    for (const part of ['byHour', 'byMinute', 'bySecond'] as const) {
      if (rule[part]) throw new RecurrenceError(`${part.toUpperCase()} is not allowed for an all-day series`, part.toUpperCase());
    }
  }
  const wallOf = (v: RecurrenceValue): number => {
    if (v.kind === 'local') return localToEpochMs(v.value);
    if (v.kind === 'date') return daysFromCivil(v.value.year, v.value.month, v.value.day) * MS_PER_DAY + (input.allDay ? 0 : dtWall % MS_PER_DAY);
    return v.epochMs + zone.offsetMsAt(v.epochMs);
  };
  const epochOf = (v: RecurrenceValue): number => (v.kind === 'instant' ? v.epochMs : toEpoch(wallOf(v)));

  const hasExdates = (input.exdate?.length ?? 0) > 0;
  const exdates = hasExdates ? new Set<number>() : NO_VALUES;
  const exdays = hasExdates ? new Set<number>() : NO_VALUES;
  for (const v of input.exdate ?? []) {
    if (v.kind === 'date' && !input.allDay) exdays.add(daysFromCivil(v.value.year, v.value.month, v.value.day));
    else exdates.add(input.allDay ? toEpoch(Math.floor(wallOf(v) / MS_PER_DAY) * MS_PER_DAY) : epochOf(v));
  }
  const rdates: Point[] = !input.rdate?.length ? NO_POINTS : input.rdate
    .map((v) => {
      const wall = input.allDay ? Math.floor(wallOf(v) / MS_PER_DAY) * MS_PER_DAY : wallOf(v);
      return { wall, epoch: input.allDay ? toEpoch(wall) : epochOf(v) };
    })
    .sort((a, b) => a.epoch - b.epoch);
  return { input, rule, zone, dtWall, toEpoch, untilPassed: untilTest(rule, input.allDay, toEpoch), exdates, exdays, rdates };
}

function untilTest(rule: ParsedRule | null, allDay: boolean, toEpoch: (wall: number) => number): PreparedSeries['untilPassed'] {
  const u = rule?.until;
  if (!u) return () => false;
  if (u.kind === 'date') {
    const lastWall = daysFromCivil(u.value.year, u.value.month, u.value.day) * MS_PER_DAY + (allDay ? 0 : MS_PER_DAY - 1);
    return (wall) => wall > lastWall;
  }
  if (allDay) {
    const lastWall = u.kind === 'instant' ? Math.floor(u.epochMs / MS_PER_DAY) * MS_PER_DAY : Math.floor(localToEpochMs(u.value) / MS_PER_DAY) * MS_PER_DAY;
    return (wall) => wall > lastWall;
  }
  const limit = u.kind === 'instant' ? u.epochMs : toEpoch(localToEpochMs(u.value));
  return (_wall, epoch) => epoch > limit;
}

/**
 * The recurrence set (RRULE instances ∪ RDATE) − EXDATE, ascending by start instant, limited to
 * `between` ([start, end) on instants) and `max`. COUNT counts RRULE instances (DTSTART included)
 * before EXDATE removes any; UNTIL is inclusive; a value given twice appears once.
 */
export function expandRecurrence(input: RecurrenceInput, options: ExpandOptions = {}): Occurrence[] {
  return expandPrepared(prepareSeries(input, options.floatingZone), options);
}

export function expandPrepared(series: PreparedSeries, options: ExpandOptions = {}): Occurrence[] {
  const { rule, dtWall, toEpoch, untilPassed, exdates, exdays, rdates, input } = series;
  const [winStart, winEnd] = options.between ?? [-Infinity, Infinity];
  const max = options.max ?? (options.between ? Infinity : DEFAULT_MAX);
  const out: Occurrence[] = [];
  if (max <= 0 || winEnd <= winStart) return out;

  const fromDay = options.between && rule && rule.count === null ? Math.floor(winStart / MS_PER_DAY) - 2 : null;
  const stream = rule ? openStream(rule, dtWall, fromDay) : null;
  let count = 0;
  let ri = 0;
  let lastEpoch = NaN;
  let finished = false;

  const emit = (wall: number, epoch: number, fromRdate: boolean): void => {
    if (epoch === lastEpoch) return;
    if (epoch >= winEnd) {
      finished = true;
      return;
    }
    if (exdates.has(epoch) || (exdays.size && exdays.has(Math.floor(wall / MS_PER_DAY)))) return;
    lastEpoch = epoch;
    if (epoch < winStart) return;
    out.push({ local: toLocal(wall, input.allDay), epochMs: epoch, fromRdate });
    if (out.length >= max) finished = true;
  };

  // Wall times this far before the window start cannot reach it; UNTIL cannot end them either.
  const untilLimit = rule?.until ? untilWallBound(rule) : Infinity;
  const skipBelow = Math.min(winStart, untilLimit) - 2 * MS_PER_DAY;
  let wall: number | null = dtWall;
  let first = true;
  while (!finished) {
    if (!first) wall = stream ? stream.next() : null;
    if (wall !== null && !first && wall <= dtWall) continue;
    first = false;
    if (wall === null) break;
    // Far before the window (more than any UTC offset), an instance only needs counting.
    if (wall < skipBelow && rdates.length === 0) {
      count++;
      if (rule?.count != null && count >= rule.count) break;
      if (!rule) break;
      continue;
    }
    const epoch = toEpoch(wall);
    if (untilPassed(wall, epoch)) break;
    count++;
    while (!finished && ri < rdates.length && rdates[ri]!.epoch < epoch) emit(rdates[ri]!.wall, rdates[ri++]!.epoch, true);
    if (finished) break;
    emit(wall, epoch, false);
    if (rule?.count != null && count >= rule.count) break;
    if (!rule) break;
  }
  while (!finished && ri < rdates.length) emit(rdates[ri]!.wall, rdates[ri++]!.epoch, true);
  return out;
}

/** A wall time before which UNTIL has surely not passed (UNTIL's own wall time read as UTC). */
function untilWallBound(rule: ParsedRule): number {
  const u = rule.until!;
  if (u.kind === 'instant') return u.epochMs;
  if (u.kind === 'date') return daysFromCivil(u.value.year, u.value.month, u.value.day) * MS_PER_DAY;
  return localToEpochMs(u.value);
}

function toLocal(wall: number, allDay: boolean): LocalDateTime | LocalDate {
  if (allDay) return civilFromDays(Math.floor(wall / MS_PER_DAY));
  return localFromWallMs(wall);
}
