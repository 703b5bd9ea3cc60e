import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { notifications } from '../../db/schema/index.js';
import { channelsFor, DEFAULT_REMINDER_MINUTES, type NotificationPreferences } from '../../core/notifications/preferences.js';
import { type ReminderTime, reminderTimes } from '../../core/notifications/reminder-times.js';
import { expandRows } from '../calendar/expand-rows.js';
import { findFeedCandidates, findOverriddenOccurrences } from '../calendar/repository.js';
import { loadPreferences } from './preferences-repository.js';

/** The longest reminder a user may ask for (7 days): the planner looks that far ahead, plus a day. */
export const MAX_REMINDER_MINUTES = 7 * 1440;
const HORIZON_MS = (MAX_REMINDER_MINUTES + 1440) * 60_000;
const CHUNK = 500;

type Row = typeof notifications.$inferInsert;

interface Person {
  preferences: NotificationPreferences;
  timeZone: string;
}

/**
 * Writes the reminder rows of every occurrence starting in the coming 8 days, for the entry's
 * organiser (or creator) and its staff participants with their default times, for outside
 * participants by e-mail at the default times, and for everyone with a per-entry override.
 * Idempotent (dedupe keys), so running it every minute on any worker is safe; a reminder the
 * entries trigger cancelled (the entry moved) comes back when the occurrence is at the same time
 * again. Of the reminders already past when first planned, only the latest is kept: an entry
 * created an hour before it starts gets one reminder now, not all of them.
 */
export async function planReminders(database: Database, now: Date, organizationIds?: string[]): Promise<number> {
  const orgs = organizationIds ?? (await database.query<{ id: string }>('select id from organizations')).map((o) => o.id);
  let written = 0;
  for (const organizationId of orgs) written += await planOrganization(database, organizationId, now);
  return written;
}

async function planOrganization(database: Database, organizationId: string, now: Date): Promise<number> {
  const startMs = now.getTime();
  const endMs = startMs + HORIZON_MS;
  const rows = (await findFeedCandidates(database, { organizationId, startMs, endMs })).filter((r) => r.status !== 'cancelled');
  if (rows.length === 0) return 0;
  const overrides = await database.query<{ entry_id: string; user_id: string; reminder_minutes: number[] }>(
    'select entry_id, user_id, reminder_minutes from entry_reminder_overrides where organization_id = $1',
    [organizationId],
  );
  const overridesByEntry = new Map<string, Map<string, number[]>>();
  for (const o of overrides) {
    if (!overridesByEntry.has(o.entry_id)) overridesByEntry.set(o.entry_id, new Map());
    overridesByEntry.get(o.entry_id)!.set(o.user_id, o.reminder_minutes);
  }
  const people = new Map<string, Promise<Person | null>>();
  const person = (userId: string) => {
    if (!people.has(userId)) people.set(userId, loadPerson(database, userId));
    return people.get(userId)!;
  };
  const overridden = await findOverriddenOccurrences(database, organizationId, rows.map((r) => r.id));
  const occurrences: { entryId: string; familyId: string; owner: string | null; startMs: number; timeZone: string }[] = [];
  expandRows(rows, overridden, startMs, endMs, (o) => {
    if (o.startMs <= startMs) return;
    occurrences.push({ entryId: o.row.id, familyId: o.row.series_id ?? o.row.id, owner: o.row.organizer_id ?? o.row.created_by, startMs: o.startMs, timeZone: o.row.time_zone });
  });
  const participants = await participantsOf(database, organizationId, [...new Set(occurrences.map((o) => o.familyId))]);
  const values: Row[] = [];
  let written = 0;
  for (const occ of occurrences) {
    const custom = overridesByEntry.get(occ.entryId) ?? overridesByEntry.get(occ.familyId) ?? new Map<string, number[]>();
    const invited = participants.get(occ.familyId) ?? { users: [], emails: [] };
    const recipients = new Set([...(occ.owner ? [occ.owner] : []), ...invited.users, ...custom.keys()]);
    // External participants (no account): e-mail at the default times, in the entry's zone.
    for (const email of invited.emails) {
      const start = new Date(occ.startMs);
      for (const t of pickTimes(reminderTimes(start, DEFAULT_REMINDER_MINUTES, occ.timeZone), startMs)) {
        values.push({
          organizationId, recipientEmail: email, type: 'reminder', channel: 'email', entryId: occ.entryId, occurrenceAt: start,
          dedupeKey: `reminder:${occ.entryId}:${start.toISOString()}:${t.minutesBefore}:${email}`, scheduledAt: t.at, payload: { minutesBefore: t.minutesBefore },
        });
      }
    }
    for (const userId of recipients) {
      const p = await person(userId);
      if (!p) continue;
      const minutes = custom.get(userId) ?? p.preferences.reminderMinutes;
      const start = new Date(occ.startMs);
      for (const t of pickTimes(reminderTimes(start, minutes, p.timeZone), startMs)) {
        for (const channel of channelsFor(p.preferences, { isUser: true })) {
          values.push({
            organizationId,
            recipientUserId: userId,
            type: 'reminder',
            channel,
            entryId: occ.entryId,
            occurrenceAt: start,
            dedupeKey: `reminder:${occ.entryId}:${start.toISOString()}:${t.minutesBefore}:${userId}`,
            scheduledAt: t.at,
            payload: { minutesBefore: t.minutesBefore },
          });
        }
      }
    }
  }
  for (let i = 0; i < values.length; i += CHUNK) {
    const inserted = await database.db
      .insert(notifications)
      .values(values.slice(i, i + CHUNK))
      .onConflictDoUpdate({
        target: [notifications.organizationId, notifications.dedupeKey, notifications.channel],
        set: { status: 'pending', scheduledAt: sql`excluded.scheduled_at`, attempts: 0, lastError: null, updatedAt: sql`now()` },
        setWhere: sql`${notifications.status} = 'cancelled'`,
      })
      .returning({ id: notifications.id });
    written += inserted.length;
  }
  return written;
}

/** Future reminders, plus the latest one already past (sent at once); never all the past ones. */
function pickTimes(times: ReminderTime[], nowMs: number): ReminderTime[] {
  const past = times.filter((t) => t.at.getTime() <= nowMs);
  return times.filter((t) => t.at.getTime() > nowMs).concat(past.length ? [past[past.length - 1]!] : []);
}

/** Attendance's participants who have not declined: staff users (their own preferences) and outside e-mail addresses. */
async function participantsOf(database: Database, organizationId: string, entryIds: string[]): Promise<Map<string, { users: string[]; emails: string[] }>> {
  const result = new Map<string, { users: string[]; emails: string[] }>();
  if (entryIds.length === 0) return result;
  const rows = await database.query<{ entry_id: string; user_id: string | null; email: string | null }>(
    `select entry_id, user_id, lower(email) as email from entry_participants
      where organization_id = $1 and entry_id = any($2::uuid[]) and rsvp <> 'declined' and (user_id is not null or email is not null)`,
    [organizationId, entryIds],
  );
  for (const row of rows) {
    if (!result.has(row.entry_id)) result.set(row.entry_id, { users: [], emails: [] });
    const entry = result.get(row.entry_id)!;
    if (row.user_id) entry.users.push(row.user_id);
    else entry.emails.push(row.email!);
  }
  return result;
}

async function loadPerson(database: Database, userId: string): Promise<Person | null> {
  const [user] = await database.query<{ time_zone: string; is_active: boolean }>('select time_zone, is_active from users where id = $1', [userId]);
  if (!user?.is_active) return null;
  const preferences = await loadPreferences(database.db, userId);
  return { preferences, timeZone: preferences.timeZone ?? user.time_zone };
}
