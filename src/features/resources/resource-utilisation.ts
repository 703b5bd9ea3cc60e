import { bookableSpans, type Span, utilisation } from '../../core/resources/index.js';
import type { Database } from '../../db/client.js';
import { forbidden } from '../../http/problem.js';
import type { Actor } from '../auth/actor.js';
import { canManageResources } from './policy.js';
import { activeBookingsIn, blackoutsIn, listResources, type ResourceRow } from './repository.js';
import { subtractSpans } from '../../core/resources/index.js';

/** Booked hours (approved, event time) over bookable hours (weekly hours less blackouts, × quantity), per resource. */
export async function resourceUtilisation(database: Database, actor: Actor, q: { type?: ResourceRow['type'] }, window: Span) {
  if (!canManageResources(actor) && actor.role !== 'manager') throw forbidden('Utilisation is for managers and resource managers.');
  const rows = await listResources(database.db, actor.organizationId, { type: q.type, active: 'all' });
  const ids = rows.map((r) => r.id);
  const [bookings, blackouts] = await Promise.all([
    activeBookingsIn(database, actor.organizationId, ids, window.startMs, window.endMs),
    blackoutsIn(database.db, actor.organizationId, ids, window.startMs, window.endMs),
  ]);
  return rows.map((r) => {
    const open = subtractSpans(bookableSpans(r.bookableHours ?? null, r.timeZone, window),
      blackouts.filter((b) => b.resource_id === r.id).map((b) => ({ startMs: b.start_ms, endMs: b.end_ms })));
    const booked = bookings.filter((b) => b.resource_id === r.id && b.status === 'approved').map((b) => ({ startMs: b.start_ms, endMs: b.end_ms, units: b.units }));
    const u = utilisation(open, booked, r.quantity, window);
    return { resourceId: r.id, name: r.name, type: r.type, ...u };
  });
}
