import { type Config, publicUrlOf } from '../../config.js';
import type { Database } from '../../db/client.js';
import { afterFailure } from '../../core/notifications/backoff.js';
import { type DigestKind, digestWindow } from '../../core/notifications/digest-schedule.js';
import { deferForQuietHours } from '../../core/notifications/quiet-hours.js';
import { type ChannelSender, NotDeliverable } from './channel.js';
import { type EntryFacts, loadEntryFacts, loadRecipient } from './delivery-context.js';
import { digestContent } from './digest-content.js';
import { itipText } from './itip.js';
import type { ClaimedNotification, Outcome } from './outbox-repository.js';
import { renderMessage } from './templates.js';

export interface DeliveryDeps {
  database: Database;
  config: Config;
  channels: ReadonlyMap<string, ChannelSender>;
  now: () => Date;
  /** The signed RSVP page of a participant (attendance's rsvpUrlOfNotification), made at delivery: the row holds no link. */
  rsvpUrl?: (row: ClaimedNotification) => string | null;
}

const ENTRY_CACHE_MS = 2000;
const entryCaches = new WeakMap<DeliveryDeps, Map<string, { at: number; facts: Promise<EntryFacts | null> }>>();

/**
 * Entry facts for a burst of reminders about the same entry (10,000 reminders of one meeting)
 * are read once per 2 s: only the words of a message can be that stale, never whether it goes out
 * (a moved or cancelled entry cancels its pending rows in the database).
 */
function entryFactsOf(deps: DeliveryDeps, organizationId: string, entryId: string): Promise<EntryFacts | null> {
  let cache = entryCaches.get(deps);
  if (!cache) entryCaches.set(deps, (cache = new Map()));
  const now = Date.now();
  const hit = cache.get(entryId);
  if (hit && now - hit.at < ENTRY_CACHE_MS) return hit.facts;
  if (cache.size > 1000) cache.clear();
  const facts = loadEntryFacts(deps.database, organizationId, entryId);
  cache.set(entryId, { at: now, facts });
  facts.catch(() => cache.delete(entryId));
  return facts;
}


/**
 * One claimed outbox row, delivered or not, and why. Pure of outcome bookkeeping: the caller
 * records the returned outcome under its claim.
 */
export async function deliverNotification(deps: DeliveryDeps, row: ClaimedNotification): Promise<Outcome> {
  const now = deps.now();
  // Updates and cancellations describe the change itself: always read fresh.
  const entry = !row.entry_id ? null : row.type === 'reminder' ? await entryFactsOf(deps, row.organization_id, row.entry_id) : await loadEntryFacts(deps.database, row.organization_id, row.entry_id);
  const recipient = await loadRecipient(deps.database, row, entry?.timeZone ?? null);
  if (!recipient) return { kind: 'cancelled', reason: 'the recipient is no longer active' };
  if (row.type === 'reminder') {
    if (!entry || entry.isDeleted || entry.status === 'cancelled') return { kind: 'cancelled', reason: 'the entry was cancelled or deleted' };
    if (row.occurrence_at && row.occurrence_at.getTime() <= now.getTime()) return { kind: 'cancelled', reason: 'the occurrence has already started' };
  }
  const quiet = recipient.preferences?.quietHours ?? null;
  if (row.channel !== 'in_app' && quiet) {
    const until = deferForQuietHours(now, quiet, recipient.timeZone);
    if (until.getTime() > now.getTime()) {
      if (row.type === 'reminder' && row.occurrence_at && until.getTime() >= row.occurrence_at.getTime()) {
        return { kind: 'cancelled', reason: 'quiet hours last until after the start' };
      }
      return { kind: 'deferred', at: until };
    }
  }
  const channel = deps.channels.get(row.channel);
  if (!channel) return { kind: 'cancelled', reason: `no sender for channel ${row.channel}` };
  let digest;
  if (row.type === 'digest') {
    const kind = (row.payload.kind === 'weekly' ? 'weekly' : 'daily') as DigestKind;
    const window = digestWindow({ at: row.scheduled_at, localDate: String(row.payload.localDate) }, kind, recipient.timeZone);
    const [user] = await deps.database.query<{ role: string }>('select role from users where id = $1', [recipient.userId]);
    digest = { kind, ...(await digestContent(deps.database, { organizationId: row.organization_id, userId: recipient.userId!, role: user?.role ?? 'staff', ...window })) };
  }
  const rsvpUrl = deps.rsvpUrl?.(row) ?? null;
  const message = renderMessage({
    type: row.type,
    entry,
    occurrenceAt: row.occurrence_at,
    payload: row.payload,
    recipientName: recipient.name,
    timeZone: recipient.timeZone,
    rsvpUrl,
    entryUrl: entry ? `${publicUrlOf(deps.config)}/?entry=${entry.id}` : publicUrlOf(deps.config),
    ...(digest ? { digest } : {}),
  });
  const ics = message.itip && entry && row.channel === 'email' ? itipText(message.itip, entry, recipient, now) : null;
  try {
    await channel.send({ row, recipient, message, ics, rsvpUrl });
    return { kind: 'sent' };
  } catch (error) {
    if (error instanceof NotDeliverable) return { kind: 'cancelled', reason: error.message };
    const text = error instanceof Error ? error.message : String(error);
    const next = afterFailure(row.attempts);
    return 'failed' in next ? { kind: 'failed', error: text } : { kind: 'retry', at: new Date(now.getTime() + next.retryInMs), error: text };
  }
}
