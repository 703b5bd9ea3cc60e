import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { preparedFor } from '../../db/prepared.js';
import { apiTokens, sessions, users } from '../../db/schema/index.js';
import type { FoundActor } from './actor-cache.js';

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

// Every request asks one of the two lookups below: each is built once per database (Drizzle's
// query building was a tenth of a booking's CPU) and prepared on each connection.
const sessionLookup = (db: DbOrTx) =>
  db
    .select({ ...actorColumns, csrfToken: sessions.csrfToken, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, sql.placeholder('hash')), gt(sessions.expiresAt, sql.placeholder('now')), eq(users.isActive, true)))
    .limit(1)
    .prepare('actor_from_session');

const tokenLookup = (db: DbOrTx) =>
  db
    .select({ ...actorColumns, tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, sql.placeholder('hash')), isNull(apiTokens.revokedAt), eq(users.isActive, true)))
    .limit(1)
    .prepare('actor_from_api_token');

const sessionLookups = new WeakMap<DbOrTx, ReturnType<typeof sessionLookup>>();
const tokenLookups = new WeakMap<DbOrTx, ReturnType<typeof tokenLookup>>();

/** The session's actor and its expiry, or null when it is unknown, expired or its user inactive. */
export async function actorFromSession(db: DbOrTx, tokenHash: string, now: Date): Promise<FoundActor | null> {
  const [row] = await preparedFor(sessionLookups, db, sessionLookup).execute({ hash: tokenHash, now });
  if (!row) return null;
  const { expiresAt, ...actor } = row;
  return { actor: { ...actor, via: 'session' }, untilMs: expiresAt.getTime() };
}

const LAST_USED_PRECISION_MS = 60_000;

export async function actorFromApiToken(db: DbOrTx, tokenHash: string): Promise<FoundActor | null> {
  const [row] = await preparedFor(tokenLookups, db, tokenLookup).execute({ hash: tokenHash });
  if (!row) return null;
  const { tokenId, lastUsedAt, ...actor } = row;
  // "Last used" to the minute: writing it on every request made each one a write and a commit, and
  // made concurrent requests with one token queue on its row.
  const now = new Date();
  if (!lastUsedAt || now.getTime() - lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, tokenId));
  }
  return { actor: { ...actor, via: 'token', csrfToken: null }, untilMs: Number.POSITIVE_INFINITY };
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
