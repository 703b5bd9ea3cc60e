import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { resourceBookings, resources } from '../../db/schema/resources.js';
import { notFound, preconditionFailed } from '../../http/problem.js';
import type { Actor } from '../auth/actor.js';
import { findResource, type ResourceRow } from './repository.js';
import { checkResourceInput, requireResourceManager } from './resource-checks.js';
import type { ResourcePatch } from './schemas.js';

/**
 * Changes a resource. A new quantity is held to the invariant at once: every booking that holds
 * the resource is re-checked by the database guard, so lowering the stock below what is booked
 * answers 409 (naming a booking) and changes nothing.
 */
export async function updateResource(deps: { db: Db }, actor: Actor, id: string, patch: ResourcePatch, expectedVersion: number | null): Promise<ResourceRow> {
  requireResourceManager(actor);
  return deps.db.transaction(async (tx) => {
    const current = await findResource(tx, actor.organizationId, id);
    if (!current) throw notFound('Resource');
    if (expectedVersion !== null && expectedVersion !== current.version) {
      throw preconditionFailed(`The resource changed since you loaded it (now version ${current.version}); reload and try again.`);
    }
    await checkResourceInput(tx, actor, patch);
    const [row] = await tx.update(resources).set({ ...patch, version: sql`${resources.version} + 1`, updatedAt: new Date() })
      .where(and(eq(resources.id, id), eq(resources.version, current.version))).returning();
    if (!row) throw preconditionFailed('The resource changed while saving; reload and try again.');
    if (patch.quantity !== undefined && patch.quantity !== current.quantity) {
      // Touching the active bookings runs the guard on each: it re-derives `exclusive` and re-checks the stock.
      await tx.update(resourceBookings).set({ version: sql`${resourceBookings.version} + 1` })
        .where(and(eq(resourceBookings.organizationId, actor.organizationId), eq(resourceBookings.resourceId, id), inArray(resourceBookings.status, ['pending', 'approved']), sql`${resourceBookings.blockedEnd} > now()`));
    }
    return row;
  });
}
