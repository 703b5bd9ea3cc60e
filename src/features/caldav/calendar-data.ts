import { type ExportEvent, writeIcsText } from '../../core/ics/index.js';
import type { LocalDate } from '../../core/recurrence/index.js';
import { ianaZone, localFromWallMs, parseLocalDate, parseLocalDateTime } from '../../core/time/index.js';
import { expandRows, meetsWindow } from '../calendar/expand-rows.js';
import type { Viewer } from '../calendars/policy.js';
import type { CalendarWithLevel } from '../calendars/repository.js';
import { exportEventOf, storedDetailFor } from '../exports/ics-export.js';
import type { StoredEntry } from '../exports/stored-entries.js';
import { caldavCondition, davError } from './errors.js';
import type { DataRequest, PropFilter, TextMatch, TimeRange } from './report-input.js';
import { resourceIcs } from './resource-ics.js';

const DAY_MS = 86_400_000;
const utcWall = (ms: number) => localFromWallMs(ms);
const addDays = (date: string, days: number): LocalDate => parseLocalDate(new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)) as LocalDate;
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);

/** Where an override's replaced occurrence started: its RECURRENCE-ID, a wall clock in the series' zone. */
function recurrenceInstant(override: StoredEntry, master: StoredEntry | undefined): number {
  return ianaZone(master?.time_zone ?? override.time_zone).epochMsOf(parseLocalDateTime(override.recurrence_id!));
}

/**
 * RFC 4791 §9.6.5: every instance in the range as a VEVENT of its own, in UTC, with its
 * RECURRENCE-ID and no RRULE, RDATE or EXDATE (all-day instances keep their dates).
 */
function expanded(viewer: Viewer, calendar: CalendarWithLevel, rows: readonly StoredEntry[], overridden: Map<string, Set<string>>, range: TimeRange): string {
  const master = rows.find((r) => r.series_id === null);
  const events = new Map(rows.map((r) => [r.id, exportEventOf(storedDetailFor(viewer, calendar, r), r, r.updated_at.getTime())]));
  const out: ExportEvent[] = [];
  const expandable = rows.map((r) => ({ ...r, start_ms: r.start_at.getTime(), end_ms: r.end_at.getTime() }));
  expandRows(expandable, overridden, range.startMs, range.endMs, (o) => {
    const row = o.row;
    const recurring = o.series !== null || row.series_id !== null;
    let recurrenceId: ExportEvent['recurrenceId'] = null;
    if (row.all_day) {
      const date = o.localDate ?? row.start_date!;
      if (recurring) recurrenceId = parseLocalDate(o.series?.recurrenceId ?? row.recurrence_id!) as LocalDate;
      out.push({ ...events.get(row.id)!, start: parseLocalDate(date) as LocalDate, end: addDays(date, daysBetween(row.start_date!, row.end_date!)), timeZone: null, rrule: null, rdate: [], exdate: [], recurrenceId });
      return;
    }
    if (recurring) recurrenceId = utcWall(o.series ? o.startMs : recurrenceInstant(row, master));
    out.push({ ...events.get(row.id)!, start: utcWall(o.startMs), end: utcWall(o.endMs), timeZone: 'UTC', rrule: null, rdate: [], exdate: [], recurrenceId });
  });
  return writeIcsText('', out, { resource: true });
}

/**
 * A resource's calendar-data as asked: whole, expanded into instances, or limited to the master
 * and the overrides that meet a range (§9.6.6) — always at the detail the viewer may see.
 */
export function calendarData(
  viewer: Viewer,
  calendar: CalendarWithLevel,
  rows: readonly StoredEntry[],
  request: DataRequest,
  overridden: Map<string, Set<string>>,
): string {
  if (request.expand) return expanded(viewer, calendar, rows, overridden, request.expand);
  const limit = request.limit;
  const kept = limit ? rows.filter((r) => r.series_id === null || meetsWindow(r.start_at.getTime(), r.end_at.getTime(), limit.startMs, limit.endMs)) : rows;
  return resourceIcs(viewer, calendar, kept);
}

const FILTERED: Record<string, (e: ExportEvent) => string | null | undefined> = {
  UID: (e) => e.uid,
  SUMMARY: (e) => e.title,
  DESCRIPTION: (e) => e.description,
  LOCATION: (e) => e.location,
  STATUS: (e) => e.status?.toUpperCase(),
  CLASS: (e) => e.visibility?.toUpperCase(),
};

export function checkPropFilters(filters: readonly PropFilter[]): void {
  const unknown = filters.find((f) => !(f.name in FILTERED));
  if (unknown) throw davError(403, `Filtering on ${unknown.name} is not supported (UID, SUMMARY, DESCRIPTION, LOCATION, STATUS, CLASS are).`, caldavCondition('supported-filter'));
}

function textMatches(value: string, m: TextMatch): boolean {
  const [v, t] = m.caseless ? [value.toLowerCase(), m.text.toLowerCase()] : [value, m.text];
  const hit = m.matchType === 'equals' ? v === t : m.matchType === 'starts-with' ? v.startsWith(t) : m.matchType === 'ends-with' ? v.endsWith(t) : v.includes(t);
  return hit !== m.negate;
}

/**
 * Whether a resource passes the property filters, judged on what the viewer sees of its master
 * (a busy block's SUMMARY is "Busy": searching cannot find a hidden title).
 */
export function passesPropFilters(viewer: Viewer, calendar: CalendarWithLevel, rows: readonly StoredEntry[], filters: readonly PropFilter[]): boolean {
  if (filters.length === 0) return true;
  const master = rows.find((r) => r.series_id === null) ?? rows[0]!;
  const event = exportEventOf(storedDetailFor(viewer, calendar, master), master, 0);
  return filters.every((f) => {
    const value = FILTERED[f.name]!(event) ?? null;
    if (f.isNotDefined) return value === null;
    if (value === null) return false;
    return f.textMatch ? textMatches(value, f.textMatch) : true;
  });
}
