import { MS_PER_DAY } from '../time/civil.js';
import { expandPrepared, prepareSeries } from './expand.js';
import { openStream } from './streams.js';
import type { ExpandOptions, RecurrenceInput } from './types.js';

/** Past this many occurrences a bounded series is indexed as unbounded (a safe superset). */
const SPAN_SCAN_LIMIT = 100_000;

export interface SeriesSpan {
  /** Start instant of the first occurrence (NaN when the set is empty). */
  readonly firstStartMs: number;
  /** Start instant of the last occurrence; null when the series has no end. */
  readonly lastStartMs: number | null;
}

/**
 * First and last occurrence start of a series, for the first-start/last-end index that lets a
 * range query expand only candidate series. Add the event duration to lastStartMs for the last end.
 */
export function seriesSpan(input: RecurrenceInput, options: Pick<ExpandOptions, 'floatingZone'> = {}): SeriesSpan {
  const series = prepareSeries(input, options.floatingZone);
  const first = expandPrepared(series, { max: 1 })[0];
  const firstStartMs = first ? first.epochMs : NaN;
  const rule = series.rule;
  if (rule && rule.count === null && rule.until === null) {
    return { firstStartMs, lastStartMs: ruleHasInstances(input, options) ? null : lastOf(series) };
  }
  return { firstStartMs, lastStartMs: lastOf(series) };
}

function lastOf(series: ReturnType<typeof prepareSeries>): number | null {
  const all = expandPrepared(series, { max: SPAN_SCAN_LIMIT + 1 });
  if (all.length > SPAN_SCAN_LIMIT) return null;
  return all.length ? all[all.length - 1]!.epochMs : NaN;
}

/**
 * Whether the RRULE itself yields at least one instance (DTSTART aside). A rule like
 * BYMONTH=2;BYMONTHDAY=31 yields none: expansion gives up after 400 years of empty periods.
 */
export function ruleHasInstances(input: RecurrenceInput, options: Pick<ExpandOptions, 'floatingZone'> = {}): boolean {
  const series = prepareSeries(input, options.floatingZone);
  if (!series.rule) return false;
  const stream = openStream(series.rule, series.dtWall, null);
  const firstWall = stream.next();
  if (firstWall === null) return false;
  return !series.untilPassed(firstWall, series.toEpoch(firstWall));
}

/**
 * Whether a series has any occurrence worth creating: the recurrence set minus EXDATE is not
 * empty, and a given RRULE matches at least one date (the API refuses rules that never occur,
 * even though RFC 5545 would still count DTSTART itself).
 */
export function hasAnyOccurrence(input: RecurrenceInput, options: Pick<ExpandOptions, 'floatingZone'> = {}): boolean {
  if (input.rrule && !ruleHasInstances(input, options)) return false;
  return expandRecurrence1(input, options);
}

function expandRecurrence1(input: RecurrenceInput, options: Pick<ExpandOptions, 'floatingZone'>): boolean {
  return expandPrepared(prepareSeries(input, options.floatingZone), { max: 1 }).length > 0;
}

/** Whether DTSTART is itself an instance of its rule (RFC 5545 wants them synchronised). */
export function isStartOnRule(input: RecurrenceInput, options: Pick<ExpandOptions, 'floatingZone'> = {}): boolean {
  const series = prepareSeries(input, options.floatingZone);
  if (!series.rule) return true;
  const day = Math.floor(series.dtWall / MS_PER_DAY);
  const stream = openStream(series.rule, series.dtWall, day);
  return stream.next() === series.dtWall;
}
