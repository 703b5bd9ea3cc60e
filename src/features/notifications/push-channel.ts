import webpush from 'web-push';
import type { Config } from '../../config.js';
import type { Database } from '../../db/client.js';
import { createGuardedFetch, type GuardedFetch, OutboundRefused } from '../../net/guarded-fetch.js';
import { type ChannelSender, NotDeliverable } from './channel.js';
import type { RenderedMessage } from './templates.js';

interface Device { id: string; endpoint: string; p256dh: string; auth: string }
type DeviceOutcome = 'sent' | 'gone' | 'refused' | 'too-large';

/**
 * What a push carries, largest first: a service that answers 413 (payload too large) gets the next
 * one instead of the same again — the title alone, then only "you have a notification" (the
 * service worker shows "Kalendaryo" and opens the app).
 */
function payloadsOf(row: { id: string; type: string }, message: RenderedMessage): string[] {
  return [
    JSON.stringify({ id: row.id, type: row.type, title: message.subject, body: message.short, url: message.url }),
    JSON.stringify({ id: row.id, type: row.type, title: message.subject }),
    JSON.stringify({ id: row.id, type: row.type }),
  ];
}

/**
 * Web push (VAPID) to every device the user registered, sent through the guarded outbound client
 * (src/net/guarded-fetch.ts): an endpoint that points inside our network is never connected to,
 * and its registration is dropped. web-push only encrypts and signs here (generateRequestDetails);
 * its own sender would connect to any address it is given. A device the push service no longer
 * knows (404/410) is forgotten; other errors fail the attempt so it is retried.
 */
export function createPushChannel(config: Config, database: Database, options: { outbound?: GuardedFetch } = {}): ChannelSender {
  const configured = Boolean(config.VAPID_PUBLIC_KEY && config.VAPID_PRIVATE_KEY);
  const vapidDetails = configured ? { subject: config.VAPID_SUBJECT, publicKey: config.VAPID_PUBLIC_KEY!, privateKey: config.VAPID_PRIVATE_KEY! } : null;
  const outbound = options.outbound ?? createGuardedFetch({ allow: config.OUTBOUND_ALLOW, timeoutMs: 15_000, maxBytes: 64 * 1024, maxRedirects: 0 });

  async function sendToDevice(device: Device, payloads: readonly string[]): Promise<DeviceOutcome> {
    for (const payload of payloads) {
      const details = webpush.generateRequestDetails({ endpoint: device.endpoint, keys: { p256dh: device.p256dh, auth: device.auth } }, payload, { vapidDetails: vapidDetails!, TTL: 24 * 3600 });
      let status: number;
      let answer: string;
      try {
        const response = await outbound.fetch(details.endpoint, { method: details.method, headers: details.headers as Record<string, string | number>, body: details.body, httpsOnly: true, maxRedirects: 0 });
        status = response.status;
        answer = response.body.toString('utf8', 0, 300);
      } catch (error) {
        if (error instanceof OutboundRefused) return 'refused';
        throw error;
      }
      if (status >= 200 && status < 300) return 'sent';
      if (status === 404 || status === 410) return 'gone';
      if (status === 413) continue;
      throw Object.assign(new Error(`the push service answered ${status}: ${answer}`), { statusCode: status });
    }
    return 'too-large';
  }

  return {
    channel: 'push',
    async send({ row, recipient, message }) {
      if (!vapidDetails) throw new NotDeliverable('web push is not configured (VAPID keys)');
      const devices = await database.query<Device>(
        'select id, endpoint, p256dh, auth from push_subscriptions where organization_id = $1 and user_id = $2',
        [row.organization_id, recipient.userId],
      );
      if (devices.length === 0) throw new NotDeliverable('no registered device');
      const payloads = payloadsOf(row, message);
      let delivered = 0;
      for (const device of devices) {
        const outcome = await sendToDevice(device, payloads);
        if (outcome === 'sent') delivered++;
        // Gone, or pointing where we never connect (registered before endpoints were checked): forgotten.
        else if (outcome === 'gone' || outcome === 'refused') await database.query('delete from push_subscriptions where id = $1', [device.id]);
      }
      if (delivered === 0) throw new NotDeliverable('no registered device took the notification (expired, refused, or too large even when empty)');
    },
    async close() {
      if (!options.outbound) outbound.close();
    },
  };
}
