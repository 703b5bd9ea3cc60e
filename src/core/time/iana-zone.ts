import { Temporal } from 'temporal-polyfill';
import type { LocalDateTime, Zone } from './zone.js';
import { daysFromCivil, MS_PER_DAY } from './civil.js';
import { resolveWallClock } from './wall-clock.js';

/**
 * IANA zones through Temporal, made fast enough for expansion: a Temporal object per occurrence
 * costs microseconds, so each zone asks Temporal once per calendar year for that year's offset
 * transitions and answers every later question with integer arithmetic over that table.
 */

interface YearTable {
  readonly yearStart: number;
  readonly yearEnd: number;
  /** Offset in force at the start of the year (UTC). */
  readonly startOffset: number;
  /** Transition instants inside the year, ascending, with the offset from each one on. */
  readonly at: number[];
  readonly offsets: number[];
}

class IanaZone implements Zone {
  private readonly years = new Map<number, YearTable>();
  // The last answer's span of constant offset: expansion asks about nearby instants in a row.
  private spanFrom = 0;
  private spanTo = -1;
  private spanOffset = 0;

  constructor(readonly id: string) {}

  offsetMsAt(epochMs: number): number {
    if (epochMs >= this.spanFrom && epochMs < this.spanTo) return this.spanOffset;
    const year = yearOfEpochMs(epochMs);
    let table = this.years.get(year);
    if (!table) {
      table = this.buildYear(year);
      this.years.set(year, table);
    }
    let offset = table.startOffset;
    let from = table.yearStart;
    let i = 0;
    for (; i < table.at.length && table.at[i]! <= epochMs; i++) {
      offset = table.offsets[i]!;
      from = table.at[i]!;
    }
    this.spanFrom = from;
    this.spanTo = i < table.at.length ? table.at[i]! : table.yearEnd;
    this.spanOffset = offset;
    return offset;
  }

  epochMsOf(local: LocalDateTime): number {
    return resolveWallClock(local, (t) => this.offsetMsAt(t));
  }

  private buildYear(year: number): YearTable {
    const start = daysFromCivil(year, 1, 1) * MS_PER_DAY;
    const end = daysFromCivil(year + 1, 1, 1) * MS_PER_DAY;
    let zdt = Temporal.Instant.fromEpochMilliseconds(start).toZonedDateTimeISO(this.id);
    const startOffset = zdt.offsetNanoseconds / 1e6;
    const at: number[] = [];
    const offsets: number[] = [];
    for (;;) {
      const next = zdt.getTimeZoneTransition('next');
      if (!next || next.epochMilliseconds >= end) break;
      at.push(next.epochMilliseconds);
      offsets.push(next.offsetNanoseconds / 1e6);
      zdt = next;
    }
    return { yearStart: start, yearEnd: end, startOffset, at, offsets };
  }
}

function yearOfEpochMs(epochMs: number): number {
  // Fast path for the common range; exact because the table is keyed by UTC calendar year.
  const days = Math.floor(epochMs / MS_PER_DAY);
  let year = Math.floor(days / 365.2425) + 1970;
  while (daysFromCivil(year, 1, 1) > days) year--;
  while (daysFromCivil(year + 1, 1, 1) <= days) year++;
  return year;
}

const cache = new Map<string, Zone>();

export const UTC_ZONE: Zone = {
  id: 'UTC',
  offsetMsAt: () => 0,
  epochMsOf: (local) => resolveWallClock(local, () => 0),
};

/** True for a zone name Temporal knows (IANA names and links, `UTC`), false for offsets like `+08:00`. */
export function isIanaZone(id: string): boolean {
  if (typeof id !== 'string' || !/^[A-Za-z]/.test(id)) return false;
  let known = answers.get(id);
  if (known === undefined) {
    try {
      Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(id);
      known = true;
    } catch {
      known = false;
    }
    // Bounded: names can come from files and requests.
    if (answers.size < 10_000) answers.set(id, known);
  }
  return known;
}

/** Asking Temporal costs microseconds, and a refusal is an exception: answers are kept. */
const answers = new Map<string, boolean>();

/** The Zone for an IANA name; one shared instance per name so the transition tables are reused. */
export function ianaZone(id: string): Zone {
  const hit = cache.get(id);
  if (hit) return hit;
  if (!isIanaZone(id)) throw new RangeError(`"${id}" is not an IANA time zone`);
  const zone: Zone = id === 'UTC' ? UTC_ZONE : new IanaZone(id);
  cache.set(id, zone);
  return zone;
}

/** A zone with one fixed offset (e.g. a VTIMEZONE with no rules, or `+08:00` values). */
export function fixedOffsetZone(id: string, offsetMs: number): Zone {
  return { id, offsetMsAt: () => offsetMs, epochMsOf: (local) => resolveWallClock(local, () => offsetMs) };
}
