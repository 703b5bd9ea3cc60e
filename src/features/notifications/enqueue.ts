import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { notifications } from '../../db/schema/index.js';
import { channelsFor, DEFAULT_PREFERENCES } from '../../core/notifications/preferences.js';
import { loadPreferences } from './preferences-repository.js';

export type NotificationType =
  | 'invitation'
  | 'reminder'
  | 'update'
  | 'cancellation'
  | 'rsvp_request'
  | 'booking_decision'
  | 'leave_decision'
  | 'digest';

export interface NotificationIntent {
  organizationId: string;
  /** A staff user, or… */
  recipientUserId?: string | null;
  /** …an external participant. */
  recipientEmail?: string | null;
  type: NotificationType;
  entryId?: string | null;
  /** The occurrence of a series it is about. */
  occurrenceAt?: Date | null;
  /** Unique per organisation: the same intent twice is one row (per channel). */
  dedupeKey: string;
  /** Default: now, by the database's clock. */
  scheduledAt?: Date;
  /** title, message, decision, reason, links… */
  payload?: Record<string, unknown>;
}

/**
 * Writes the outbox rows of one intent, one per channel the recipient wants. Call it with the
 * transaction of the change that causes it: the notification exists exactly when the change does.
 * An intent already written (same dedupeKey) is left as it is.
 */
export async function enqueueNotification(tx: DbOrTx, intent: NotificationIntent): Promise<void> {
  const userId = intent.recipientUserId ?? null;
  const email = intent.recipientEmail ?? null;
  if (!userId && !email) throw new Error('enqueueNotification: a recipient user or e-mail is required');
  const preferences = userId ? await loadPreferences(tx, userId) : DEFAULT_PREFERENCES;
  const channels = channelsFor(preferences, { isUser: userId !== null });
  if (channels.length === 0) return;
  await tx
    .insert(notifications)
    .values(
      channels.map((channel) => ({
        organizationId: intent.organizationId,
        recipientUserId: userId,
        recipientEmail: email,
        type: intent.type,
        channel,
        entryId: intent.entryId ?? null,
        occurrenceAt: intent.occurrenceAt ?? null,
        dedupeKey: intent.dedupeKey,
        // The database's clock, like the worker's claim: an app server whose clock runs fast or slow
        // neither holds a notification back nor sends it early.
        scheduledAt: intent.scheduledAt ?? sql`now()`,
        payload: intent.payload ?? {},
      })),
    )
    .onConflictDoNothing({ target: [notifications.organizationId, notifications.dedupeKey, notifications.channel] });
}
