import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { apiTokens } from '../../db/schema/users.js';
import { notFound } from '../../http/problem.js';
import type { Actor } from './actor.js';
import { newSecret, sha256 } from './secrets.js';

const TOKEN_PREFIX = 'kal_';

/** Creates a personal API token; the secret is returned here once and never again. */
export async function createApiToken(db: Db, owner: { userId: string; organizationId: string }, name: string) {
  const secret = newSecret(TOKEN_PREFIX);
  const [row] = await db
    .insert(apiTokens)
    .values({ ...owner, name, tokenHash: sha256(secret), prefix: secret.slice(0, 10) })
    .returning();
  return { token: secret, row: row! };
}

export async function listApiTokens(db: Db, actor: Actor) {
  return db.select().from(apiTokens).where(eq(apiTokens.userId, actor.userId)).orderBy(desc(apiTokens.createdAt));
}

export async function revokeApiToken(db: Db, actor: Actor, id: string, now: Date) {
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, actor.userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  if (!row) throw notFound('API token');
}

export function presentToken(row: typeof apiTokens.$inferSelect) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
