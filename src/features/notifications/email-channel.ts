import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../../config.js';
import type { Database } from '../../db/client.js';
import type { ChannelSender, Delivery } from './channel.js';
import { withholdLink } from './withheld-links.js';

/**
 * The Message-ID is derived from the outbox row, so the rare resend after a crash between the SMTP
 * server's "250 OK" and our "sent" mark carries the same Message-ID and mail systems fold it.
 */
export const messageIdOf = (notificationId: string): string => `<${notificationId}@kalendaryo.notifications>`;

function smtpTransport(url: string): Transporter {
  const u = new URL(url);
  return nodemailer.createTransport({
    pool: true,
    maxConnections: Number(u.searchParams.get('pool') ?? 5),
    host: u.hostname,
    port: Number(u.port || (u.protocol === 'smtps:' ? 465 : 587)),
    secure: u.protocol === 'smtps:',
    ...(u.username ? { auth: { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } } : {}),
    // A local relay without a certificate for its name is common in the field offices.
    tls: { rejectUnauthorized: u.searchParams.get('tls') !== 'insecure' },
  });
}

/** E-mail over SMTP, or, with no SMTP_URL (the embedded default), into the mail outbox admins read in the app. */
export function createEmailChannel(config: Config, database: Database): ChannelSender {
  if (!config.SMTP_URL) {
    return {
      channel: 'email',
      async send({ row, recipient, message, ics, rsvpUrl }: Delivery) {
        // Kept in the database: the reply link is withheld (admins see one made again, admin-outbox.ts).
        const { text, html } = withholdLink(message, rsvpUrl);
        await database.query(
          `insert into mail_outbox (organization_id, notification_id, recipient, subject, text, html, ics)
           values ($1, $2, $3, $4, $5, $6, $7) on conflict (organization_id, notification_id) do nothing`,
          [row.organization_id, row.id, recipient.email, message.subject, text, html, ics],
        );
      },
    };
  }
  const transport = smtpTransport(config.SMTP_URL);
  return {
    channel: 'email',
    async send({ row, recipient, message, ics }: Delivery) {
      await transport.sendMail({
        from: config.MAIL_FROM,
        to: recipient.name ? { name: recipient.name, address: recipient.email } : recipient.email,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: messageIdOf(row.id),
        headers: { 'X-Kalendaryo-Notification': row.id },
        ...(ics && message.itip ? { icalEvent: { method: message.itip, filename: 'invite.ics', content: ics } } : {}),
      });
    },
    async close() {
      transport.close();
    },
  };
}
