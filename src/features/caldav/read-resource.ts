import { exportIcs } from '../exports/ics-export.js';
import type { CalendarWithLevel } from '../calendars/repository.js';
import { notFoundHere } from './errors.js';
import { findResourceHeads, loadFamilies } from './repository.js';
import { resourceEtag, resourceIcs } from './resource-ics.js';
import type { DavScope } from './scope.js';

/** One resource as GET answers it: its calendar data and ETag, at the viewer's detail. */
export async function readResource(scope: DavScope, calendar: CalendarWithLevel, name: string): Promise<{ etag: string; body: string }> {
  const [head] = await findResourceHeads(scope.database, scope.actor.organizationId, calendar.id, [name]);
  const rows = head ? (await loadFamilies(scope.database, scope.actor.organizationId, [head.id])).get(head.id) : undefined;
  if (!head || !rows) throw notFoundHere();
  return { etag: resourceEtag(head.stamp, calendar.level), body: resourceIcs(scope.viewer, calendar, rows) };
}

// Every entry of a calendar, however far: PostgreSQL's timestamps and every real calendar fit in it.
const ALL_TIME = { startMs: Date.UTC(1900, 0, 1), endMs: Date.UTC(2200, 0, 1) };

/** The whole collection as one iCalendar file (GET on a calendar), streamed like an export. */
export function readCollection(scope: DavScope, calendar: CalendarWithLevel): AsyncGenerator<string> {
  const view = { calendars: new Map([[calendar.id, calendar]]), filters: { organizationId: scope.actor.organizationId, ...ALL_TIME, calendarIds: [calendar.id] } };
  return exportIcs(scope.database, scope.viewer, view, calendar.name, new Date(scope.nowMs));
}
