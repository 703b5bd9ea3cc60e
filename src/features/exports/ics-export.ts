import { type ExportCalendar, type ExportEvent, writeIcs } from '../../core/ics/index.js';
import type { LocalDate } from '../../core/recurrence/index.js';
import { ianaZone, localFromWallMs, parseLocalDate, parseLocalDateTime, type LocalDateTime } from '../../core/time/index.js';
import type { Database } from '../../db/client.js';
import type { Actor } from '../auth/actor.js';
import { type Detail, detailFor, userViewer, type Viewer } from '../calendars/policy.js';
import type { CalendarWithLevel } from '../calendars/repository.js';
import { parseRecurrenceValue } from '../entries/series.js';
import { loadEventExtras } from './event-extras.js';
import type { ExportView } from './export-view.js';
import { type StoredEntry, streamStoredEntries, zonesOfView } from './stored-entries.js';

const wallClock = (ms: number, zone: string): LocalDateTime => localFromWallMs(ms + ianaZone(zone).offsetMsAt(ms));

/** The iCalendar STATUS an entry is written with (CalDAV compares what comes back with it). */
export function icsStatus(row: Pick<StoredEntry, 'deleted_at' | 'status'>): ExportEvent['status'] {
  if (row.deleted_at || row.status === 'cancelled') return 'cancelled';
  if (row.status === 'tentative' || row.status === 'planned') return 'tentative';
  return 'confirmed';
}

/** What the viewer may see of a stored entry (overrides of private series stay private). */
export const storedDetailFor = (viewer: Viewer, calendar: CalendarWithLevel, row: StoredEntry): Detail =>
  detailFor(viewer, calendar.level, { visibility: row.visibility, organizerId: row.organizer_id, createdBy: row.created_by, seriesVisibility: row.series_visibility });

/**
 * One stored entry as a VEVENT. Times are written in the entry's own zone (all-day as dates,
 * floating without zone). At detail "busy" it is written busy-only: CLASS:PRIVATE, SUMMARY "Busy",
 * no description, location or organizer; at "titles", its title and times without the rest.
 */
export function exportEventOf(detail: Detail, row: StoredEntry, dtstamp: number): ExportEvent {
  const detailed = detail === 'full';
  const titled = detailed || detail === 'titles';
  const floating = row.is_floating && !row.all_day;
  const timeZone = row.all_day || floating ? null : row.time_zone;
  const start: LocalDateTime | LocalDate = row.all_day ? (parseLocalDate(row.start_date!) as LocalDate) : wallClock(row.start_at.getTime(), row.time_zone);
  const end: LocalDateTime | LocalDate = row.all_day ? (parseLocalDate(row.end_date!) as LocalDate) : wallClock(row.end_at.getTime(), row.time_zone);
  const recurrenceId = row.recurrence_id
    ? (/^\d{4}-\d{2}-\d{2}$/.test(row.recurrence_id) ? (parseLocalDate(row.recurrence_id) as LocalDate) : parseLocalDateTime(row.recurrence_id))
    : null;
  return {
    uid: row.uid,
    dtstamp,
    sequence: row.sequence,
    lastModified: row.updated_at.getTime(),
    title: titled ? row.title : 'Busy',
    description: detailed ? row.description : null,
    location: detailed ? row.location : null,
    status: icsStatus(row),
    visibility: !titled || row.visibility === 'private' ? 'private' : row.visibility === 'public' ? 'public' : null,
    organizer: detailed && row.organizer_email ? { address: row.organizer_email, name: row.organizer_name } : null,
    allDay: row.all_day,
    start,
    end,
    timeZone,
    rrule: row.rrule,
    rdate: row.rdate.map((v) => parseRecurrenceValue(v, 'RDATE')),
    exdate: row.exdate.map((v) => parseRecurrenceValue(v, 'EXDATE')),
    recurrenceId,
  };
}

const EXTRAS_PAGE = 500;

/**
 * The view as an iCalendar file, streamed: one VTIMEZONE per zone used (covering the years from the
 * first start to ten years past the window), then each stored entry — series with RRULE/RDATE/EXDATE,
 * overrides as RECURRENCE-ID VEVENTs — at the detail the viewer may see, and where that is full,
 * with their participants (ATTENDEE) and the viewer's reminders (VALARM), read a page of entries at a
 * time. Never expanded, never held whole in memory. `header` names the calendar (and, for feeds, how
 * often to poll).
 */
export async function* exportIcs(
  database: Database,
  who: Actor | Viewer,
  view: ExportView,
  header: string | Pick<ExportCalendar, 'name' | 'refreshMinutes'>,
  now: Date,
): AsyncGenerator<string> {
  const viewer = 'cap' in who ? who : userViewer(who);
  const { zones, fromYear } = await zonesOfView(database, view.filters);
  const toYear = new Date(view.filters.endMs).getUTCFullYear() + 10;
  const dtstamp = now.getTime();
  type Stored = { row: StoredEntry; calendar: CalendarWithLevel; detail: Detail };
  async function* withExtras(page: Stored[]): AsyncGenerator<ExportEvent> {
    // Attendees and alarms only where everything else is shown too: never on a busy or titles-only
    // event (a changed occurrence of a private series included).
    const extras = await loadEventExtras(database, viewer.actor, page.filter((p) => p.detail === 'full'));
    for (const { row, detail } of page) yield { ...exportEventOf(detail, row, dtstamp), ...(detail === 'full' ? extras.get(row.id) : undefined) };
  }
  async function* events(): AsyncGenerator<ExportEvent> {
    let page: Stored[] = [];
    for await (const row of streamStoredEntries(database, view.filters)) {
      const calendar = view.calendars.get(row.calendar_id);
      if (calendar) page.push({ row, calendar, detail: storedDetailFor(viewer, calendar, row) });
      if (page.length < EXTRAS_PAGE) continue;
      yield* withExtras(page);
      page = [];
    }
    if (page.length) yield* withExtras(page);
  }
  const named = typeof header === 'string' ? { name: header } : header;
  yield* writeIcs({ ...named, timeZones: zones, years: [fromYear, toYear] }, events());
}
