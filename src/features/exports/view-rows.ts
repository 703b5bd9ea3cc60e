import type { Database } from '../../db/client.js';
import type { Actor } from '../auth/actor.js';
import { queryCalendar } from '../calendar/query-calendar.js';
import type { CalendarEvent, CalendarQuery } from '../calendar/schemas.js';
import { listAccessibleCalendars } from '../calendars/repository.js';

/** One occurrence of the view as a table row (CSV, XLSX) and as a line of the printable brief. */
export interface ViewRow {
  title: string;
  start: string;
  end: string;
  allDay: boolean;
  module: string | null;
  kind: string | null;
  status: string | null;
  priority: string | null;
  calendar: string;
  location: string | null;
  community: string | null;
  organizer: string | null;
  busyOnly: boolean;
  colour: string;
}

export const TABLE_COLUMNS = ['title', 'start', 'end', 'all-day', 'module', 'kind', 'status', 'priority', 'calendar', 'location', 'community', 'organizer'] as const;

export const tableCells = (r: ViewRow): (string | boolean)[] =>
  [r.title, r.start, r.end, r.allDay, r.module ?? '', r.kind ?? '', r.status ?? '', r.priority ?? '', r.calendar, r.location ?? '', r.community ?? '', r.organizer ?? ''];

/**
 * The occurrences of a view (the range query, so the same access rules: others' private entries
 * are "Busy" without details), with the calendar, community and organizer names the tables show.
 */
export async function viewRows(database: Database, actor: Actor, query: CalendarQuery): Promise<ViewRow[]> {
  const events: CalendarEvent[] = await queryCalendar(database, actor, query);
  const calendars = new Map((await listAccessibleCalendars(database.db, actor)).map((c) => [c.id, c.name]));
  const detailedIds = [...new Set(events.filter((e) => !e.extendedProps.busyOnly).map((e) => e.extendedProps.entryId))];
  const names = new Map<string, { community: string | null; organizer: string | null }>();
  if (detailedIds.length) {
    const rows = await database.query<{ id: string; community: string | null; organizer: string | null }>(
      `select e.id, c.name as community, u.name as organizer from entries e
       left join communities c on c.id = e.community_id left join users u on u.id = e.organizer_id
       where e.organization_id = $1 and e.id = any($2::uuid[])`,
      [actor.organizationId, detailedIds],
    );
    for (const r of rows) names.set(r.id, { community: r.community, organizer: r.organizer });
  }
  return events.map((e) => {
    const p = e.extendedProps;
    const extra = p.busyOnly ? undefined : names.get(p.entryId);
    return {
      title: e.title, start: e.start, end: e.end, allDay: e.allDay, module: p.module, kind: p.kind, status: p.status, priority: p.priority,
      calendar: calendars.get(p.calendarId) ?? '', location: p.location, community: extra?.community ?? null, organizer: extra?.organizer ?? null,
      busyOnly: p.busyOnly, colour: e.backgroundColor,
    };
  });
}
