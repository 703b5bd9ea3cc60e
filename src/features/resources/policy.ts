import type { Actor } from '../auth/actor.js';

/**
 * Who may do what with resources and bookings: pure predicates. Everyone in the organisation sees
 * the resources and their availability; resource managers and admins keep them and decide bookings.
 */
export const canManageResources = (actor: Actor): boolean => actor.role === 'admin' || actor.role === 'resource_manager';

export const canDecideBookings = canManageResources;

export const canBook = (actor: Actor): boolean => actor.role !== 'viewer';

export interface BookingForPolicy {
  requestedBy: string;
}

/** Bookings are seen by whoever asked for them and by those who decide them; others get 404. */
export const canSeeBooking = (actor: Actor, booking: BookingForPolicy): boolean => canDecideBookings(actor) || booking.requestedBy === actor.userId;

export const canCancelBooking = canSeeBooking;
