import { formatInstantInZone, formatLocalDate, formatLocalDateTime, ianaZone, type LocalDateTime } from '../../core/time/index.js';
import type { LocalDate } from '../../core/recurrence/index.js';
import type { Database } from '../../db/client.js';
import type { Actor } from '../auth/actor.js';
import { canEditEntry, canSeeEntryDetails } from '../calendars/policy.js';
import { type CalendarWithLevel, listAccessibleCalendars } from '../calendars/repository.js';
import { occurrencesInWindow } from '../entries/series.js';
import { findFeedCandidates, findOverriddenOccurrences, type FeedRow } from './repository.js';
import type { CalendarEvent, CalendarQuery } from './schemas.js';
import { resolveWindow } from './window.js';

const DAY_MS = 86_400_000;
const BUSY_COLOR = '#6b7280';

function addDays(date: string, days: number): string {
  const ms = Date.parse(`${date}T00:00:00Z`) + days * DAY_MS;
  return new Date(ms).toISOString().slice(0, 10);
}

function eventOf(actor: Actor, calendar: CalendarWithLevel, row: FeedRow, startMs: number, localStart: string | null, occurrence?: { seriesId: string; recurrenceId: string }): CalendarEvent {
  const owner = { visibility: row.visibility, organizerId: row.organizer_id, createdBy: row.created_by };
  const detailed = canSeeEntryDetails(actor, calendar.level, owner);
  const canEdit = detailed && canEditEntry(actor, calendar.level, owner);
  const durationMs = row.end_at.getTime() - row.start_at.getTime();
  let start: string;
  let end: string;
  if (row.all_day) {
    start = localStart ?? row.start_date!;
    const days = Math.round((Date.parse(`${row.end_date}T00:00:00Z`) - Date.parse(`${row.start_date}T00:00:00Z`)) / DAY_MS);
    end = addDays(start, days);
  } else {
    const zone = ianaZone(row.time_zone);
    start = formatInstantInZone(startMs, zone);
    end = formatInstantInZone(startMs + durationMs, zone);
  }
  const color = detailed ? calendar.color : BUSY_COLOR;
  return {
    id: occurrence ? `${occurrence.seriesId}:${occurrence.recurrenceId}` : row.id,
    title: detailed ? row.title : 'Busy',
    start,
    end,
    allDay: row.all_day,
    backgroundColor: color,
    borderColor: color,
    textColor: '#ffffff',
    editable: canEdit,
    extendedProps: {
      entryId: row.id,
      module: detailed ? row.module : null,
      kind: detailed ? row.kind : null,
      status: detailed ? row.status : null,
      priority: detailed ? row.priority : null,
      calendarId: row.calendar_id,
      location: detailed ? row.location : null,
      visibility: row.visibility,
      busyOnly: !detailed,
      ...(occurrence ?? (row.series_id ? { seriesId: row.series_id, recurrenceId: row.recurrence_id! } : {})),
      canEdit,
      canDelete: canEdit,
    },
  };
}

const recurrenceIdOf = (local: LocalDateTime | LocalDate, allDay: boolean): string =>
  allDay ? formatLocalDate(local) : formatLocalDateTime(local as LocalDateTime);

/**
 * The range query behind the calendar views: every entry and every occurrence of a series that
 * meets [start, end), as event objects, filtered by what the actor may see. Series are expanded
 * only inside the window; occurrences replaced by an override row come from that row instead.
 */
export async function queryCalendar(database: Database, actor: Actor, query: CalendarQuery): Promise<CalendarEvent[]> {
  const { startMs, endMs } = resolveWindow(query.start, query.end, query.timeZone ?? actor.timeZone);
  const accessible = await listAccessibleCalendars(database.db, actor);
  const wanted = query.calendars ? new Set(query.calendars) : null;
  const calendars = new Map(accessible.filter((c) => !wanted || wanted.has(c.id)).map((c) => [c.id, c]));
  if (calendars.size === 0) return [];
  const rows = await findFeedCandidates(database, {
    organizationId: actor.organizationId, startMs, endMs, calendarIds: [...calendars.keys()],
    modules: query.modules, status: query.status, priority: query.priority,
    communities: query.community, organizers: query.organizer, q: query.q,
  });
  const masters = rows.filter((r) => r.rrule || r.rdate.length > 0);
  const overridden = await findOverriddenOccurrences(database, actor.organizationId, masters.map((m) => m.id));
  const events: { ms: number; event: CalendarEvent }[] = [];
  for (const row of rows) {
    const calendar = calendars.get(row.calendar_id)!;
    const durationMs = row.end_at.getTime() - row.start_at.getTime();
    if (!row.rrule && row.rdate.length === 0) {
      if (row.end_at.getTime() > startMs || (durationMs === 0 && row.start_at.getTime() >= startMs)) {
        if (row.start_at.getTime() < endMs) events.push({ ms: row.start_at.getTime(), event: eventOf(actor, calendar, row, row.start_at.getTime(), null) });
      }
      continue;
    }
    const startLocal = row.all_day ? row.start_date! : formatLocalDateTime(localOf(row));
    const skip = overridden.get(row.id);
    // An occurrence that started before the window but is still running belongs in it too.
    for (const occurrence of occurrencesInWindow(
      { allDay: row.all_day, timeZone: row.time_zone, isFloating: row.is_floating, startLocal, rrule: row.rrule, rdate: row.rdate, exdate: row.exdate },
      startMs - Math.max(durationMs, 1), endMs,
    )) {
      if (occurrence.epochMs + durationMs <= startMs && durationMs > 0) continue;
      const recurrenceId = recurrenceIdOf(occurrence.local, row.all_day);
      if (skip?.has(recurrenceId)) continue;
      events.push({ ms: occurrence.epochMs, event: eventOf(actor, calendar, row, occurrence.epochMs, row.all_day ? recurrenceId : null, { seriesId: row.id, recurrenceId }) });
    }
  }
  events.sort((a, b) => a.ms - b.ms);
  return events.map((e) => e.event);
}

function localOf(row: FeedRow): LocalDateTime {
  const zone = ianaZone(row.time_zone);
  const ms = row.start_at.getTime();
  const d = new Date(ms + zone.offsetMsAt(ms));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
}
