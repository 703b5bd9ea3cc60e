import { daysFromCivil, MS_PER_DAY } from '../time/civil.js';
import { localFromWallMs, localToEpochMs } from '../time/local.js';
import type { LocalDateTime } from '../time/zone.js';
import { expandPrepared, prepareSeries } from './expand.js';
import { parseRrule } from './rrule-parse.js';
import { RecurrenceError, type LocalDate, type RecurrenceInput, type RecurrenceValue } from './types.js';

/**
 * Series edits as pure functions: "this and following" splits a series in two at an occurrence;
 * "all occurrences" with a new rule decides which edited occurrences (overrides) survive.
 */
export type OccurrenceId = LocalDateTime | LocalDate;

export interface SeriesSplit {
  /** The old series, ended just before the occurrence; `isEmpty` when nothing of it remains (delete it). */
  readonly before: RecurrenceInput & { readonly isEmpty: boolean };
  /** The new series from the occurrence on, carrying the remaining COUNT, RDATEs and EXDATEs. */
  readonly following: RecurrenceInput;
}

const wallOfId = (id: OccurrenceId, allDay: boolean) =>
  allDay ? daysFromCivil(id.year, id.month, id.day) * MS_PER_DAY : localToEpochMs(id as LocalDateTime);

/** The occurrence start instant of a RECURRENCE-ID in the series, or null when it is not an occurrence. */
export function occurrenceInstant(series: RecurrenceInput, id: OccurrenceId): number | null {
  const prepared = prepareSeries(series);
  const epoch = prepared.toEpoch(wallOfId(id, series.allDay));
  const hit = expandPrepared(prepared, { between: [epoch, epoch + 1], max: 1 });
  return hit.length ? epoch : null;
}

function withEnd(rrule: string, end: string): string {
  const kept = rrule.replace(/^RRULE:/i, '').split(';').filter((p) => p && !/^(COUNT|UNTIL)=/i.test(p));
  return [...kept, end].join(';');
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function valueEpoch(v: RecurrenceValue, prepared: ReturnType<typeof prepareSeries>, allDay: boolean): number {
  if (v.kind === 'instant') return v.epochMs;
  const wall = v.kind === 'local' ? localToEpochMs(v.value) : daysFromCivil(v.value.year, v.value.month, v.value.day) * MS_PER_DAY;
  return prepared.toEpoch(allDay ? Math.floor(wall / MS_PER_DAY) * MS_PER_DAY : wall);
}

/** Moves a value by `deltaMs` of wall-clock time (a moved series keeps its exceptions aligned). */
function shift(v: RecurrenceValue, deltaMs: number, allDay: boolean): RecurrenceValue {
  if (deltaMs === 0) return v;
  if (v.kind === 'instant') return { kind: 'instant', epochMs: v.epochMs + deltaMs };
  const wall = (v.kind === 'local' ? localToEpochMs(v.value) : daysFromCivil(v.value.year, v.value.month, v.value.day) * MS_PER_DAY) + deltaMs;
  const l = localFromWallMs(wall);
  return allDay || v.kind === 'date' ? { kind: 'date', value: { year: l.year, month: l.month, day: l.day } } : { kind: 'local', value: l };
}

/**
 * "This and following": ends the series before occurrence `id` and starts a new one there.
 * With COUNT the count is shared out (old keeps the instances before, new gets the rest); with
 * UNTIL or no end the old rule gets UNTIL one second (all-day: one day) before the occurrence.
 * `change.start` moves the new series (its EXDATEs move with it); `change.rrule` replaces its rule.
 */
export function splitSeries(series: RecurrenceInput, id: OccurrenceId, change: { start?: OccurrenceId; rrule?: string | null } = {}): SeriesSplit {
  const prepared = prepareSeries(series);
  const splitEpoch = occurrenceInstant(series, id);
  if (splitEpoch === null) throw new RecurrenceError('the RECURRENCE-ID is not an occurrence of this series', 'RECURRENCE-ID');
  const { allDay } = series;
  const rule = prepared.rule;
  const rrule = series.rrule ?? null;
  // RRULE instances before the split, counted the way COUNT counts them (before EXDATE).
  const bare = prepareSeries({ ...series, rdate: [], exdate: [] });
  const ruleBefore = rule ? expandPrepared(bare, { between: [-Infinity, splitEpoch], max: rule.count ?? Infinity }).length : 0;

  let beforeRule: string | null = rrule;
  let followingRule: string | null = rrule;
  if (rrule && rule) {
    if (rule.count !== null) {
      beforeRule = ruleBefore > 0 ? withEnd(rrule, `COUNT=${ruleBefore}`) : null;
      const remaining = rule.count - ruleBefore;
      followingRule = remaining > 0 ? withEnd(rrule, `COUNT=${remaining}`) : null;
    } else if (allDay) {
      const d = localFromWallMs(wallOfId(id, true) - MS_PER_DAY);
      beforeRule = withEnd(rrule, `UNTIL=${d.year}${pad(d.month)}${pad(d.day)}`);
    } else {
      const u = localFromWallMs(splitEpoch - 1000);
      beforeRule = withEnd(rrule, `UNTIL=${u.year}${pad(u.month)}${pad(u.day)}T${pad(u.hour)}${pad(u.minute)}${pad(u.second)}Z`);
    }
  }
  if (change.rrule !== undefined) followingRule = change.rrule;
  if (followingRule) parseRrule(followingRule);

  const isBefore = (v: RecurrenceValue) => valueEpoch(v, prepared, allDay) < splitEpoch;
  const rdate = series.rdate ?? [];
  const exdate = series.exdate ?? [];
  const before: RecurrenceInput = {
    ...series,
    rrule: beforeRule,
    rdate: rdate.filter(isBefore),
    exdate: exdate.filter(isBefore),
  };
  // With COUNT exhausted and no RDATE left, DTSTART alone would survive: an empty old series.
  const beforeOccurrences = ruleBefore > 0 || before.rdate!.length > 0
    ? expandPrepared(prepareSeries(before), { between: [-Infinity, splitEpoch], max: 1 }).length
    : 0;
  const newStart = change.start ?? id;
  const delta = wallOfId(newStart, allDay) - wallOfId(id, allDay);
  const following: RecurrenceInput = {
    ...series,
    start: newStart,
    rrule: followingRule,
    rdate: rdate.filter((v) => !isBefore(v)).map((v) => shift(v, delta, allDay)),
    exdate: exdate.filter((v) => !isBefore(v)).map((v) => shift(v, delta, allDay)),
  };
  return { before: { ...before, isEmpty: beforeOccurrences === 0 }, following };
}

/**
 * "All occurrences" with a changed rule or start: which existing overrides (by RECURRENCE-ID) still
 * fall on an occurrence of the changed series and are kept, and which are dropped (to report).
 */
export function reconcileOverrides<T extends OccurrenceId>(changed: RecurrenceInput, overrideIds: readonly T[]): { kept: T[]; dropped: T[] } {
  const kept: T[] = [];
  const dropped: T[] = [];
  for (const id of overrideIds) (occurrenceInstant(changed, id) === null ? dropped : kept).push(id);
  return { kept, dropped };
}
