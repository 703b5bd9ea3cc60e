import { formatLocalDate, formatLocalDateTime, ianaZone, type LocalDateTime } from '../../core/time/index.js';
import type { LocalDate } from '../../core/recurrence/index.js';
import type { Database } from '../../db/client.js';
import type { Actor } from '../auth/actor.js';
import type { CalendarWithLevel } from '../calendars/repository.js';
import { occurrencesInWindow } from '../entries/series.js';
import { findFeedCandidates, findOverriddenOccurrences, type FeedRow } from './repository.js';
import type { CalendarQuery } from './schemas.js';
import { resolveView } from './view.js';

/** One thing on the calendar in the window: a single entry, an override, or one occurrence of a series. */
export interface CalendarOccurrence {
  row: FeedRow;
  calendar: CalendarWithLevel;
  startMs: number;
  endMs: number;
  /** All-day occurrences: their date. */
  localDate: string | null;
  series: { seriesId: string; recurrenceId: string } | null;
}

const recurrenceIdOf = (local: LocalDateTime | LocalDate, allDay: boolean): string =>
  allDay ? formatLocalDate(local) : formatLocalDateTime(local as LocalDateTime);

function localStartOf(row: FeedRow): string {
  if (row.all_day) return row.start_date!;
  const ms = row.start_ms;
  const d = new Date(ms + ianaZone(row.time_zone).offsetMsAt(ms));
  return d.toISOString().slice(0, 19);
}

/**
 * Every entry and occurrence that meets [start, end) in the calendars the actor can see, filtered.
 * Series are expanded only inside the window; occurrences replaced by an override row come from
 * that row instead. Shared by the range query, the overview and the conflict report.
 */
export async function collectOccurrences(database: Database, actor: Actor, query: CalendarQuery, options: { details?: boolean } = {}) {
  const { filters, calendars } = await resolveView(database, actor, query);
  const window = { startMs: filters.startMs, endMs: filters.endMs };
  const { startMs, endMs } = window;
  const occurrences: CalendarOccurrence[] = [];
  if (calendars.size === 0) return { window, occurrences };
  const rows = await findFeedCandidates(database, { ...filters, details: options.details });
  const masters = rows.filter((r) => r.rrule || r.rdate.length > 0);
  const overridden = await findOverriddenOccurrences(database, actor.organizationId, masters.map((m) => m.id));
  for (const row of rows) {
    const calendar = calendars.get(row.calendar_id)!;
    const rowStart = row.start_ms;
    const durationMs = row.end_ms - rowStart;
    if (!row.rrule && row.rdate.length === 0) {
      const overlaps = row.end_ms > startMs || (durationMs === 0 && rowStart >= startMs);
      if (overlaps && rowStart < endMs) {
        occurrences.push({ row, calendar, startMs: rowStart, endMs: rowStart + durationMs, localDate: row.all_day ? row.start_date : null, series: null });
      }
      continue;
    }
    const skip = overridden.get(row.id);
    // An occurrence that started before the window but is still running belongs in it too.
    const expanded = occurrencesInWindow(
      { allDay: row.all_day, timeZone: row.time_zone, isFloating: row.is_floating, startLocal: localStartOf(row), rrule: row.rrule, rdate: row.rdate, exdate: row.exdate },
      startMs - Math.max(durationMs, 1), endMs,
    );
    for (const occurrence of expanded) {
      if (occurrence.epochMs + durationMs <= startMs && durationMs > 0) continue;
      const recurrenceId = recurrenceIdOf(occurrence.local, row.all_day);
      if (skip?.has(recurrenceId)) continue;
      occurrences.push({
        row, calendar, startMs: occurrence.epochMs, endMs: occurrence.epochMs + durationMs,
        localDate: row.all_day ? recurrenceId : null, series: { seriesId: row.id, recurrenceId },
      });
    }
  }
  occurrences.sort((a, b) => a.startMs - b.startMs);
  return { window, occurrences };
}
