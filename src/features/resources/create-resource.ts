import type { Db } from '../../db/client.js';
import { resources } from '../../db/schema/resources.js';
import type { Actor } from '../auth/actor.js';
import type { ResourceRow } from './repository.js';
import { checkResourceInput, requireResourceManager } from './resource-checks.js';
import type { ResourceCreate } from './schemas.js';

export async function createResource(deps: { db: Db }, actor: Actor, input: ResourceCreate): Promise<ResourceRow> {
  requireResourceManager(actor);
  return deps.db.transaction(async (tx) => {
    await checkResourceInput(tx, actor, input);
    const [row] = await tx.insert(resources).values({ ...input, organizationId: actor.organizationId }).returning();
    return row!;
  });
}
