import { and, eq, sql } from 'drizzle-orm';
import { DEFAULT_ROAD_FACTOR, DEFAULT_SPEED_KMH, travelMinutes } from '../../core/resources/index.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { communities } from '../../db/schema/communities.js';
import { resourceTravelSpeeds } from '../../db/schema/resources.js';
import { invalidField, notFound } from '../../http/problem.js';
import type { Actor } from '../auth/actor.js';
import type { ResourceRow } from './repository.js';
import { requireResourceManager } from './resource-checks.js';

interface Place {
  latitude: number | null;
  longitude: number | null;
  provinceId: string | null;
}

async function placeOf(db: DbOrTx, organizationId: string, id: string): Promise<Place | null> {
  const [row] = await db
    .select({
      latitude: communities.latitude,
      longitude: communities.longitude,
      // aliased in full: in a one-table select Drizzle would write the outer path unqualified, and p's own path would answer
      provinceId: sql<string | null>`(select p.id from communities p join communities c on p.id = any(c.path) where c.id = ${id}::uuid and p.level = 'province' limit 1)`,
    })
    .from(communities)
    .where(and(eq(communities.organizationId, organizationId), eq(communities.id, id)));
  return row ?? null;
}

/**
 * One-way minutes a vehicle drives from its home base to the entry's community, at the average
 * road speed of the community's province (or the default). 0 when it is not a vehicle, or either
 * place has no coordinates: nothing is invented.
 */
export async function travelMinutesFor(db: DbOrTx, organizationId: string, resource: ResourceRow, communityId: string | null): Promise<number> {
  if (resource.type !== 'vehicle' || !resource.homeCommunityId || !communityId || communityId === resource.homeCommunityId) return 0;
  const [home, there] = await Promise.all([placeOf(db, organizationId, resource.homeCommunityId), placeOf(db, organizationId, communityId)]);
  if (home?.latitude == null || home.longitude == null || there?.latitude == null || there.longitude == null) return 0;
  let speed = DEFAULT_SPEED_KMH;
  let factor = DEFAULT_ROAD_FACTOR;
  if (there.provinceId) {
    const [row] = await db.select().from(resourceTravelSpeeds)
      .where(and(eq(resourceTravelSpeeds.organizationId, organizationId), eq(resourceTravelSpeeds.provinceId, there.provinceId)));
    if (row) ({ speedKmh: speed, roadFactor: factor } = row);
  }
  return travelMinutes({ latitude: home.latitude, longitude: home.longitude }, { latitude: there.latitude, longitude: there.longitude }, speed, factor);
}

export async function setTravelSpeed(deps: { db: Db }, actor: Actor, provinceId: string, input: { speedKmh: number; roadFactor: number }) {
  requireResourceManager(actor);
  const [province] = await deps.db.select({ level: communities.level }).from(communities)
    .where(and(eq(communities.organizationId, actor.organizationId), eq(communities.id, provinceId)));
  if (!province) throw notFound('Province');
  if (province.level !== 'province') throw invalidField('provinceId', `is a ${province.level}, not a province`, 422);
  const values = { organizationId: actor.organizationId, provinceId, ...input };
  const [row] = await deps.db.insert(resourceTravelSpeeds).values(values)
    .onConflictDoUpdate({ target: [resourceTravelSpeeds.organizationId, resourceTravelSpeeds.provinceId], set: input }).returning();
  return row!;
}

export const listTravelSpeeds = (db: DbOrTx, organizationId: string) =>
  db.select().from(resourceTravelSpeeds).where(eq(resourceTravelSpeeds.organizationId, organizationId));
