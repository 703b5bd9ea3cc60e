import type { Config } from '../../config.js';
import { cutToOneSms } from '../../core/notifications/sms.js';
import { type ChannelSender, NotDeliverable } from './channel.js';

/**
 * One generic HTTP provider: POST {to, message} as JSON to SMS_URL with `Authorization: Bearer
 * SMS_API_KEY`; any 2xx is accepted. Disabled unless both are configured.
 */
export function createSmsChannel(config: Config, fetchImpl: typeof fetch = fetch): ChannelSender {
  return {
    channel: 'sms',
    async send({ recipient, message }) {
      if (!config.SMS_URL || !config.SMS_API_KEY) throw new NotDeliverable('SMS is not configured');
      const to = recipient.preferences?.phone;
      if (!to) throw new NotDeliverable('no phone number');
      const response = await fetchImpl(config.SMS_URL, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${config.SMS_API_KEY}` },
        body: JSON.stringify({ to, message: cutToOneSms(message.short) }),
        signal: AbortSignal.timeout(15_000),
      });
      if (!response.ok) throw new Error(`SMS provider answered ${response.status}`);
    },
  };
}
