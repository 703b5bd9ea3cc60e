import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { apiTokens, sessions, users } from '../../db/schema/index.js';
import type { Actor } from './actor.js';

const actorColumns = {
  userId: users.id,
  organizationId: users.organizationId,
  email: users.email,
  name: users.name,
  role: users.role,
  timeZone: users.timeZone,
};

export async function findUserForLogin(db: DbOrTx, email: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`)
    .limit(1);
  return row ?? null;
}

export async function actorFromSession(db: DbOrTx, tokenHash: string, now: Date): Promise<Actor | null> {
  const [row] = await db
    .select({ ...actorColumns, csrfToken: sessions.csrfToken })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now), eq(users.isActive, true)))
    .limit(1);
  return row ? { ...row, via: 'session' } : null;
}

const LAST_USED_PRECISION_MS = 60_000;

export async function actorFromApiToken(db: DbOrTx, tokenHash: string): Promise<Actor | null> {
  const [row] = await db
    .select({ ...actorColumns, tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt), eq(users.isActive, true)))
    .limit(1);
  if (!row) return null;
  const { tokenId, lastUsedAt, ...actor } = row;
  // "Last used" to the minute: writing it on every request made each one a write and a commit, and
  // made concurrent requests with one token queue on its row.
  const now = new Date();
  if (!lastUsedAt || now.getTime() - lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, tokenId));
  }
  return { ...actor, via: 'token', csrfToken: null };
}

export async function insertSession(
  db: DbOrTx,
  values: { tokenHash: string; organizationId: string; userId: string; csrfToken: string; expiresAt: Date },
) {
  await db.insert(sessions).values(values);
}

export async function deleteSession(db: DbOrTx, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}
