import { and, asc, count, eq, ilike, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { communities } from '../../db/schema/communities.js';
import { entries } from '../../db/schema/entries.js';
import { invalidField } from '../../http/problem.js';
import type { CommunityListQuery } from './schemas.js';
import { containsPattern } from '../../db/like.js';

export type CommunityRow = typeof communities.$inferSelect;

export async function findCommunity(db: DbOrTx, organizationId: string, id: string): Promise<CommunityRow | null> {
  const [row] = await db.select().from(communities).where(and(eq(communities.id, id), eq(communities.organizationId, organizationId)));
  return row ?? null;
}

// The cursor is the (name, id) of the last row sent: stable under inserts, opaque to clients.
const encodeCursor = (row: CommunityRow): string => Buffer.from(JSON.stringify([row.name, row.id])).toString('base64url');

function decodeCursor(cursor: string): [string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && typeof value[0] === 'string' && typeof value[1] === 'string' && /^[0-9a-f-]{36}$/i.test(value[1])) return [value[0], value[1]];
  } catch {
    // falls through to the field error
  }
  throw invalidField('cursor', 'is not a cursor this API gave out');
}

/** One page of the directory in name order, filtered by level, parent (or top level), subtree and text. */
export async function listCommunities(db: DbOrTx, organizationId: string, query: CommunityListQuery): Promise<{ rows: CommunityRow[]; nextCursor: string | null }> {
  const where: (SQL | undefined)[] = [eq(communities.organizationId, organizationId)];
  if (query.level) where.push(eq(communities.level, query.level));
  if (query.parent === 'none') where.push(isNull(communities.parentId));
  else if (query.parent) where.push(eq(communities.parentId, query.parent));
  if (query.within) where.push(sql`${communities.path} && array[${query.within}::uuid]`);
  if (query.q) where.push(or(ilike(communities.name, containsPattern(query.q)), ilike(communities.code, containsPattern(query.q))));
  if (query.cursor) {
    const [name, id] = decodeCursor(query.cursor);
    where.push(sql`(${communities.name}, ${communities.id}) > (${name}, ${id}::uuid)`);
  }
  const rows = await db.select().from(communities).where(and(...where)).orderBy(asc(communities.name), asc(communities.id)).limit(query.limit + 1);
  const more = rows.length > query.limit;
  if (more) rows.pop();
  return { rows, nextCursor: more ? encodeCursor(rows.at(-1)!) : null };
}

export async function countChildren(db: DbOrTx, organizationId: string, id: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(communities).where(and(eq(communities.organizationId, organizationId), eq(communities.parentId, id)));
  return row?.n ?? 0;
}

/** Entries that name the community, live ones and tombstones apart (tombstones still hold the foreign key). */
export async function countEntriesOf(db: DbOrTx, organizationId: string, id: string): Promise<{ live: number; deleted: number }> {
  const rows = await db
    .select({ deleted: sql<boolean>`${entries.deletedAt} is not null`, n: count() })
    .from(entries)
    .where(and(eq(entries.organizationId, organizationId), eq(entries.communityId, id)))
    .groupBy(sql`${entries.deletedAt} is not null`);
  return { live: rows.find((r) => !r.deleted)?.n ?? 0, deleted: rows.find((r) => r.deleted)?.n ?? 0 };
}

/**
 * Gives a community and everything below it a new path prefix: each path keeps its tail below the
 * moved community and takes the new ancestors in front. One statement, so the subtree never shows
 * half old, half new.
 */
export async function repathSubtree(db: DbOrTx, organizationId: string, id: string, oldPathLength: number, newPath: readonly string[]): Promise<number> {
  const prefix = `{${newPath.join(',')}}`;
  const rows = await db
    .update(communities)
    .set({ path: sql`${prefix}::uuid[] || ${communities.path}[${sql.raw(String(Math.trunc(oldPathLength) + 1))}:array_length(${communities.path}, 1)]` })
    .where(and(eq(communities.organizationId, organizationId), sql`${communities.path} && array[${id}::uuid]`))
    .returning({ id: communities.id });
  return rows.length;
}
