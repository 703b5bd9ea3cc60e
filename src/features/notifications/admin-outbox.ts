import type { Database } from '../../db/client.js';
import type { Actor } from '../auth/actor.js';

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

/** E-mail kept in the database because no SMTP server is configured (the embedded default). */
export async function listMailOutbox(database: Database, actor: Actor, limit: number) {
  const rows = await database.query<Record<string, unknown>>(
    `select id, notification_id, recipient, subject, text, html, ics, created_at from mail_outbox
      where organization_id = $1 order by created_at desc limit $2`,
    [actor.organizationId, limit],
  );
  return rows.map((r) => ({
    id: r.id as string, notificationId: r.notification_id as string, recipient: r.recipient as string, subject: r.subject as string,
    text: r.text as string, html: r.html as string, ics: r.ics as string | null, createdAt: iso(r.created_at as Date)!,
  }));
}
