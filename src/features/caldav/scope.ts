import type { Database } from '../../db/client.js';
import type { Actor } from '../auth/actor.js';
import type { OccurrenceCache } from '../calendar/occurrence-cache.js';
import { canCreateInCalendar, type Viewer } from '../calendars/policy.js';
import { type CalendarWithLevel, findAccessibleCalendar, listAccessibleCalendars } from '../calendars/repository.js';
import { notFoundHere } from './errors.js';
import type { ResourceAnswers } from './resource-answers.js';

/** Who is asking and with what: what every DAV handler is given (no HTTP request). */
export interface DavScope {
  database: Database;
  actor: Actor;
  viewer: Viewer;
  nowMs: number;
  cache: OccurrenceCache | null;
  /** Resources' answers kept between requests (resource-answers.ts). */
  answers: ResourceAnswers;
}

/**
 * The calendars a user's home lists: every one they may see, except colleagues' personal
 * calendars that everyone sees only as free/busy — an office of 300 would put 300 collections on
 * every phone. Those still answer at their URL and to free-busy-query.
 */
export async function listDavCalendars(scope: DavScope): Promise<CalendarWithLevel[]> {
  const all = await listAccessibleCalendars(scope.database.db, scope.actor);
  return all.filter((c) => !(c.type === 'personal' && c.level === 'freebusy' && c.ownerId !== scope.actor.userId));
}

/** A calendar by the id in a URL: one the user may see, else 404 (never 403: nothing is told). */
export async function davCalendar(scope: DavScope, userId: string, calendarId: string): Promise<CalendarWithLevel> {
  if (userId !== scope.actor.userId) throw notFoundHere();
  const calendar = await findAccessibleCalendar(scope.database.db, scope.actor, calendarId);
  if (!calendar) throw notFoundHere();
  return calendar;
}

/** Whether the user may add to and change entries of the calendar (module-projected entries aside). */
export const canWriteCalendar = (scope: DavScope, calendar: CalendarWithLevel): boolean =>
  canCreateInCalendar(scope.actor, calendar.level) && (!calendar.isReadOnly || scope.actor.role === 'admin');
