import { formatLocalDate, formatLocalDateTime, ianaZone, type LocalDateTime } from '../../core/time/index.js';
import type { LocalDate } from '../../core/recurrence/index.js';
import { occurrencesInWindow } from '../entries/series.js';
import type { FeedRow } from './repository.js';

/** What expanding needs of a row: the range query's rows, and the stored rows CalDAV expands. */
export type ExpandableRow = Pick<FeedRow, 'id' | 'all_day' | 'is_floating' | 'start_ms' | 'end_ms' | 'start_date' | 'time_zone' | 'rrule' | 'rdate' | 'exdate'>;

/** One thing on the calendar in a window: a single entry, an override, or one occurrence of a series. */
export interface Expanded<R extends ExpandableRow> {
  row: R;
  startMs: number;
  endMs: number;
  /** All-day occurrences: their date. */
  localDate: string | null;
  series: { seriesId: string; recurrenceId: string } | null;
}
export type WindowOccurrence = Expanded<FeedRow>;

const recurrenceIdOf = (local: LocalDateTime | LocalDate, allDay: boolean): string =>
  allDay ? formatLocalDate(local) : formatLocalDateTime(local as LocalDateTime);

function localStartOf(row: ExpandableRow): string {
  if (row.all_day) return row.start_date!;
  const ms = row.start_ms;
  const d = new Date(ms + ianaZone(row.time_zone).offsetMsAt(ms));
  return d.toISOString().slice(0, 19);
}

/** Whether [startMs, endMs) meets the window; an instant (no duration) meets it when it lies inside. */
export function meetsWindow(startMs: number, endMs: number, windowStartMs: number, windowEndMs: number): boolean {
  return startMs < windowEndMs && (endMs > windowStartMs || (endMs === startMs && startMs >= windowStartMs));
}

export const isSeriesMaster = (row: Pick<FeedRow, 'rrule' | 'rdate'>): boolean => row.rrule !== null || row.rdate.length > 0;

/**
 * Everything the rows put in [startMs, endMs): single entries and overrides as they are, series
 * expanded only inside the window, minus the occurrences an override row replaces (`overridden`:
 * RECURRENCE-IDs per series). The one definition shared by the range query and its cache.
 */
export function expandRows<R extends ExpandableRow>(rows: Iterable<R>, overridden: Map<string, Set<string>>, startMs: number, endMs: number, emit: (o: Expanded<R>) => void): void {
  for (const row of rows) {
    const rowStart = row.start_ms;
    const durationMs = row.end_ms - rowStart;
    if (!isSeriesMaster(row)) {
      if (meetsWindow(rowStart, row.end_ms, startMs, endMs)) emit({ row, startMs: rowStart, endMs: row.end_ms, localDate: row.all_day ? row.start_date : null, series: null });
      continue;
    }
    const skip = overridden.get(row.id);
    // An occurrence that started before the window but is still running belongs in it too.
    const expanded = occurrencesInWindow(
      { allDay: row.all_day, timeZone: row.time_zone, isFloating: row.is_floating, startLocal: localStartOf(row), rrule: row.rrule, rdate: row.rdate, exdate: row.exdate },
      startMs - Math.max(durationMs, 1), endMs,
    );
    for (const occurrence of expanded) {
      if (!meetsWindow(occurrence.epochMs, occurrence.epochMs + durationMs, startMs, endMs)) continue;
      const recurrenceId = recurrenceIdOf(occurrence.local, row.all_day);
      if (skip?.has(recurrenceId)) continue;
      emit({ row, startMs: occurrence.epochMs, endMs: occurrence.epochMs + durationMs, localDate: row.all_day ? recurrenceId : null, series: { seriesId: row.id, recurrenceId } });
    }
  }
}
