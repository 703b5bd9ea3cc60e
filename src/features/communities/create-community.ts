import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.js';
import { communities } from '../../db/schema/communities.js';
import { forbidden } from '../../http/problem.js';
import type { Actor } from '../auth/actor.js';
import { checkedParent } from './parent-check.js';
import { canManageCommunities } from './policy.js';
import type { CommunityRow } from './repository.js';
import type { CommunityCreate } from './schemas.js';

export async function createCommunity(deps: { db: Db }, actor: Actor, input: CommunityCreate): Promise<CommunityRow> {
  if (!canManageCommunities(actor)) throw forbidden('Only admins and managers change the communities directory.');
  return deps.db.transaction(async (tx) => {
    const parent = await checkedParent(tx, actor.organizationId, input.level, input.parentId);
    const id = randomUUID();
    const [row] = await tx
      .insert(communities)
      .values({ id, organizationId: actor.organizationId, ...input, path: [...(parent?.path ?? []), id] })
      .returning();
    return row!;
  });
}
