import type { Database } from '../../db/client.js';
import type { Actor } from '../auth/actor.js';
import { type CalendarWithLevel, listAccessibleCalendars } from '../calendars/repository.js';
import type { FeedFilters } from '../calendar/repository.js';
import type { CalendarQuery } from '../calendar/schemas.js';
import { resolveWindow } from '../calendar/window.js';

/** A filtered view as the exports read it: the window, the calendars the actor may see, the filters. */
export interface ExportView {
  filters: FeedFilters;
  calendars: Map<string, CalendarWithLevel>;
}

/** The same view as the range query (same access rules and filters), for the stored-entry exports. */
export async function resolveExportView(database: Database, actor: Actor, query: CalendarQuery): Promise<ExportView> {
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

/** `where` clauses (and their parameters) for the entries of a view, as the range query selects them. */
export function viewWhere(f: FeedFilters, alias = 'e'): { where: string[]; params: unknown[] } {
  const params: unknown[] = [f.organizationId, new Date(f.startMs), new Date(f.endMs), f.calendarIds];
  const where = [
    `${alias}.organization_id = $1`,
    `${alias}.deleted_at is null`,
    `${alias}.span && tstzrange($2, $3, '[)')`,
    `${alias}.calendar_id = any($4::uuid[])`,
  ];
  const add = (clause: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  if (f.modules?.length) add((p) => `${alias}.module = any(${p}::text[])`, f.modules);
  if (f.status?.length) add((p) => `${alias}.status = any(${p}::text[])`, f.status);
  if (f.priority?.length) add((p) => `${alias}.priority = any(${p}::text[])`, f.priority);
  if (f.organizers?.length) add((p) => `${alias}.organizer_id = any(${p}::uuid[])`, f.organizers);
  if (f.communities?.length) {
    add((p) => `${alias}.community_id in (select id from communities where organization_id = $1 and path && ${p}::uuid[])`, f.communities);
  }
  if (f.q) add((p) => `${alias}.search @@ websearch_to_tsquery('simple', ${p})`, f.q);
  return { where, params };
}
