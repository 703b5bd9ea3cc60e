import type { Db } from '../../db/client.js';
import { forbidden } from '../../http/problem.js';
import type { Actor } from '../auth/actor.js';
import { canCancelBooking, canDecideBookings } from './policy.js';
import { transitionBooking, type TransitionResult } from './transition.js';

/** The requester (or a resource manager) gives the resource back. */
export function cancelBooking(deps: { db: Db }, actor: Actor, id: string, reason: string | null): Promise<TransitionResult> {
  return transitionBooking(deps, actor, id, 'cancel', reason, (booking) => {
    if (!canCancelBooking(actor, booking)) throw forbidden('You may not cancel this booking.');
  });
}

/**
 * A cancelled booking asked for again (by its requester or a manager), or a rejected one a manager
 * reconsiders: it goes back to pending, or straight to approved when the resource needs no
 * approval, and only if the resource is still free then.
 */
export function reopenBooking(deps: { db: Db }, actor: Actor, id: string, reason: string | null): Promise<TransitionResult> {
  return transitionBooking(deps, actor, id, 'reopen', reason, (booking) => {
    if (booking.status === 'rejected' && !canDecideBookings(actor)) throw forbidden('Only resource managers re-open a rejected booking.');
    if (!canCancelBooking(actor, booking)) throw forbidden('You may not re-open this booking.');
  });
}
