import { z } from 'zod';
import { type Config, publicUrlOf } from '../../config.js';
import { afterFailure } from '../../core/notifications/backoff.js';
import type { Database } from '../../db/client.js';
import { NOTIFICATION_CHANNELS } from '../../db/schema/notifications.js';
import { defineJob, defineSweeper, type JobContext, type JobContribution } from '../../jobs/registry.js';
import { rsvpUrlOfNotification } from '../attendance/rsvp-links.js';
import type { ChannelSender } from './channel.js';
import { deliverNotification, type DeliveryDeps } from './deliver.js';
import { createEmailChannel } from './email-channel.js';
import { createInAppChannel } from './in-app-channel.js';
import type { LiveBus } from './live.js';
import { claimDue, type ClaimedNotification, type Outcome, recordOutcome } from './outbox-repository.js';
import { planChangeNotices } from './plan-changes.js';
import { planDigests } from './plan-digests.js';
import { planReminders } from './plan-reminders.js';
import { createPushChannel } from './push-channel.js';
import { createSmsChannel } from './sms-channel.js';

export interface NotificationJobDeps {
  database: Database;
  config: Config;
  live: LiveBus;
  /** Signs the reply links that invitations carry, made at delivery (the outbox keeps none). */
  signingKey: Uint8Array;
  channels?: ChannelSender[];
  rsvpUrl?: DeliveryDeps['rsvpUrl'];
  onOutcome?: (row: ClaimedNotification, outcome: Outcome) => void;
}

export function defaultChannels(config: Config, database: Database, live: LiveBus): ChannelSender[] {
  return [createEmailChannel(config, database), createInAppChannel(database, live), createPushChannel(config, database), createSmsChannel(config)];
}

/**
 * What the notifications feature gives the worker: the outbox sweeper (claim due rows, deliver
 * each on its channel, record the outcome — docs/notifications.md) and the planners of reminders,
 * change notices and digests, each run by one worker at a time.
 */
export function notificationJobs(deps: NotificationJobDeps): JobContribution {
  const channels = deps.channels ?? defaultChannels(deps.config, deps.database, deps.live);
  const byChannel = new Map(channels.map((c) => [c.channel, c]));
  const missing = NOTIFICATION_CHANNELS.filter((c) => !byChannel.has(c));
  if (missing.length) throw new Error(`notification channel(s) without a sender: ${missing.join(', ')}`);

  const links = { signingKey: deps.signingKey, publicUrl: publicUrlOf(deps.config) };

  async function deliverClaimed(row: ClaimedNotification, ctx: JobContext): Promise<void> {
    const rsvpUrl = deps.rsvpUrl ?? ((r: ClaimedNotification) => rsvpUrlOfNotification(links, r, ctx.now()));
    const delivery: DeliveryDeps = { database: deps.database, config: deps.config, channels: byChannel, now: ctx.now, rsvpUrl };
    // An unexpected error (the database went away) is a failed attempt like any other.
    const outcome = await deliverNotification(delivery, row).catch((error: unknown): Outcome => {
      const text = error instanceof Error ? error.message : String(error);
      const next = afterFailure(row.attempts);
      return 'failed' in next ? { kind: 'failed', error: text } : { kind: 'retry', at: new Date(ctx.now().getTime() + next.retryInMs), error: text };
    });
    await recordOutcome(deps.database, row.id, ctx.workerId, ctx.now(), outcome);
    deps.onOutcome?.(row, outcome);
  }

  return {
    jobs: [
      defineJob({ name: 'notifications.plan-reminders', payload: z.object({}), everyMs: 60_000, handler: (_p, ctx) => planReminders(deps.database, ctx.now()) }),
      defineJob({ name: 'notifications.plan-changes', payload: z.object({}), everyMs: 60_000, handler: (_p, ctx) => planChangeNotices(deps.database, ctx.now()) }),
      defineJob({ name: 'notifications.plan-digests', payload: z.object({}), everyMs: 5 * 60_000, handler: (_p, ctx) => planDigests(deps.database, ctx.now()) }),
    ],
    sweepers: [
      defineSweeper<ClaimedNotification>({
        name: 'notifications.outbox',
        claim: (workerId, now, limit, leaseMs) => claimDue(deps.database, workerId, now, limit, leaseMs),
        handle: deliverClaimed,
      }),
    ],
    close: async () => {
      await Promise.all(channels.map((c) => c.close?.()));
    },
  };
}
