import { attendeeOf, type ExportAttendee, type ParticipantFacts } from '../../core/ics/index.js';
import type { Database } from '../../db/client.js';
import type { Actor } from '../auth/actor.js';
import { canEditEntry, canSeeEntryDetails } from '../calendars/policy.js';
import type { CalendarWithLevel } from '../calendars/repository.js';
import type { StoredEntry } from './stored-entries.js';

export interface EventExtras {
  attendees: ExportAttendee[];
  alarmMinutesBefore: number[];
}

const ownerOf = (row: StoredEntry) => ({ visibility: row.visibility, organizerId: row.organizer_id, createdBy: row.created_by });

/**
 * What an ICS export adds to a page of stored entries, by entry id: the participants as ATTENDEEs
 * (a series' on each of its VEVENTs; every one for those who may manage them, as the participants
 * list shows them, else only the viewer's own) and the viewer's own reminder times for the entry as
 * VALARMs. Nothing for an entry shown busy-only. Two queries a page, whatever its size.
 */
export async function loadEventExtras(database: Database, actor: Actor, page: { row: StoredEntry; calendar: CalendarWithLevel }[]): Promise<Map<string, EventExtras>> {
  const detailed = page.filter(({ row, calendar }) => canSeeEntryDetails(actor, calendar.level, ownerOf(row)));
  const result = new Map<string, EventExtras>();
  if (detailed.length === 0) return result;
  const familyOf = (row: StoredEntry) => row.series_id ?? row.id;
  const [participants, reminders] = await Promise.all([
    database.query<ParticipantFacts & { entry_id: string; user_id: string | null }>(
      `select p.entry_id, p.id, p.name, coalesce(p.email, u.email) as email, p.phone, p.role, p.rsvp, p.user_id
         from entry_participants p left join users u on u.id = p.user_id
        where p.organization_id = $1 and p.entry_id = any($2::uuid[]) and not p.is_walk_in
        order by p.created_at, p.id`,
      [actor.organizationId, [...new Set(detailed.map(({ row }) => familyOf(row)))]],
    ),
    database.query<{ entry_id: string; reminder_minutes: number[] }>(
      'select entry_id, reminder_minutes from entry_reminder_overrides where organization_id = $1 and user_id = $2 and entry_id = any($3::uuid[])',
      [actor.organizationId, actor.userId, detailed.map(({ row }) => row.id)],
    ),
  ]);
  const byFamily = new Map<string, typeof participants>();
  for (const p of participants) byFamily.set(p.entry_id, [...(byFamily.get(p.entry_id) ?? []), p]);
  const minutes = new Map(reminders.map((r) => [r.entry_id, r.reminder_minutes]));
  for (const { row, calendar } of detailed) {
    const everyone = canEditEntry(actor, calendar.level, ownerOf(row));
    const people = (byFamily.get(familyOf(row)) ?? []).filter((p) => everyone || p.user_id === actor.userId);
    result.set(row.id, { attendees: people.map(attendeeOf), alarmMinutesBefore: minutes.get(row.id) ?? [] });
  }
  return result;
}
