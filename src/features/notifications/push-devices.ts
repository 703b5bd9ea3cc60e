import type { Database } from '../../db/client.js';
import { invalidField } from '../../http/problem.js';
import { type GuardedFetch, OutboundRefused } from '../../net/guarded-fetch.js';
import type { Actor } from '../auth/actor.js';

/**
 * Registers (or refreshes) a device of the actor for web push; the same endpoint is one device. The
 * endpoint is where the worker will connect: one inside our network (loopback, private, metadata)
 * is refused here (400), and again when sending (push-channel.ts).
 */
export async function registerPushDevice(deps: { database: Database; outbound: GuardedFetch }, actor: Actor, input: { endpoint: string; keys: { p256dh: string; auth: string }; userAgent?: string | undefined }): Promise<{ id: string }> {
  const { database } = deps;
  try {
    await deps.outbound.check(input.endpoint, { httpsOnly: true });
  } catch (error) {
    if (error instanceof OutboundRefused) throw invalidField('endpoint', `must be a push service on the internet (${error.reason})`);
    throw error;
  }
  const [row] = await database.query<{ id: string }>(
    `insert into push_subscriptions (organization_id, user_id, endpoint, p256dh, auth, user_agent) values ($1, $2, $3, $4, $5, $6)
     on conflict (organization_id, endpoint) do update set user_id = excluded.user_id, p256dh = excluded.p256dh, auth = excluded.auth, user_agent = excluded.user_agent
     returning id`,
    [actor.organizationId, actor.userId, input.endpoint, input.keys.p256dh, input.keys.auth, input.userAgent ?? null],
  );
  return row!;
}

export async function listPushDevices(database: Database, actor: Actor) {
  const rows = await database.query<{ id: string; endpoint: string; user_agent: string | null; created_at: Date }>(
    'select id, endpoint, user_agent, created_at from push_subscriptions where organization_id = $1 and user_id = $2 order by created_at',
    [actor.organizationId, actor.userId],
  );
  return rows.map((r) => ({ id: r.id, endpoint: r.endpoint, userAgent: r.user_agent, createdAt: new Date(r.created_at).toISOString() }));
}

/** False when the device is not the actor's (404: another user's device is not revealed). */
export async function removePushDevice(database: Database, actor: Actor, id: string): Promise<boolean> {
  const rows = await database.query('delete from push_subscriptions where organization_id = $1 and user_id = $2 and id = $3 returning id', [actor.organizationId, actor.userId, id]);
  return rows.length === 1;
}
