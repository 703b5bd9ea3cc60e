/** Shapes of the Kalendaryo API (/api/v1) that the web calendar reads and writes. */

import type { GetResult } from './api-types';

export type Access = 'freebusy' | 'view' | 'edit' | 'manage';
export type Visibility = 'public' | 'internal' | 'private';

/** The signed-in user, as GET /api/v1/me answers. */
export type User = GetResult<'/api/v1/me'>['user'];
export type Role = User['role'];

export interface Session {
  user: User;
  csrfToken: string;
}

/** One calendar of GET /api/v1/calendars. */
export type CalendarInfo = GetResult<'/api/v1/calendars'>['items'][number];

/** One item of GET /api/v1/calendar: a FullCalendar event object. */
export type FeedEvent = GetResult<'/api/v1/calendar'>[number];
export type EventExtendedProps = FeedEvent['extendedProps'];

/** GET /api/v1/entries/{id}. */
export type Entry = GetResult<'/api/v1/entries/{id}'>;

/** Body of POST /api/v1/entries (and, partly, PATCH). */
export interface EntryInput {
  title: string;
  start: string;
  end: string;
  allDay: boolean;
  timeZone: string;
  calendarId: string;
  module: string;
  kind: string;
  location?: string;
  description?: string;
  status?: string;
  priority?: string;
  visibility?: Visibility;
  details?: Record<string, unknown>;
  rrule?: string;
}
