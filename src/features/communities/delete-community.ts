import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { communities } from '../../db/schema/communities.js';
import { entries } from '../../db/schema/entries.js';
import { conflict, forbidden, notFound } from '../../http/problem.js';
import type { Actor } from '../auth/actor.js';
import { canManageCommunities } from './policy.js';
import { countChildren, countEntriesOf, findCommunity } from './repository.js';

/** Removes a community that nothing uses: live entries or communities under it make it a 409. */
export async function deleteCommunity(deps: { db: Db }, actor: Actor, id: string): Promise<void> {
  if (!canManageCommunities(actor)) throw forbidden('Only admins and managers change the communities directory.');
  await deps.db.transaction(async (tx) => {
    const row = await findCommunity(tx, actor.organizationId, id);
    if (!row) throw notFound('Community');
    const children = await countChildren(tx, actor.organizationId, id);
    if (children > 0) throw conflict(`${row.name} has ${children} communities under it; move or delete them first.`, { children });
    const used = await countEntriesOf(tx, actor.organizationId, id);
    if (used.live > 0) throw conflict(`${used.live} calendar entries are at ${row.name}; move them to another community first.`, { entries: used.live });
    // Tombstones keep their place in sync history but need not keep the community alive.
    if (used.deleted > 0) {
      await tx.update(entries).set({ communityId: null })
        .where(and(eq(entries.organizationId, actor.organizationId), eq(entries.communityId, id), isNotNull(entries.deletedAt)));
    }
    await tx.delete(communities).where(and(eq(communities.id, id), eq(communities.organizationId, actor.organizationId)));
  });
}
