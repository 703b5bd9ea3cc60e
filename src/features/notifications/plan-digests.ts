import type { Database } from '../../db/client.js';
import { notifications } from '../../db/schema/index.js';
import { type DigestKind, nextDigestSlot } from '../../core/notifications/digest-schedule.js';
import { preferencesFromRow } from './preferences-repository.js';

/**
 * Writes each subscriber's next daily and weekly digest (07:00 in their zone) as a pending outbox
 * row; its content is gathered when it is delivered, so it is current. One per user and local day
 * (or week), by dedupe key; e-mail and in-app only — a digest is no push or SMS.
 */
export async function planDigests(database: Database, now: Date): Promise<number> {
  const subscribers = await database.query<Record<string, unknown>>(
    `select p.*, coalesce(p.time_zone, u.time_zone) as zone
       from notification_preferences p join users u on u.id = p.user_id
      where u.is_active and (p.daily_digest or p.weekly_digest)`,
  );
  let written = 0;
  for (const s of subscribers) {
    const preferences = preferencesFromRow({
      userId: s.user_id as string,
      organizationId: s.organization_id as string,
      reminderMinutes: s.reminder_minutes as number[],
      channels: s.channels as never,
      dailyDigest: s.daily_digest as boolean,
      weeklyDigest: s.weekly_digest as boolean,
      quietStart: s.quiet_start as string | null,
      quietEnd: s.quiet_end as string | null,
      timeZone: s.time_zone as string | null,
      phone: s.phone as string | null,
      updatedAt: new Date(),
    });
    const kinds: DigestKind[] = [...(preferences.dailyDigest ? ['daily' as const] : []), ...(preferences.weeklyDigest ? ['weekly' as const] : [])];
    const channels = (['email', 'in_app'] as const).filter((c) => preferences.channels[c]);
    for (const kind of kinds) {
      const slot = nextDigestSlot(now, kind, s.zone as string);
      if (channels.length === 0) continue;
      const inserted = await database.db
        .insert(notifications)
        .values(
          channels.map((channel) => ({
            organizationId: s.organization_id as string,
            recipientUserId: s.user_id as string,
            type: 'digest',
            channel,
            dedupeKey: `digest:${kind}:${slot.localDate}:${s.user_id as string}`,
            scheduledAt: slot.at,
            payload: { kind, localDate: slot.localDate },
          })),
        )
        .onConflictDoNothing({ target: [notifications.organizationId, notifications.dedupeKey, notifications.channel] })
        .returning({ id: notifications.id });
      written += inserted.length;
    }
  }
  return written;
}
