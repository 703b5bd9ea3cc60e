import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { communities } from '../../db/schema/communities.js';
import { forbidden, invalidField, notFound } from '../../http/problem.js';
import type { Actor } from '../auth/actor.js';
import { checkedParent } from './parent-check.js';
import { canManageCommunities, childLevelOf } from './policy.js';
import { type CommunityRow, findCommunity, repathSubtree } from './repository.js';
import type { CommunityLevel, CommunityPatch } from './schemas.js';

/**
 * Renames, re-codes, re-positions or moves a community. A move (new parent) re-paths the whole
 * subtree in the same transaction, so "entries anywhere in this province" stays right.
 */
export async function updateCommunity(deps: { db: Db }, actor: Actor, id: string, patch: CommunityPatch): Promise<CommunityRow> {
  if (!canManageCommunities(actor)) throw forbidden('Only admins and managers change the communities directory.');
  return deps.db.transaction(async (tx) => {
    const current = await findCommunity(tx, actor.organizationId, id);
    if (!current) throw notFound('Community');
    const level = (patch.level ?? current.level) as CommunityLevel;
    const parentId = patch.parentId === undefined ? current.parentId : patch.parentId;
    const moved = parentId !== current.parentId || level !== current.level;
    let path = current.path;
    if (moved) {
      const parent = await checkedParent(tx, actor.organizationId, level, parentId);
      if (parent?.path.includes(id)) throw invalidField('parentId', 'is this community or one inside it', 422);
      if (level !== current.level) {
        const [child] = await tx.select({ level: communities.level }).from(communities)
          .where(and(eq(communities.organizationId, actor.organizationId), eq(communities.parentId, id))).limit(1);
        if (child && child.level !== childLevelOf(level)) throw invalidField('level', `cannot become a ${level}: it holds ${child.level} communities`, 422);
      }
      path = [...(parent?.path ?? []), id];
    }
    const [row] = await tx
      .update(communities)
      .set({ ...patch, parentId, level })
      .where(and(eq(communities.id, id), eq(communities.organizationId, actor.organizationId)))
      .returning();
    if (moved && path.join() !== current.path.join()) await repathSubtree(tx, actor.organizationId, id, current.path.length, path);
    return moved ? (await findCommunity(tx, actor.organizationId, id))! : row!;
  });
}
