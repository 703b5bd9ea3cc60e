import type { Database } from '../../db/client.js';
import type { Actor } from '../auth/actor.js';
import { restoreLink } from './withheld-links.js';

/** Makes a notification's reply link again (attendance's rsvpUrlOfNotification), for the administrator reading it. */
export type LinkMaker = (row: { type: string; organization_id: string; entry_id: string | null; payload: Record<string, unknown> }) => string | null;

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** The outbox as admins see it: failures stay visible here with their last error. */
export async function listOutbox(database: Database, actor: Actor, query: { status?: string | undefined; limit: number }) {
  const params: unknown[] = [actor.organizationId, query.limit];
  if (query.status) params.push(query.status);
  const rows = await database.query<Record<string, unknown>>(
    `select n.id, n.type, n.channel, coalesce(n.recipient_email, u.email) as recipient, n.status, n.attempts, n.last_error, n.scheduled_at, n.sent_at
       from notifications n left join users u on u.id = n.recipient_user_id
      where n.organization_id = $1 ${query.status ? 'and n.status = $3' : ''}
      order by n.scheduled_at desc limit $2`,
    params,
  );
  return rows.map((r) => ({
    id: r.id as string, type: r.type as string, channel: r.channel as string, recipient: r.recipient as string | null, status: r.status as string,
    attempts: r.attempts as number, lastError: r.last_error as string | null, scheduledAt: iso(r.scheduled_at as Date)!, sentAt: iso(r.sent_at as Date | null),
  }));
}

/**
 * E-mail kept in the database because no SMTP server is configured (the embedded default). The
 * rows hold no reply link; the administrator, who passes these mails on, sees one made now.
 */
export async function listMailOutbox(database: Database, actor: Actor, limit: number, linkOf: LinkMaker) {
  const rows = await database.query<Record<string, unknown>>(
    `select m.id, m.notification_id, m.recipient, m.subject, m.text, m.html, m.ics, m.created_at, n.type, n.entry_id, n.payload
       from mail_outbox m left join notifications n on n.id = m.notification_id and n.organization_id = m.organization_id
      where m.organization_id = $1 order by m.created_at desc limit $2`,
    [actor.organizationId, limit],
  );
  return rows.map((r) => {
    const link = r.type ? linkOf({ type: r.type as string, organization_id: actor.organizationId, entry_id: r.entry_id as string | null, payload: r.payload as Record<string, unknown> }) : null;
    const { text, html } = restoreLink({ text: r.text as string, html: r.html as string }, link);
    return {
      id: r.id as string, notificationId: r.notification_id as string, recipient: r.recipient as string, subject: r.subject as string,
      text, html, ics: r.ics as string | null, createdAt: iso(r.created_at as Date)!,
    };
  });
}
