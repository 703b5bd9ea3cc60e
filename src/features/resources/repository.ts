import { type AnyColumn, and, asc, desc, eq, gt, ilike, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { UnitSpan } from '../../core/resources/index.js';
import { timestampArray, uuidArray } from '../../db/array-literals.js';
import type { Database, DbOrTx } from '../../db/client.js';
import { containsPattern } from '../../db/like.js';
import { resourceBlackouts, resourceBookings, resources } from '../../db/schema/resources.js';

export type ResourceRow = typeof resources.$inferSelect;
export type BookingRow = typeof resourceBookings.$inferSelect;
export type BlackoutRow = typeof resourceBlackouts.$inferSelect;

export async function findResource(db: DbOrTx, organizationId: string, id: string): Promise<ResourceRow | null> {
  const [row] = await db.select().from(resources).where(and(eq(resources.organizationId, organizationId), eq(resources.id, id)));
  return row ?? null;
}

/** The resource row, locked for this transaction: bookings of it (and blackouts) queue behind the lock. */
export async function lockResource(db: DbOrTx, organizationId: string, id: string): Promise<ResourceRow | null> {
  const [row] = await db.select().from(resources).where(and(eq(resources.organizationId, organizationId), eq(resources.id, id))).for('update');
  return row ?? null;
}

export async function listResources(db: DbOrTx, organizationId: string, q: { type?: string; active?: 'true' | 'false' | 'all'; q?: string }): Promise<ResourceRow[]> {
  const where: SQL[] = [eq(resources.organizationId, organizationId)];
  if (q.type) where.push(eq(resources.type, q.type as ResourceRow['type']));
  if (q.active && q.active !== 'all') where.push(eq(resources.isActive, q.active === 'true'));
  if (q.q) where.push(ilike(resources.name, containsPattern(q.q)));
  return db.select().from(resources).where(and(...where)).orderBy(asc(resources.type), asc(resources.name), asc(resources.id));
}

export async function findBooking(db: DbOrTx, organizationId: string, id: string): Promise<BookingRow | null> {
  const [row] = await db.select().from(resourceBookings).where(and(eq(resourceBookings.organizationId, organizationId), eq(resourceBookings.id, id)));
  return row ?? null;
}

export async function findBookingByKey(db: DbOrTx, organizationId: string, userId: string, key: string): Promise<{ booking: BookingRow; resource: ResourceRow } | null> {
  const [row] = await db.select().from(resourceBookings)
    .where(and(eq(resourceBookings.organizationId, organizationId), eq(resourceBookings.requestedBy, userId), eq(resourceBookings.idempotencyKey, key)));
  const resource = row ? await findResource(db, organizationId, row.resourceId) : null;
  return row && resource ? { booking: row, resource } : null;
}

export async function listBookings(
  db: DbOrTx,
  organizationId: string,
  q: { status?: string; resourceId?: string; entryId?: string; requestedBy?: string; limit: number },
): Promise<BookingRow[]> {
  const where: SQL[] = [eq(resourceBookings.organizationId, organizationId)];
  if (q.status) where.push(eq(resourceBookings.status, q.status as BookingRow['status']));
  if (q.resourceId) where.push(eq(resourceBookings.resourceId, q.resourceId));
  if (q.entryId) where.push(eq(resourceBookings.entryId, q.entryId));
  if (q.requestedBy) where.push(eq(resourceBookings.requestedBy, q.requestedBy));
  // The approval queue reads oldest first (first come, first decided); other lists newest first.
  const order = q.status === 'pending' ? [asc(resourceBookings.requestedAt), asc(resourceBookings.id)] : [desc(resourceBookings.startsAt), asc(resourceBookings.id)];
  return db.select().from(resourceBookings).where(and(...where)).orderBy(...order).limit(q.limit);
}

export async function resourceNames(db: DbOrTx, organizationId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: resources.id, name: resources.name }).from(resources)
    .where(and(eq(resources.organizationId, organizationId), inArray(resources.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** A booking that holds time: what availability, utilisation and the calendar read. */
export interface ActiveBookingRow {
  id: string;
  resource_id: string;
  entry_id: string;
  recurrence_id: string | null;
  status: 'pending' | 'approved';
  units: number;
  start_ms: number;
  end_ms: number;
  blocked_start_ms: number;
  blocked_end_ms: number;
}

const ms = (column: string) => `(extract(epoch from ${column}) * 1000)::float8`;

/** Pending and approved bookings of these resources whose blocked span meets [startMs, endMs), through the GiST index. */
export async function activeBookingsIn(database: Database, organizationId: string, resourceIds: string[], startMs: number, endMs: number): Promise<ActiveBookingRow[]> {
  if (resourceIds.length === 0) return [];
  return database.query<ActiveBookingRow>(
    `select id, resource_id, entry_id, recurrence_id, status, units, ${ms('starts_at')} as start_ms, ${ms('ends_at')} as end_ms,
       ${ms('blocked_start')} as blocked_start_ms, ${ms('blocked_end')} as blocked_end_ms
     from resource_bookings
     where resource_id = any($2::uuid[]) and status in ('pending', 'approved') and blocked && tstzrange($3, $4, '[)') and organization_id = $1
     order by blocked_start`,
    [organizationId, resourceIds, new Date(startMs), new Date(endMs)],
  );
}

/**
 * Of these unit resources (quantity 1), each with its own blocked window [f, t), the ones an active
 * booking meets. Their active bookings never overlap one another, so the one that ends first after
 * f meets the window exactly when it starts before t: one btree probe per resource
 * (resource_bookings_end_idx) and no booking rows sent back. Only for unit resources.
 */
export async function unitResourcesBookedIn(database: Database, organizationId: string, windows: { id: string; startMs: number; endMs: number }[]): Promise<Set<string>> {
  if (windows.length === 0) return new Set();
  const rows = await database.query<{ id: string }>(
    `select c.id from unnest($2::uuid[], $3::timestamptz[], $4::timestamptz[]) as c(id, f, t)
     cross join lateral (select b.blocked_start from resource_bookings b where b.resource_id = c.id and b.status in ('pending', 'approved')
       and b.blocked_end > c.f and b.organization_id = $1 order by b.blocked_end limit 1) as n
     where n.blocked_start < c.t`,
    [organizationId, uuidArray(windows.map((w) => w.id)), timestampArray(windows.map((w) => w.startMs)), timestampArray(windows.map((w) => w.endMs))],
  );
  return new Set(rows.map((r) => r.id));
}

/** Only what the busiest-instant count needs, per booking, for many resources at once (the free-resource search). */
export async function busySpansIn(database: Database, organizationId: string, resourceIds: string[], startMs: number, endMs: number): Promise<Map<string, UnitSpan[]>> {
  const byResource = new Map<string, UnitSpan[]>();
  if (resourceIds.length === 0) return byResource;
  const rows = await database.query<{ r: string; u: number; s: number; e: number }>(
    `select resource_id as r, units as u, ${ms('blocked_start')} as s, ${ms('blocked_end')} as e from resource_bookings
     where resource_id = any($2::uuid[]) and status in ('pending', 'approved') and blocked && tstzrange($3, $4, '[)') and organization_id = $1`,
    [organizationId, uuidArray(resourceIds), new Date(startMs), new Date(endMs)],
  );
  for (const row of rows) {
    let list = byResource.get(row.r);
    if (!list) byResource.set(row.r, (list = []));
    list.push({ startMs: row.s, endMs: row.e, units: row.u });
  }
  return byResource;
}

export interface BlackoutSpanRow {
  id: string;
  resource_id: string;
  reason: string | null;
  start_ms: number;
  end_ms: number;
}

const msOf = (column: SQL | AnyColumn) => sql<number>`(extract(epoch from ${column}) * 1000)::float8`.mapWith(Number);

/** Blackouts meeting [startMs, endMs); takes the transaction, so a booking checks them under its resource lock. */
export async function blackoutsIn(db: DbOrTx, organizationId: string, resourceIds: string[], startMs: number, endMs: number): Promise<BlackoutSpanRow[]> {
  if (resourceIds.length === 0) return [];
  const b = resourceBlackouts;
  // The ids as one array parameter: inArray binds one parameter each, and building that for the
  // 200 resources of a search cost more than the query.
  return db.select({ id: b.id, resource_id: b.resourceId, reason: b.reason, start_ms: msOf(b.startsAt), end_ms: msOf(b.endsAt) }).from(b)
    .where(and(eq(b.organizationId, organizationId), sql`${b.resourceId} = any(${uuidArray(resourceIds)}::uuid[])`, lt(b.startsAt, new Date(endMs)), gt(b.endsAt, new Date(startMs))))
    .orderBy(asc(b.startsAt));
}
