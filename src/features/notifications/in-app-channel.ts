import type { Database } from '../../db/client.js';
import type { ChannelSender } from './channel.js';
import type { LiveBus } from './live.js';

/**
 * The in-app row is itself the notification-centre item (it shows once marked sent); delivering it
 * means telling the user's open browsers, which fetch nothing: the event carries the item.
 */
export function createInAppChannel(database: Database, live: LiveBus): ChannelSender {
  return {
    channel: 'in_app',
    async send({ row, recipient, message }) {
      if (!recipient.userId) return;
      // The centre lists what was rendered at delivery, so the words stay as they were sent.
      await database.query(`update notifications set payload = payload || $2::jsonb where id = $1`, [row.id, JSON.stringify({ inAppTitle: message.subject, inAppMessage: message.short })]);
      await live.publish({ userId: recipient.userId, id: row.id, type: row.type, title: message.subject });
    },
  };
}
