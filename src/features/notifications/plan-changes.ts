import type { Database } from '../../db/client.js';
import { enqueueNotification } from './enqueue.js';

/** How far back the change sweep looks: several runs overlap, the dedupe keys make that harmless. */
const LOOKBACK_MS = 15 * 60_000;

/**
 * Tells the participants of an entry that changed (its SEQUENCE went up: time, place, rule) or was
 * cancelled or deleted: an `update` (iTIP REQUEST with the new SEQUENCE) or a `cancellation`
 * (iTIP CANCEL). A sweep over recently changed entries rather than a call in every write path, so
 * API edits, series edits, imports and integrations are all covered; it runs every minute, so the
 * message follows the change by up to a minute. Keys: `update:<entry>:<sequence>:<participant>`,
 * `cancellation:<entry>:<participant>` — each change is told once. Participants invited after the
 * change got the invitation with the new details already; the organiser is not told of their own change.
 */
export async function planChangeNotices(database: Database, now: Date): Promise<number> {
  const rows = await database.query<{
    organization_id: string; entry_id: string; sequence: number; is_cancelled: boolean; participant_id: string; user_id: string | null; email: string | null;
  }>(
    `select e.organization_id, e.id as entry_id, e.sequence, (e.deleted_at is not null or e.status = 'cancelled') as is_cancelled,
            p.id as participant_id, p.user_id, p.email
       from entries e join entry_participants p on p.organization_id = e.organization_id and p.entry_id = e.id
      where e.updated_at > $1 and e.sequence > 0 and p.created_at < e.updated_at and p.rsvp <> 'declined'
        and (p.user_id is not null or p.email is not null)
        and p.user_id is distinct from coalesce(e.organizer_id, e.created_by)`,
    [new Date(now.getTime() - LOOKBACK_MS)],
  );
  let planned = 0;
  for (const row of rows) {
    await database.db.transaction((tx) =>
      enqueueNotification(tx, {
        organizationId: row.organization_id,
        recipientUserId: row.user_id,
        recipientEmail: row.user_id ? null : row.email,
        type: row.is_cancelled ? 'cancellation' : 'update',
        entryId: row.entry_id,
        dedupeKey: row.is_cancelled ? `cancellation:${row.entry_id}:${row.participant_id}` : `update:${row.entry_id}:${row.sequence}:${row.participant_id}`,
        payload: { participantId: row.participant_id },
      }),
    );
    planned++;
  }
  return planned;
}
