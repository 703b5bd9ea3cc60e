import { type IcsEntry, minutesBeforeOf, participantOf, type ParticipantFacts } from '../../core/ics/index.js';
import type { QueryFn } from '../../db/client.js';
import { MAX_REMINDER_MINUTES } from '../notifications/plan-reminders.js';

type Person = Omit<ParticipantFacts, 'id'>;
interface Noted {
  uid: string;
  recurrenceIdMs: number | null;
  people: Person[];
  minutes: number[];
}
interface Target {
  organizationId: string;
  calendarId: string;
  userId: string;
}

const BATCH = 400;
const MAX_REMINDERS = 5;
const key = (uid: string, recurrenceIdMs: number | null) => `${uid}\u0000${recurrenceIdMs ?? ''}`;

/**
 * The ATTENDEEs and VALARMs of an imported file, read back into participants and reminders (docs/ics.md
 * "Attendees and alarms"), so that an export imported into an emptied calendar loses neither. Noted
 * per VEVENT while the entries are written, then written in the import's transaction once they exist:
 * attendees become participants of the series (or single entry) — matched to a user of the
 * organisation by e-mail — and alarms the importer's own reminder times for that entry. Only what is
 * missing is added: a participant already on the entry (same user, e-mail, or name and phone) and a
 * reminder choice already made are left as they are, so importing twice changes nothing. Nobody is
 * sent an invitation.
 */
export class ImportedAttendeesAndAlarms {
  private readonly noted: Noted[] = [];

  note(e: IcsEntry): void {
    const minutes = [...new Set(e.alarmTriggers.map(minutesBeforeOf).filter((m): m is number => m !== null && m <= MAX_REMINDER_MINUTES))].slice(0, MAX_REMINDERS);
    if (e.attendees.length === 0 && minutes.length === 0) return;
    this.noted.push({ uid: e.uid, recurrenceIdMs: e.recurrenceId?.epochMs ?? null, people: e.attendees.map(participantOf), minutes });
  }

  /** Writes what was noted; returns the entries that were given participants (their counts are refreshed after commit). */
  async write(q: QueryFn, target: Target): Promise<string[]> {
    const given = new Set<string>();
    for (let i = 0; i < this.noted.length; i += BATCH) {
      for (const id of await this.writeBatch(q, target, this.noted.slice(i, i + BATCH))) given.add(id);
    }
    return [...given];
  }

  private async writeBatch(q: QueryFn, target: Target, batch: Noted[]): Promise<string[]> {
    const rows = await q<{ id: string; uid: string; series_id: string | null; rid_ms: number | null }>(
      `select id, uid, series_id, (extract(epoch from recurrence_id_at) * 1000)::float8 as rid_ms from entries
        where organization_id = $1 and calendar_id = $2 and uid = any($3::text[])`,
      [target.organizationId, target.calendarId, [...new Set(batch.map((n) => n.uid))]],
    );
    const byKey = new Map(rows.map((r) => [key(r.uid, r.series_id ? Number(r.rid_ms) : null), r]));
    const emails = [...new Set(batch.flatMap((n) => n.people.flatMap((p) => (p.email ? [p.email] : []))))];
    const users = new Map((emails.length ? await q<{ id: string; email: string; name: string }>(
      'select id, lower(email) as email, name from users where organization_id = $1 and lower(email) = any($2::text[])', [target.organizationId, emails]) : []).map((u) => [u.email, u]));
    const participants: Record<string, string | null>[] = [];
    const reminders: { e: string; m: number[] }[] = [];
    for (const n of batch) {
      const row = byKey.get(key(n.uid, n.recurrenceIdMs)) ?? byKey.get(key(n.uid, null));
      if (!row) continue;
      if (n.minutes.length) reminders.push({ e: row.id, m: n.minutes });
      // A series' participants are the master's, whichever of its VEVENTs lists them.
      const family = row.series_id ?? row.id;
      for (const p of n.people) {
        const user = p.email ? users.get(p.email) : undefined;
        const name = user && p.name === p.email ? user.name : p.name;
        participants.push({ e: family, u: user?.id ?? null, n: name, m: p.email, ph: p.phone, r: p.role, s: p.rsvp });
      }
    }
    if (reminders.length) {
      await q(
        `insert into entry_reminder_overrides (organization_id, entry_id, user_id, reminder_minutes)
         select $1, v.e::uuid, $2, v.m from jsonb_to_recordset($3::jsonb) as v(e text, m jsonb) on conflict do nothing`,
        [target.organizationId, target.userId, JSON.stringify(reminders)],
      );
    }
    if (participants.length === 0) return [];
    const inserted = await q<{ entry_id: string }>(
      `insert into entry_participants (organization_id, entry_id, user_id, name, email, phone, role, rsvp, created_by)
       select distinct on (v.e, coalesce(v.u, v.m, lower(v.n) || '|' || coalesce(v.ph, ''))) $1::uuid, v.e::uuid, v.u::uuid, v.n, v.m, v.ph, v.r, v.s, $2::uuid
         from jsonb_to_recordset($3::jsonb) as v(e text, u text, n text, m text, ph text, r text, s text)
        where not exists (select 1 from entry_participants p where p.organization_id = $1::uuid and p.entry_id = v.e::uuid and (
          (v.u is not null and p.user_id = v.u::uuid) or (v.m is not null and lower(p.email) = v.m)
          or (v.u is null and v.m is null and p.user_id is null and p.email is null and lower(p.name) = lower(v.n) and p.phone is not distinct from v.ph)))
       on conflict do nothing
       returning entry_id`,
      [target.organizationId, target.userId, JSON.stringify(participants)],
    );
    return inserted.map((r) => r.entry_id);
  }
}
