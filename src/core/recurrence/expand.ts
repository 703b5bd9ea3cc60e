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

type UntilMode = 'none' | 'wall' | 'epoch';

/**
 * Everything about a series that does not depend on the window: parse once, expand many times.
 * A class with methods rather than closures: the server runs through tsx, whose esbuild keeps
 * function names by wrapping every named closure in a call each time it is made, which cost a
 * third of the time of expanding ten thousand series.
 */
export class PreparedSeries {
  readonly rule: ParsedRule | null;
  readonly zone: Zone;
  readonly dtWall: number;
  readonly exdates: Set<number>;
  readonly exdays: Set<number>;
  readonly rdates: Point[];
  private readonly offsetAt: (epochMs: number) => number;
  private readonly untilMode: UntilMode = 'none';
  private readonly untilLimit = Infinity;

  constructor(readonly input: RecurrenceInput, floatingZone?: Zone) {
    const zone = (!input.allDay && input.zone) || floatingZone || ianaZone(DEFAULT_FLOATING_ZONE);
    this.zone = zone;
    this.offsetAt = zone.offsetMsAt.bind(zone);
    const s = input.start as LocalDateTime;
    this.dtWall = input.allDay ? daysFromCivil(s.year, s.month, s.day) * MS_PER_DAY : localToEpochMs(s);
    const rule = input.rrule ? parseRrule(input.rrule) : null;
    this.rule = rule;
    if (rule && input.allDay) {
      if (rule.freq === 'HOURLY' || rule.freq === 'MINUTELY' || rule.freq === 'SECONDLY') {
        throw new RecurrenceError(`FREQ=${rule.freq} is not allowed for an all-day series`, 'FREQ');
      }
      for (const part of ['byHour', 'byMinute', 'bySecond'] as const) {
        if (rule[part]) throw new RecurrenceError(`${part.toUpperCase()} is not allowed for an all-day series`, part.toUpperCase());
      }
    }
    const u = rule?.until;
    if (u?.kind === 'date') {
      this.untilMode = 'wall';
      this.untilLimit = daysFromCivil(u.value.year, u.value.month, u.value.day) * MS_PER_DAY + (input.allDay ? 0 : MS_PER_DAY - 1);
    } else if (u && input.allDay) {
      this.untilMode = 'wall';
      this.untilLimit = Math.floor((u.kind === 'instant' ? u.epochMs : localToEpochMs(u.value)) / MS_PER_DAY) * MS_PER_DAY;
    } else if (u) {
      this.untilMode = 'epoch';
      this.untilLimit = u.kind === 'instant' ? u.epochMs : this.toEpoch(localToEpochMs(u.value));
    }

    const hasExdates = (input.exdate?.length ?? 0) > 0;
    this.exdates = hasExdates ? new Set<number>() : NO_VALUES;
    this.exdays = hasExdates ? new Set<number>() : NO_VALUES;
    for (const v of input.exdate ?? []) {
      if (v.kind === 'date' && !input.allDay) this.exdays.add(daysFromCivil(v.value.year, v.value.month, v.value.day));
      else this.exdates.add(input.allDay ? this.toEpoch(Math.floor(this.wallOf(v) / MS_PER_DAY) * MS_PER_DAY) : this.epochOf(v));
    }
    this.rdates = !input.rdate?.length ? NO_POINTS : input.rdate
      .map((v) => {
        const wall = input.allDay ? Math.floor(this.wallOf(v) / MS_PER_DAY) * MS_PER_DAY : this.wallOf(v);
        return { wall, epoch: input.allDay ? this.toEpoch(wall) : this.epochOf(v) };
      })
      .sort((a, b) => a.epoch - b.epoch);
  }

  /** The instant of a wall time in the series' zone (RFC 5545 3.3.5 for gaps and overlaps). */
  toEpoch(wall: number): number {
    return resolveWallMs(wall, this.offsetAt);
  }

  /** Whether UNTIL lies before this instance. */
  untilPassed(wall: number, epoch: number): boolean {
    if (this.untilMode === 'wall') return wall > this.untilLimit;
    return this.untilMode === 'epoch' && epoch > this.untilLimit;
  }

  private wallOf(v: RecurrenceValue): number {
    if (v.kind === 'local') return localToEpochMs(v.value);
    if (v.kind === 'date') return daysFromCivil(v.value.year, v.value.month, v.value.day) * MS_PER_DAY + (this.input.allDay ? 0 : this.dtWall % MS_PER_DAY);
    return v.epochMs + this.zone.offsetMsAt(v.epochMs);
  }

  private epochOf(v: RecurrenceValue): number {
    return v.kind === 'instant' ? v.epochMs : this.toEpoch(this.wallOf(v));
  }
}

export function prepareSeries(input: RecurrenceInput, floatingZone?: Zone): PreparedSeries {
  return new PreparedSeries(input, floatingZone);
}

/** Collects the occurrences of one expansion that fall in the window, in order, without repeats. */
class WindowCollector {
  readonly out: Occurrence[] = [];
  finished = false;
  private lastEpoch = Number.NaN;

  constructor(
    private readonly series: PreparedSeries,
    private readonly winStart: number,
    private readonly winEnd: number,
    private readonly max: number,
  ) {}

  emit(wall: number, epoch: number, fromRdate: boolean): void {
    if (epoch === this.lastEpoch) return;
    if (epoch >= this.winEnd) {
      this.finished = true;
      return;
    }
    const { exdates, exdays } = this.series;
    if (exdates.has(epoch) || (exdays.size && exdays.has(Math.floor(wall / MS_PER_DAY)))) return;
    this.lastEpoch = epoch;
    if (epoch < this.winStart) return;
    this.out.push({ local: toLocal(wall, this.series.input.allDay), epochMs: epoch, fromRdate });
    if (this.out.length >= this.max) this.finished = true;
  }
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
  const { rule, dtWall, rdates } = series;
  const [winStart, winEnd] = options.between ?? [-Infinity, Infinity];
  const max = options.max ?? (options.between ? Infinity : DEFAULT_MAX);
  const collector = new WindowCollector(series, winStart, winEnd, max);
  if (max <= 0 || winEnd <= winStart) return collector.out;

  const fromDay = options.between && rule && rule.count === null ? Math.floor(winStart / MS_PER_DAY) - 2 : null;
  const stream = rule ? openStream(rule, dtWall, fromDay) : null;
  let count = 0;
  let ri = 0;

  // Wall times this far before the window start cannot reach it; UNTIL cannot end them either.
  const untilLimit = rule?.until ? untilWallBound(rule) : Infinity;
  const skipBelow = Math.min(winStart, untilLimit) - 2 * MS_PER_DAY;
  let wall: number | null = dtWall;
  let first = true;
  while (!collector.finished) {
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
    const epoch = series.toEpoch(wall);
    if (series.untilPassed(wall, epoch)) break;
    count++;
    while (!collector.finished && ri < rdates.length && rdates[ri]!.epoch < epoch) collector.emit(rdates[ri]!.wall, rdates[ri++]!.epoch, true);
    if (collector.finished) break;
    collector.emit(wall, epoch, false);
    if (rule?.count != null && count >= rule.count) break;
    if (!rule) break;
  }
  while (!collector.finished && ri < rdates.length) collector.emit(rdates[ri]!.wall, rdates[ri++]!.epoch, true);
  return collector.out;
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
