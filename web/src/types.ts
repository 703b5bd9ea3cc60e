/** Shapes of the Kalendaryo API (/api/v1) that the web calendar reads and writes. */

export type Role = string;
export type Access = 'freebusy' | 'view' | 'edit' | 'manage';
export type Visibility = 'public' | 'internal' | 'private';

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  timeZone: string;
}

export interface Session {
  user: User;
  csrfToken: string;
}

export interface CalendarInfo {
  id: string;
  name: string;
  module: string | null;
  color: string;
  type: 'organisation' | 'personal' | string;
  access: Access;
  /** Sent by the server: whether the user may add entries here (false for read-only calendars). */
  canCreateEntries?: boolean;
  isReadOnly?: boolean;
}

export interface EventExtendedProps {
  entryId: string;
  module: string;
  kind: string;
  status?: string | null;
  priority?: string | null;
  calendarId: string;
  location?: string | null;
  visibility?: Visibility;
  busyOnly?: boolean;
  seriesId?: string | null;
  recurrenceId?: string | null;
  /** The entry's version, when the feed sends it: used for If-Match on drags. */
  version?: string | number;
  canEdit: boolean;
  canDelete: boolean;
}

/** One item of GET /api/v1/calendar: a FullCalendar event object. */
export interface FeedEvent {
  id: string;
  title: string;
  start: string;
  end?: string | null;
  allDay: boolean;
  backgroundColor?: string;
  borderColor?: string;
  textColor?: string;
  editable?: boolean;
  extendedProps: EventExtendedProps;
}

export interface Entry {
  id: string;
  calendarId: string;
  module: string;
  kind: string;
  title: string;
  description: string | null;
  location: string | null;
  communityId: string | null;
  organizerId: string | null;
  status: string | null;
  priority: string | null;
  visibility: Visibility;
  allDay: boolean;
  start: string;
  end: string;
  timeZone: string;
  rrule: string | null;
  seriesId: string | null;
  recurrenceId: string | null;
  details: Record<string, unknown> | null;
  sequence: number;
  version: number | string;
  canEdit: boolean;
  canDelete: boolean;
}

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
