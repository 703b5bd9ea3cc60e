import type { Db } from '../../db/client.js';
import { forbidden } from '../../http/problem.js';
import type { Actor } from '../auth/actor.js';
import { canDecideBookings } from './policy.js';
import { transitionBooking, type TransitionResult } from './transition.js';

/** A resource manager approves or rejects a booking, with a reason; the requester is notified. */
export function decideBooking(deps: { db: Db }, actor: Actor, id: string, input: { action: 'approve' | 'reject'; reason: string | null }): Promise<TransitionResult> {
  return transitionBooking(deps, actor, id, input.action, input.reason, () => {
    if (!canDecideBookings(actor)) throw forbidden('Only resource managers and admins decide bookings.');
  });
}
