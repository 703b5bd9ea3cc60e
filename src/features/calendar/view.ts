import type { Database } from '../../db/client.js';
import type { Actor } from '../auth/actor.js';
import { type CalendarWithLevel, listAccessibleCalendars } from '../calendars/repository.js';
import type { FeedFilters } from './repository.js';
import type { CalendarQuery } from './schemas.js';
import { resolveWindow } from './window.js';

/** A filtered view: the window, the calendars the actor may see among those asked for, the filters. */
export interface CalendarView {
  filters: FeedFilters;
  calendars: Map<string, CalendarWithLevel>;
}

/** One reading of a query for every consumer (range query, overview, exports), so they show the same things. */
export async function resolveView(database: Database, actor: Actor, query: CalendarQuery): Promise<CalendarView> {
  const { startMs, endMs } = resolveWindow(query.start, query.end, query.timeZone ?? actor.timeZone);
  const accessible = await listAccessibleCalendars(database.db, actor);
  const wanted = query.calendars ? new Set(query.calendars) : null;
  const calendars = new Map(accessible.filter((c) => !wanted || wanted.has(c.id)).map((c) => [c.id, c]));
  return {
    calendars,
    filters: {
      organizationId: actor.organizationId, startMs, endMs, calendarIds: [...calendars.keys()],
      modules: query.modules, status: query.status, priority: query.priority,
      communities: query.community, organizers: query.organizer, q: query.q,
    },
  };
}
