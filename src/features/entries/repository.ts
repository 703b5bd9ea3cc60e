import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { communities } from '../../db/schema/communities.js';
import { entries } from '../../db/schema/entries.js';
import { users } from '../../db/schema/users.js';

export type EntryRow = typeof entries.$inferSelect;

export async function findEntry(db: DbOrTx, organizationId: string, id: string): Promise<EntryRow | null> {
  const [row] = await db
    .select()
    .from(entries)
    .where(and(eq(entries.id, id), eq(entries.organizationId, organizationId), isNull(entries.deletedAt)));
  return row ?? null;
}

export async function userExists(db: DbOrTx, organizationId: string, id: string): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(and(eq(users.id, id), eq(users.organizationId, organizationId)));
  return Boolean(row);
}

export async function communityExists(db: DbOrTx, organizationId: string, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: communities.id })
    .from(communities)
    .where(and(eq(communities.id, id), eq(communities.organizationId, organizationId)));
  return Boolean(row);
}
