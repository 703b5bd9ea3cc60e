import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { resourceBlackouts, resourceBookings } from '../../db/schema/resources.js';
import { conflict, invalidField, notFound } from '../../http/problem.js';
import type { Actor } from '../auth/actor.js';
import { parseInstantField } from './instants.js';
import { type BlackoutRow, lockResource } from './repository.js';
import { requireResourceManager } from './resource-checks.js';

/**
 * A maintenance or blackout period. It may not silently strand people who booked: when active
 * bookings fall in it the answer is 409 naming them, to be cancelled or moved first.
 */
export async function addBlackout(deps: { db: Db }, actor: Actor, resourceId: string, input: { start: string; end: string; reason: string | null }): Promise<BlackoutRow> {
  requireResourceManager(actor);
  const startsAt = parseInstantField('start', input.start);
  const endsAt = parseInstantField('end', input.end);
  if (endsAt <= startsAt) throw invalidField('end', 'must be after start');
  return deps.db.transaction(async (tx) => {
    const resource = await lockResource(tx, actor.organizationId, resourceId);
    if (!resource) throw notFound('Resource');
    const ids = await tx.select({ id: resourceBookings.id }).from(resourceBookings).where(and(
      eq(resourceBookings.organizationId, actor.organizationId), eq(resourceBookings.resourceId, resourceId),
      inArray(resourceBookings.status, ['pending', 'approved']),
      sql`blocked && tstzrange(${startsAt.toISOString()}::timestamptz, ${endsAt.toISOString()}::timestamptz, '[)')`,
    ));
    if (ids.length) throw conflict(`${ids.length} booking(s) hold the resource in this period; cancel or move them first.`, { conflictingBookingIds: ids.map((r) => r.id) });
    const [row] = await tx.insert(resourceBlackouts)
      .values({ organizationId: actor.organizationId, resourceId, startsAt, endsAt, reason: input.reason, createdBy: actor.userId }).returning();
    return row!;
  });
}

export async function removeBlackout(deps: { db: Db }, actor: Actor, resourceId: string, blackoutId: string): Promise<void> {
  requireResourceManager(actor);
  const deleted = await deps.db.delete(resourceBlackouts)
    .where(and(eq(resourceBlackouts.organizationId, actor.organizationId), eq(resourceBlackouts.resourceId, resourceId), eq(resourceBlackouts.id, blackoutId)))
    .returning({ id: resourceBlackouts.id });
  if (deleted.length === 0) throw notFound('Blackout');
}
