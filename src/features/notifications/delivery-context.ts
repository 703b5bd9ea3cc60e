import type { Database } from '../../db/client.js';
import type { NotificationPreferences } from '../../core/notifications/preferences.js';
import { loadPreferences } from './preferences-repository.js';

export interface Recipient {
  userId: string | null;
  email: string;
  name: string | null;
  timeZone: string;
  preferences: NotificationPreferences | null;
}

export interface EntryFacts {
  id: string;
  uid: string;
  sequence: number;
  title: string;
  description: string | null;
  location: string | null;
  status: string;
  isDeleted: boolean;
  allDay: boolean;
  isFloating: boolean;
  startAt: Date;
  endAt: Date;
  startDate: string | null;
  endDate: string | null;
  timeZone: string;
  rrule: string | null;
  rdate: string[];
  exdate: string[];
  updatedAt: Date;
  organizer: { email: string; name: string } | null;
}

const DEFAULT_ZONE = 'Asia/Manila';

/** Who a notification goes to; null when the user is gone or inactive (the row is then cancelled). */
export async function loadRecipient(database: Database, row: { recipient_user_id: string | null; recipient_email: string | null }, fallbackZone: string | null): Promise<Recipient | null> {
  if (!row.recipient_user_id) {
    return { userId: null, email: row.recipient_email!, name: null, timeZone: fallbackZone ?? DEFAULT_ZONE, preferences: null };
  }
  const [user] = await database.query<{ email: string; name: string; time_zone: string; is_active: boolean }>(
    'select email, name, time_zone, is_active from users where id = $1',
    [row.recipient_user_id],
  );
  if (!user || !user.is_active) return null;
  const preferences = await loadPreferences(database.db, row.recipient_user_id);
  return { userId: row.recipient_user_id, email: row.recipient_email ?? user.email, name: user.name, timeZone: preferences.timeZone ?? user.time_zone, preferences };
}

export async function loadEntryFacts(database: Database, organizationId: string, entryId: string): Promise<EntryFacts | null> {
  const [row] = await database.query<Record<string, unknown>>(
    `select e.id, e.uid, e.sequence, e.title, e.description, e.location, e.status, e.deleted_at, e.all_day, e.is_floating,
            e.start_at, e.end_at, to_char(e.start_date, 'YYYY-MM-DD') as start_date, to_char(e.end_date, 'YYYY-MM-DD') as end_date,
            e.time_zone, e.rrule, e.rdate, e.exdate, e.updated_at, u.email as organizer_email, u.name as organizer_name
       from entries e left join users u on u.id = coalesce(e.organizer_id, e.created_by)
      where e.organization_id = $1 and e.id = $2`,
    [organizationId, entryId],
  );
  if (!row) return null;
  return {
    id: row.id as string,
    uid: row.uid as string,
    sequence: row.sequence as number,
    title: row.title as string,
    description: row.description as string | null,
    location: row.location as string | null,
    status: row.status as string,
    isDeleted: row.deleted_at !== null,
    allDay: row.all_day as boolean,
    isFloating: row.is_floating as boolean,
    startAt: new Date(row.start_at as string | Date),
    endAt: new Date(row.end_at as string | Date),
    startDate: row.start_date as string | null,
    endDate: row.end_date as string | null,
    timeZone: row.time_zone as string,
    rrule: row.rrule as string | null,
    rdate: row.rdate as string[],
    exdate: row.exdate as string[],
    updatedAt: new Date(row.updated_at as string | Date),
    organizer: row.organizer_email ? { email: row.organizer_email as string, name: row.organizer_name as string } : null,
  };
}
