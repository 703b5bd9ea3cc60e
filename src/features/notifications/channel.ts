import type { Channel } from '../../core/notifications/preferences.js';
import type { Recipient } from './delivery-context.js';
import type { ClaimedNotification } from './outbox-repository.js';
import type { RenderedMessage } from './templates.js';

export interface Delivery {
  row: ClaimedNotification;
  recipient: Recipient;
  message: RenderedMessage;
  /** The iTIP calendar text, when the message carries one. */
  ics: string | null;
  /** The participant's signed reply link in the message, if any: a channel that stores the message withholds it. */
  rsvpUrl?: string | null;
}

/** One way out (e-mail, in-app, push, SMS). A channel registry lists exactly one sender per channel. */
export interface ChannelSender {
  channel: Channel;
  send(delivery: Delivery): Promise<void>;
  close?(): Promise<void>;
}

/** Not a failure to retry: the channel cannot carry this one (not configured, no device, no phone). */
export class NotDeliverable extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'NotDeliverable';
  }
}
