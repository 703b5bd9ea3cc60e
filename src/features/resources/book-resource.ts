import { isWithinBookableHours, overlaps } from '../../core/resources/index.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { resourceBookingEvents, resourceBookings } from '../../db/schema/resources.js';
import { conflict, forbidden, invalidField, Problem } from '../../http/problem.js';
import type { Actor } from '../auth/actor.js';
import { canEditEntry, canSeeEntryDetails } from '../calendars/policy.js';
import { findAccessibleCalendar } from '../calendars/repository.js';
import { findEntry } from '../entries/repository.js';
import { bookingConflictOf } from './guard-errors.js';
import { parseInstantField } from './instants.js';
import { type BookableOccurrence, occurrencesToBook } from './occurrences.js';
import { canBook } from './policy.js';
import { blackoutsIn, type BookingRow, findBookingByKey, lockResourceWithBlackouts, type ResourceRow } from './repository.js';
import type { BookingCreate } from './schemas.js';
import { travelMinutesFor } from './travel-time.js';

const BLACKOUT_MARGIN_MS = 9 * 86_400_000;

export type OccurrenceResult = 'booked' | 'conflict' | 'blackout' | 'outside_bookable_hours';
export interface OccurrenceOutcome extends BookableOccurrence {
  result: OccurrenceResult;
  booking: BookingRow | null;
  conflictingBookingId: string | null;
}
export type BookResult = { series: false; booking: BookingRow; resource: ResourceRow } | { series: true; outcomes: OccurrenceOutcome[]; resource: ResourceRow };

interface Plan {
  resource: ResourceRow;
  travelMinutes: number;
  blackouts: { id: string; start_ms: number; end_ms: number }[];
}

const padMs = (resource: ResourceRow, travel: number) => ({
  before: (resource.bufferBeforeMinutes + travel) * 60_000,
  after: (resource.bufferAfterMinutes + travel) * 60_000,
});

/** Why an occurrence cannot be booked before the database is asked, or null. */
function precheck(plan: Plan, o: BookableOccurrence): { result: OccurrenceResult; blackoutId?: string } | null {
  const { resource } = plan;
  if (!isWithinBookableHours(resource.bookableHours ?? null, resource.timeZone, { startMs: o.startMs, endMs: o.endMs })) return { result: 'outside_bookable_hours' };
  const pad = padMs(resource, plan.travelMinutes);
  const blocked = { startMs: o.startMs - pad.before, endMs: o.endMs + pad.after };
  const blackout = plan.blackouts.find((b) => overlaps(blocked, { startMs: b.start_ms, endMs: b.end_ms }));
  return blackout ? { result: 'blackout', blackoutId: blackout.id } : null;
}

async function insertBooking(tx: DbOrTx, actor: Actor, plan: Plan, input: BookingCreate, o: BookableOccurrence, idempotencyKey: string | null): Promise<BookingRow> {
  const { resource, travelMinutes } = plan;
  const status = resource.needsApproval ? 'pending' : 'approved';
  const [row] = await tx.insert(resourceBookings).values({
    organizationId: actor.organizationId, resourceId: resource.id, entryId: input.entryId, recurrenceId: o.recurrenceId,
    startsAt: new Date(o.startMs), endsAt: new Date(o.endMs), units: input.units,
    bufferBeforeMinutes: resource.bufferBeforeMinutes, bufferAfterMinutes: resource.bufferAfterMinutes,
    travelBeforeMinutes: travelMinutes, travelAfterMinutes: travelMinutes,
    // the guard trigger computes the blocked span; these satisfy NOT NULL until it does
    blockedStart: new Date(o.startMs), blockedEnd: new Date(o.endMs),
    status, note: input.note, requestedBy: actor.userId, idempotencyKey,
    ...(status === 'approved' ? { decidedAt: new Date(), decisionReason: 'approved at once: the resource needs no approval' } : {}),
  }).returning();
  await tx.insert(resourceBookingEvents).values({
    organizationId: actor.organizationId, bookingId: row!.id, action: status === 'approved' ? 'auto_approved' : 'requested', toStatus: status, actorId: actor.userId,
  });
  return row!;
}

/**
 * Books a resource for an entry, one occurrence of a series, or every occurrence up to a horizon
 * (each occurrence in a savepoint of its own, so the ones that fit are booked and the others are
 * reported). The database guard is the judge of overlaps: this never counts bookings itself, so
 * concurrent requests cannot both pass a check and both write.
 */
export async function bookResource(deps: { db: Db; now: () => Date }, actor: Actor, input: BookingCreate, idempotencyKey: string | null): Promise<BookResult> {
  if (!canBook(actor)) throw forbidden('Viewers cannot book resources.');
  if (idempotencyKey) {
    const earlier = await findBookingByKey(deps.db, actor.organizationId, actor.userId, idempotencyKey);
    if (earlier) return { series: false, booking: earlier.booking, resource: earlier.resource };
  }
  const untilMs = input.until ? parseInstantField('until', input.until).getTime() : null;
  try {
    return await deps.db.transaction(async (tx) => {
      const entry = await findEntry(tx, actor.organizationId, input.entryId);
      const calendar = entry ? await findAccessibleCalendar(tx, actor, entry.calendarId) : null;
      const owner = entry && { visibility: entry.visibility, organizerId: entry.organizerId, createdBy: entry.createdBy };
      if (!entry || !calendar || !canSeeEntryDetails(actor, calendar.level, owner!)) throw invalidField('entryId', 'is not an entry you can see', 422);
      if (!canEditEntry(actor, calendar.level, owner!)) throw forbidden('You may book resources only for entries you may change.');
      const occurrences = await occurrencesToBook(tx, entry, input.recurrenceId, deps.now().getTime(), untilMs);
      if (occurrences.length === 0) throw invalidField('until', 'no occurrence of the series falls between now and until', 422);
      const single = input.recurrenceId !== undefined || occurrences[0]!.recurrenceId === null;
      if (single && occurrences[0]!.endMs <= occurrences[0]!.startMs) throw invalidField('entryId', 'the entry has no duration to book', 422);

      // Blackouts are read with the lock over a margin wide enough for any buffer (≤ 7 days) and a drive; re-read if a span needs more.
      const first = Math.min(...occurrences.map((o) => o.startMs));
      const last = Math.max(...occurrences.map((o) => o.endMs));
      const locked = await lockResourceWithBlackouts(tx, actor.organizationId, input.resourceId, first - BLACKOUT_MARGIN_MS, last + BLACKOUT_MARGIN_MS);
      if (!locked) throw invalidField('resourceId', 'is not a resource of this organisation', 422);
      const { resource } = locked;
      if (!resource.isActive) throw invalidField('resourceId', `${resource.name} is not active and cannot be booked`, 422);
      if (input.units > resource.quantity) throw invalidField('units', `${resource.name} has only ${resource.quantity}`, 422);
      const travelMinutes = await travelMinutesFor(tx, actor.organizationId, resource, entry.communityId);
      const pad = padMs(resource, travelMinutes);
      const wider = Math.max(pad.before, pad.after) > BLACKOUT_MARGIN_MS;
      const blackouts = wider ? await blackoutsIn(tx, actor.organizationId, [resource.id], first - pad.before, last + pad.after) : locked.blackouts;
      const plan: Plan = { resource, travelMinutes, blackouts };

      if (single) {
        const o = occurrences[0]!;
        const refused = precheck(plan, o);
        if (refused?.result === 'outside_bookable_hours') throw invalidField('entryId', `the entry's time is outside the bookable hours of ${resource.name}`, 422);
        if (refused?.result === 'blackout') throw conflict(`${resource.name} is unavailable then (maintenance or blackout).`, { blackoutId: refused.blackoutId });
        return { series: false as const, booking: await insertBooking(tx, actor, plan, input, o, idempotencyKey), resource };
      }
      const outcomes: OccurrenceOutcome[] = [];
      for (const o of occurrences) {
        const refused = precheck(plan, o) ?? (o.endMs <= o.startMs ? { result: 'outside_bookable_hours' as const } : null);
        if (refused) {
          outcomes.push({ ...o, result: refused.result, booking: null, conflictingBookingId: null });
          continue;
        }
        try {
          const booking = await tx.transaction((sp) => insertBooking(sp, actor, plan, input, o, null));
          outcomes.push({ ...o, result: 'booked', booking, conflictingBookingId: null });
        } catch (error) {
          const clash = bookingConflictOf(error);
          if (!clash) throw error;
          outcomes.push({ ...o, result: 'conflict', booking: null, conflictingBookingId: clash.conflictingBookingId });
        }
      }
      if (!outcomes.some((o) => o.result === 'booked')) {
        throw new Problem(409, 'Conflict', `No occurrence could be booked: ${resource.name} is taken or unavailable at each one.`, [], {
          occurrences: outcomes.map((o) => ({ recurrenceId: o.recurrenceId, result: o.result, conflictingBookingId: o.conflictingBookingId })),
        });
      }
      return { series: true as const, outcomes, resource };
    });
  } catch (error) {
    const clash = bookingConflictOf(error);
    if (!clash) throw error;
    throw conflict(clash.conflictingBookingId ? `The resource is already booked then (booking ${clash.conflictingBookingId}).` : 'The resource is already booked then.', clash);
  }
}
