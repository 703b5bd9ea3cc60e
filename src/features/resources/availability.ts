import { and, eq, gte, type SQL } from 'drizzle-orm';
import { bookableSpans, freeSpans, isWithinBookableHours, overlaps, peakUnits, type Span, subtractSpans } from '../../core/resources/index.js';
import type { Database } from '../../db/client.js';
import { resources } from '../../db/schema/resources.js';
import { notFound } from '../../http/problem.js';
import type { Actor } from '../auth/actor.js';
import { isoIn } from './presenter.js';
import { activeBookingsIn, blackoutsIn, busySpansIn, findResource, type ResourceRow, unitResourcesBookedIn } from './repository.js';

const span = (s: Span, zone: string) => ({ start: isoIn(s.startMs, zone), end: isoIn(s.endMs, zone) });

/** A resource in a window: what holds it (with buffers and travel), when it may be booked, its blackouts, and what is left. */
export async function resourceAvailability(database: Database, actor: Actor, id: string, window: Span) {
  const resource = await findResource(database.db, actor.organizationId, id);
  if (!resource) throw notFound('Resource');
  const zone = actor.timeZone;
  const [bookings, blackouts] = await Promise.all([
    activeBookingsIn(database, actor.organizationId, [id], window.startMs, window.endMs),
    blackoutsIn(database.db, actor.organizationId, [id], window.startMs, window.endMs),
  ]);
  const bookable = bookableSpans(resource.bookableHours ?? null, resource.timeZone, window);
  const busy = bookings.map((b) => ({ startMs: b.blocked_start_ms, endMs: b.blocked_end_ms, units: b.units }));
  const open = subtractSpans(bookable, blackouts.map((b) => ({ startMs: b.start_ms, endMs: b.end_ms })));
  const free = subtractSpans(open, subtractSpans([window], freeSpans(busy, window, resource.quantity, 1)));
  return {
    resourceId: id,
    quantity: resource.quantity,
    ...span(window, zone),
    busy: bookings.map((b) => ({
      bookingId: b.id, status: b.status, units: b.units,
      ...span({ startMs: b.start_ms, endMs: b.end_ms }, zone),
      blockedStart: isoIn(b.blocked_start_ms, zone), blockedEnd: isoIn(b.blocked_end_ms, zone),
    })),
    bookableHours: bookable.map((s) => span(s, zone)),
    blackouts: blackouts.map((b) => ({ id: b.id, reason: b.reason, ...span({ startMs: b.start_ms, endMs: b.end_ms }, zone) })),
    free: free.map((s) => span(s, zone)),
  };
}

/**
 * Active resources (of a type, seating at least `capacity`) that can take `units` more for the
 * whole of [start, end) with their own buffers: inside bookable hours, outside blackouts, and
 * with stock left at the busiest instant. Three queries, whatever the number of resources.
 */
export async function findAvailableResources(database: Database, actor: Actor, q: { type?: ResourceRow['type']; capacity?: number; units: number }, window: Span) {
  const where: SQL[] = [eq(resources.organizationId, actor.organizationId), eq(resources.isActive, true), gte(resources.quantity, q.units)];
  if (q.type) where.push(eq(resources.type, q.type));
  if (q.capacity !== undefined) where.push(gte(resources.capacity, q.capacity));
  const candidates = (await database.db.select().from(resources).where(and(...where))).filter((r) =>
    isWithinBookableHours(r.bookableHours ?? null, r.timeZone, window));
  if (candidates.length === 0) return [];
  const windowOf = (r: ResourceRow) => ({ id: r.id, startMs: window.startMs - r.bufferBeforeMinutes * 60_000, endMs: window.endMs + r.bufferAfterMinutes * 60_000 });
  const maxPad = Math.max(...candidates.map((r) => Math.max(r.bufferBeforeMinutes, r.bufferAfterMinutes))) * 60_000;
  // Unit resources need only "is anything there"; quantity resources need the bookings, to find the busiest instant.
  const units = candidates.filter((r) => r.quantity === 1);
  const stocked = candidates.filter((r) => r.quantity > 1);
  const [taken, byResource, blackouts] = await Promise.all([
    unitResourcesBookedIn(database, actor.organizationId, units.map(windowOf)),
    busySpansIn(database, actor.organizationId, stocked.map((r) => r.id), window.startMs - maxPad, window.endMs + maxPad),
    blackoutsIn(database.db, actor.organizationId, candidates.map((r) => r.id), window.startMs - maxPad, window.endMs + maxPad),
  ]);
  const result: { resource: ResourceRow; freeUnits: number }[] = [];
  for (const r of candidates) {
    if (taken.has(r.id)) continue;
    const blocked = windowOf(r);
    if (blackouts.some((b) => b.resource_id === r.id && overlaps(blocked, { startMs: b.start_ms, endMs: b.end_ms }))) continue;
    const freeUnits = r.quantity - peakUnits(byResource.get(r.id) ?? [], blocked).peak;
    if (freeUnits >= q.units) result.push({ resource: r, freeUnits });
  }
  return result;
}
