import type { Agent } from 'node:https';
import webpush from 'web-push';
import type { Config } from '../../config.js';
import type { Database } from '../../db/client.js';
import { type ChannelSender, NotDeliverable } from './channel.js';

/**
 * Web push (VAPID) to every device the user registered. A device the push service no longer knows
 * (404/410) is forgotten; other errors fail the attempt so it is retried.
 */
export function createPushChannel(config: Config, database: Database, options: { agent?: Agent } = {}): ChannelSender {
  const configured = Boolean(config.VAPID_PUBLIC_KEY && config.VAPID_PRIVATE_KEY);
  const vapidDetails = configured ? { subject: config.VAPID_SUBJECT, publicKey: config.VAPID_PUBLIC_KEY!, privateKey: config.VAPID_PRIVATE_KEY! } : null;
  return {
    channel: 'push',
    async send({ row, recipient, message }) {
      if (!vapidDetails) throw new NotDeliverable('web push is not configured (VAPID keys)');
      const devices = await database.query<{ id: string; endpoint: string; p256dh: string; auth: string }>(
        'select id, endpoint, p256dh, auth from push_subscriptions where organization_id = $1 and user_id = $2',
        [row.organization_id, recipient.userId],
      );
      if (devices.length === 0) throw new NotDeliverable('no registered device');
      const body = JSON.stringify({ id: row.id, type: row.type, title: message.subject, body: message.short, url: message.url });
      let delivered = 0;
      for (const device of devices) {
        try {
          await webpush.sendNotification({ endpoint: device.endpoint, keys: { p256dh: device.p256dh, auth: device.auth } }, body, { vapidDetails, TTL: 24 * 3600, ...(options.agent ? { agent: options.agent } : {}) });
          delivered++;
        } catch (error) {
          const status = (error as { statusCode?: number }).statusCode;
          if (status === 404 || status === 410) await database.query('delete from push_subscriptions where id = $1', [device.id]);
          else throw error;
        }
      }
      if (delivered === 0) throw new NotDeliverable('every registered device has expired');
    },
  };
}
