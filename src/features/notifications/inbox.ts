import type { Database } from '../../db/client.js';
import type { Actor } from '../auth/actor.js';

const ITEM = `id, type, entry_id, occurrence_at, created_at, read_at,
  coalesce(payload->>'inAppTitle', payload->>'title', type) as title, coalesce(payload->>'inAppMessage', payload->>'message', '') as message`;

interface ItemRow {
  id: string;
  type: string;
  entry_id: string | null;
  occurrence_at: Date | null;
  created_at: Date;
  read_at: Date | null;
  title: string;
  message: string;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function presentItem(row: ItemRow) {
  return { id: row.id, type: row.type, title: row.title, message: row.message, entryId: row.entry_id, occurrenceAt: iso(row.occurrence_at), createdAt: iso(row.created_at)!, readAt: iso(row.read_at) };
}

/** The notification centre: the actor's delivered in-app notifications, newest first. */
export async function listInbox(database: Database, actor: Actor, query: { unread?: 'true' | 'false'; limit: number; before?: string }) {
  const params: unknown[] = [actor.organizationId, actor.userId, query.limit + 1];
  let where = `organization_id = $1 and recipient_user_id = $2 and channel = 'in_app' and status = 'sent'`;
  if (query.unread === 'true') where += ' and read_at is null';
  if (query.before) {
    params.push(query.before);
    where += ` and created_at < $${params.length}`;
  }
  const rows = await database.query<ItemRow>(`select ${ITEM} from notifications where ${where} order by created_at desc limit $3`, params);
  const more = rows.length > query.limit;
  const items = rows.slice(0, query.limit).map(presentItem);
  return { items, unreadCount: await unreadCount(database, actor), nextBefore: more ? items[items.length - 1]!.createdAt : null };
}

export async function unreadCount(database: Database, actor: Actor): Promise<number> {
  const [row] = await database.query<{ n: number }>(
    `select count(*)::int as n from notifications
      where organization_id = $1 and recipient_user_id = $2 and channel = 'in_app' and status = 'sent' and read_at is null`,
    [actor.organizationId, actor.userId],
  );
  return row!.n;
}

/** Marks one (or, with id null, every) notification of the actor read; false when the id is not theirs. */
export async function markRead(database: Database, actor: Actor, id: string | null, now: Date): Promise<boolean> {
  const rows = await database.query(
    `update notifications set read_at = coalesce(read_at, $3) 
      where organization_id = $1 and recipient_user_id = $2 and channel = 'in_app' and status = 'sent' ${id ? 'and id = $4' : 'and read_at is null'}
      returning id`,
    id ? [actor.organizationId, actor.userId, now, id] : [actor.organizationId, actor.userId, now],
  );
  return id ? rows.length === 1 : true;
}
