import { z } from 'zod';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { afterFailure } from '../core/notifications/backoff.js';
import { NOTIFICATION_CHANNELS, NOTIFICATION_TYPES } from '../db/schema/notifications.js';
import type { ChannelSender } from '../features/notifications/channel.js';
import { deliverNotification, type DeliveryDeps } from '../features/notifications/deliver.js';
import { createEmailChannel } from '../features/notifications/email-channel.js';
import { createInAppChannel } from '../features/notifications/in-app-channel.js';
import type { LiveBus } from '../features/notifications/live.js';
import { type ClaimedNotification, type Outcome, recordOutcome } from '../features/notifications/outbox-repository.js';
import { planChangeNotices } from '../features/notifications/plan-changes.js';
import { planDigests } from '../features/notifications/plan-digests.js';
import { planReminders } from '../features/notifications/plan-reminders.js';
import { createPushChannel } from '../features/notifications/push-channel.js';
import { createSmsChannel } from '../features/notifications/sms-channel.js';
import { defineJob, type JobDefinition } from './registry.js';

export const JOB_NAMES = ['notifications.deliver', 'notifications.plan-reminders', 'notifications.plan-changes', 'notifications.plan-digests'] as const;

export const DeliverPayloadSchema = z.looseObject({ id: z.uuid(), channel: z.enum(NOTIFICATION_CHANNELS), type: z.enum(NOTIFICATION_TYPES) });

export interface NotificationJobDeps {
  database: Database;
  config: Config;
  live: LiveBus;
  now: () => Date;
  channels?: ChannelSender[];
  rsvpUrl?: DeliveryDeps['rsvpUrl'];
  onOutcome?: (row: ClaimedNotification, outcome: Outcome) => void;
}

export function defaultChannels(config: Config, database: Database, live: LiveBus): ChannelSender[] {
  return [createEmailChannel(config, database), createInAppChannel(database, live), createPushChannel(config, database), createSmsChannel(config)];
}

/** The jobs of the notifications feature: deliver one claimed outbox row; plan reminders; plan digests. */
export function notificationJobs(deps: NotificationJobDeps, channels: ChannelSender[]): JobDefinition[] {
  const byChannel = new Map(channels.map((c) => [c.channel, c]));
  const missing = NOTIFICATION_CHANNELS.filter((c) => !byChannel.has(c));
  if (missing.length) throw new Error(`notification channel(s) without a sender: ${missing.join(', ')}`);
  const delivery: DeliveryDeps = { database: deps.database, config: deps.config, channels: byChannel, now: deps.now, ...(deps.rsvpUrl ? { rsvpUrl: deps.rsvpUrl } : {}) };
  return [
    defineJob({
      name: 'notifications.deliver',
      payload: DeliverPayloadSchema,
      handler: async (payload, ctx) => {
        const row = payload as unknown as ClaimedNotification;
        // An unexpected error (the database went away) is a failed attempt like any other.
        const outcome = await deliverNotification(delivery, row).catch((error: unknown): Outcome => {
          const text = error instanceof Error ? error.message : String(error);
          const next = afterFailure(row.attempts);
          return 'failed' in next ? { kind: 'failed', error: text } : { kind: 'retry', at: new Date(ctx.now().getTime() + next.retryInMs), error: text };
        });
        await recordOutcome(deps.database, row.id, ctx.workerId, ctx.now(), outcome);
        deps.onOutcome?.(row, outcome);
      },
    }),
    defineJob({ name: 'notifications.plan-reminders', payload: z.object({}), everyMs: 60_000, handler: (_p, ctx) => planReminders(deps.database, ctx.now()) }),
    defineJob({ name: 'notifications.plan-changes', payload: z.object({}), everyMs: 60_000, handler: (_p, ctx) => planChangeNotices(deps.database, ctx.now()) }),
    defineJob({ name: 'notifications.plan-digests', payload: z.object({}), everyMs: 5 * 60_000, handler: (_p, ctx) => planDigests(deps.database, ctx.now()) }),
  ] as JobDefinition[];
}
