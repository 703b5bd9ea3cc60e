import { and, eq, sql } from 'drizzle-orm';
import { type BookingAction, nextStatus } from '../../core/resources/index.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { entries } from '../../db/schema/entries.js';
import { resourceBookingEvents, resourceBookings } from '../../db/schema/resources.js';
import { conflict, notFound, preconditionFailed } from '../../http/problem.js';
import type { Actor } from '../auth/actor.js';
import { enqueueNotification } from '../notifications/enqueue.js';
import { bookingConflictOf } from './guard-errors.js';
import { canSeeBooking } from './policy.js';
import { type BookingRow, findBooking, findResource, type ResourceRow } from './repository.js';

const PAST: Record<BookingAction, string> = { approve: 'approved', reject: 'rejected', cancel: 'cancelled', reopen: 're-opened' };

export interface TransitionResult {
  booking: BookingRow;
  resource: ResourceRow;
}

/**
 * Moves a booking to the status `action` leads to, records who and why, and tells the requester
 * when someone else decided. The guard trigger re-checks the no-double-booking invariant whenever
 * the booking comes to hold the resource again (approve, re-open): 409 naming the booking in the way.
 * `authorize` throws when the actor may see the booking but not do this to it.
 */
export async function transitionBooking(
  deps: { db: Db },
  actor: Actor,
  id: string,
  action: BookingAction,
  reason: string | null,
  authorize: (booking: BookingRow) => void,
  expectedVersion: number | null = null,
): Promise<TransitionResult> {
  try {
    return await deps.db.transaction(async (tx) => {
      const current = await findBooking(tx, actor.organizationId, id);
      if (!current || !canSeeBooking(actor, current)) throw notFound('Booking');
      authorize(current);
      if (expectedVersion !== null && expectedVersion !== current.version) throw preconditionFailed(`The booking changed since you loaded it (now version ${current.version}).`);
      const resource = (await findResource(tx, actor.organizationId, current.resourceId))!;
      const to = nextStatus(current.status, action, resource.needsApproval);
      if (!to) throw conflict(`A ${current.status} booking cannot be ${PAST[action]}.`, { bookingStatus: current.status });
      const decision = action === 'approve' || action === 'reject' || (action === 'reopen' && to === 'approved');
      const now = new Date();
      const [booking] = await tx.update(resourceBookings).set({
        status: to,
        version: sql`${resourceBookings.version} + 1`,
        updatedAt: now,
        ...(decision ? { decidedBy: actor.userId, decidedAt: now, decisionReason: reason } : { decisionReason: reason }),
      }).where(and(eq(resourceBookings.id, id), eq(resourceBookings.version, current.version))).returning();
      if (!booking) throw preconditionFailed('The booking changed while saving; reload and try again.');
      await tx.insert(resourceBookingEvents).values({ organizationId: actor.organizationId, bookingId: id, action, fromStatus: current.status, toStatus: to, actorId: actor.userId, reason });
      if (booking.requestedBy !== actor.userId) await notifyRequester(tx, booking, resource, reason);
      return { booking, resource };
    });
  } catch (error) {
    const clash = bookingConflictOf(error);
    if (!clash) throw error;
    throw conflict(`The resource is booked by someone else then${clash.conflictingBookingId ? ` (booking ${clash.conflictingBookingId})` : ''}; this booking cannot hold it.`, clash);
  }
}

async function notifyRequester(tx: DbOrTx, booking: BookingRow, resource: ResourceRow, reason: string | null): Promise<void> {
  const [entry] = await tx.select({ title: entries.title }).from(entries).where(and(eq(entries.organizationId, booking.organizationId), eq(entries.id, booking.entryId)));
  await enqueueNotification(tx, {
    organizationId: booking.organizationId,
    recipientUserId: booking.requestedBy,
    type: 'booking_decision',
    entryId: booking.entryId,
    occurrenceAt: booking.recurrenceId ? booking.startsAt : null,
    dedupeKey: `booking:${booking.id}:${booking.status}`,
    payload: {
      bookingId: booking.id, resourceId: resource.id, resourceName: resource.name, entryTitle: entry?.title ?? null,
      decision: booking.status, reason, title: `${resource.name}: booking ${booking.status}`,
    },
  });
}
