import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { preparedFor } from '../../db/prepared.js';
import { type FeedFilterValues, feeds } from '../../db/schema/feeds.js';
import { users } from '../../db/schema/users.js';

export type FeedRow = typeof feeds.$inferSelect;
type Owner = { organizationId: string; userId: string };

export async function insertFeed(db: DbOrTx, values: typeof feeds.$inferInsert): Promise<FeedRow> {
  const [row] = await db.insert(feeds).values(values).returning();
  return row!;
}

export async function listFeedRows(db: DbOrTx, owner: Owner): Promise<FeedRow[]> {
  return db.select().from(feeds)
    .where(and(eq(feeds.organizationId, owner.organizationId), eq(feeds.ownerId, owner.userId), isNull(feeds.revokedAt)))
    .orderBy(desc(feeds.createdAt));
}

export async function countFeeds(db: DbOrTx, owner: Owner): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(feeds)
    .where(and(eq(feeds.organizationId, owner.organizationId), eq(feeds.ownerId, owner.userId), isNull(feeds.revokedAt)));
  return row!.n;
}

const ownFeed = (owner: Owner, id: string) =>
  and(eq(feeds.id, id), eq(feeds.organizationId, owner.organizationId), eq(feeds.ownerId, owner.userId), isNull(feeds.revokedAt));

/** Revokes one of the owner's feeds; false when it is not theirs (or already revoked). */
export async function revokeFeedRow(db: DbOrTx, owner: Owner, id: string, now: Date): Promise<boolean> {
  const rows = await db.update(feeds).set({ revokedAt: now }).where(ownFeed(owner, id)).returning({ id: feeds.id });
  return rows.length > 0;
}

/** A new secret for one of the owner's feeds: the old URL stops at once. */
export async function rotateFeedRow(db: DbOrTx, owner: Owner, id: string, secret: { tokenHash: string; tokenPrefix: string }, now: Date): Promise<FeedRow | null> {
  const [row] = await db.update(feeds).set({ ...secret, rotatedAt: now }).where(ownFeed(owner, id)).returning();
  return row ?? null;
}

/** What serving a feed URL needs: the feed and who its owner is now. */
export interface FeedWithOwner {
  id: string;
  name: string;
  calendarIds: string[] | null;
  filters: FeedFilterValues;
  detail: FeedRow['detail'];
  contentTag: string | null;
  contentChangedAt: Date;
  revokedAt: Date | null;
  owner: { userId: string; organizationId: string; email: string; name: string; role: (typeof users.$inferSelect)['role']; timeZone: string; isActive: boolean };
}

// Every poll of every feed asks this: built once per database, prepared on each connection.
const feedLookup = (db: DbOrTx) =>
  db
    .select({
      id: feeds.id, name: feeds.name, calendarIds: feeds.calendarIds, filters: feeds.filters, detail: feeds.detail,
      contentTag: feeds.contentTag, contentChangedAt: feeds.contentChangedAt, revokedAt: feeds.revokedAt,
      owner: { userId: users.id, organizationId: users.organizationId, email: users.email, name: users.name, role: users.role, timeZone: users.timeZone, isActive: users.isActive },
    })
    .from(feeds)
    .innerJoin(users, eq(users.id, feeds.ownerId))
    .where(eq(feeds.tokenHash, sql.placeholder('hash')))
    .prepare('feed_by_token');
const feedLookups = new WeakMap<DbOrTx, ReturnType<typeof feedLookup>>();

export async function findFeedByTokenHash(db: DbOrTx, tokenHash: string): Promise<FeedWithOwner | null> {
  const [row] = await preparedFor(feedLookups, db, feedLookup).execute({ hash: tokenHash });
  return row ?? null;
}

/** Remembers the ETag now served, and since when, unless another process already did. */
export async function noteContentTag(db: DbOrTx, id: string, tag: string, now: Date): Promise<void> {
  await db.update(feeds).set({ contentTag: tag, contentChangedAt: now })
    .where(and(eq(feeds.id, id), sql`${feeds.contentTag} is distinct from ${tag}`));
}
