import { formatInstantInZone, ianaZone } from '../../core/time/index.js';
import type { Actor } from '../auth/actor.js';
import { canBook, canCancelBooking, canDecideBookings, canManageResources } from './policy.js';
import type { BlackoutRow, BookingRow, ResourceRow } from './repository.js';
import type { BookingDto, ResourceDto } from './schemas.js';

/** An instant as ISO-8601 with the offset in force in the zone (the API's output form). */
export const isoIn = (ms: number | Date, zone: string): string => formatInstantInZone(typeof ms === 'number' ? ms : ms.getTime(), ianaZone(zone));

export function presentResource(actor: Actor, row: ResourceRow): ResourceDto {
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    description: row.description,
    capacity: row.capacity,
    quantity: row.quantity,
    location: row.location,
    homeCommunityId: row.homeCommunityId,
    needsApproval: row.needsApproval,
    costPerUse: row.costPerUse === null ? null : Number(row.costPerUse),
    bufferBeforeMinutes: row.bufferBeforeMinutes,
    bufferAfterMinutes: row.bufferAfterMinutes,
    timeZone: row.timeZone,
    bookableHours: (row.bookableHours ?? null) as ResourceDto['bookableHours'],
    isActive: row.isActive,
    version: row.version,
    canEdit: canManageResources(actor),
    canBook: row.isActive && canBook(actor),
  };
}

export function presentBooking(actor: Actor, row: BookingRow, resourceName: string, zone: string): BookingDto {
  const isManager = canDecideBookings(actor);
  const active = row.status === 'pending' || row.status === 'approved';
  return {
    id: row.id,
    resourceId: row.resourceId,
    resourceName,
    entryId: row.entryId,
    recurrenceId: row.recurrenceId,
    start: isoIn(row.startsAt, zone),
    end: isoIn(row.endsAt, zone),
    units: row.units,
    bufferBeforeMinutes: row.bufferBeforeMinutes,
    bufferAfterMinutes: row.bufferAfterMinutes,
    travelBeforeMinutes: row.travelBeforeMinutes,
    travelAfterMinutes: row.travelAfterMinutes,
    blockedStart: isoIn(row.blockedStart, zone),
    blockedEnd: isoIn(row.blockedEnd, zone),
    status: row.status,
    note: row.note,
    requestedBy: row.requestedBy,
    requestedAt: row.requestedAt.toISOString(),
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decisionReason: row.decisionReason,
    version: row.version,
    canDecide: isManager && row.status === 'pending',
    canCancel: active && canCancelBooking(actor, row),
    canReopen: (row.status === 'cancelled' && canCancelBooking(actor, row)) || (row.status === 'rejected' && isManager),
  };
}

export function presentBlackout(row: BlackoutRow, zone: string) {
  return { id: row.id, resourceId: row.resourceId, start: isoIn(row.startsAt, zone), end: isoIn(row.endsAt, zone), reason: row.reason };
}
