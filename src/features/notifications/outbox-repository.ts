import type { Database } from '../../db/client.js';

/** A claimed outbox row as the worker sees it (snake_case, straight from SQL). */
export interface ClaimedNotification {
  id: string;
  organization_id: string;
  recipient_user_id: string | null;
  recipient_email: string | null;
  type: string;
  channel: 'email' | 'in_app' | 'push' | 'sms';
  entry_id: string | null;
  occurrence_at: Date | null;
  dedupe_key: string;
  scheduled_at: Date;
  attempts: number;
  payload: Record<string, unknown>;
}

/**
 * Dangerous to change: this is what makes several workers never send the same row twice.
 * Due rows (and rows whose lease ran out: their worker died) are locked with SKIP LOCKED, so two
 * workers never wait on or take the same row, and flipped to 'sending' with this worker's lease in
 * the same statement. Every later write checks `claimed_by`, so a worker whose lease was taken over
 * cannot overwrite the new owner's outcome.
 */
export async function claimDue(database: Database, workerId: string, now: Date, limit: number, leaseMs: number): Promise<ClaimedNotification[]> {
  return database.query<ClaimedNotification>(
    `with due as (
       select id from notifications where status = 'pending' and scheduled_at <= $1
        order by scheduled_at limit $3 for update skip locked
     ), expired as (
       select id from notifications where status = 'sending' and claimed_until < $1
        limit $3 for update skip locked
     )
     update notifications n
        set status = 'sending', claimed_by = $2, claimed_until = $1::timestamptz + make_interval(secs => $4::float8 / 1000),
            attempts = n.attempts + 1, updated_at = now()
      where n.id in (select id from due union select id from expired)
      returning n.id, n.organization_id, n.recipient_user_id, n.recipient_email, n.type, n.channel, n.entry_id,
                n.occurrence_at, n.dedupe_key, n.scheduled_at, n.attempts, n.payload`,
    [now, workerId, limit, leaseMs],
  );
}

export type Outcome =
  | { kind: 'sent' }
  | { kind: 'retry'; at: Date; error: string }
  | { kind: 'failed'; error: string }
  | { kind: 'deferred'; at: Date }
  | { kind: 'cancelled'; reason: string };

/** Records how a claimed delivery ended; false when this worker no longer holds the claim. */
export async function recordOutcome(database: Database, id: string, workerId: string, now: Date, outcome: Outcome): Promise<boolean> {
  const [set, value] = ((): [string, unknown] => {
    switch (outcome.kind) {
      case 'sent':
        return [`status = 'sent', sent_at = $3, last_error = null`, now];
      case 'retry':
        return [`status = 'pending', scheduled_at = $4, last_error = $3`, outcome.error.slice(0, 2000)];
      case 'failed':
        return [`status = 'failed', last_error = $3`, outcome.error.slice(0, 2000)];
      case 'deferred':
        // Waiting for quiet hours to end is not a failed attempt.
        return [`status = 'pending', scheduled_at = $3, attempts = greatest(attempts - 1, 0)`, outcome.at];
      case 'cancelled':
        return [`status = 'cancelled', last_error = $3`, outcome.reason];
    }
  })();
  const params = [id, workerId, value, ...(outcome.kind === 'retry' ? [outcome.at] : [])];
  const rows = await database.query(
    `update notifications set ${set}, claimed_by = null, claimed_until = null, updated_at = now()
      where id = $1 and claimed_by = $2 and status = 'sending' returning id`,
    params,
  );
  return rows.length === 1;
}
