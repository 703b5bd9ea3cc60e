import { isWithinBookableHours, overlaps } from '../../core/resources/index.js';
import type { Database, Db, QueryFn } from '../../db/client.js';
import { isSameRequest, requestHash } from '../../core/idempotency/request-hash.js';
import { conflict, forbidden, idempotencyKeyReused, invalidField, Problem } from '../../http/problem.js';
import type { Actor } from '../auth/actor.js';
import { accessLevelOf, canEditEntry, canSeeEntryDetails } from '../calendars/policy.js';
import { findEntry } from '../entries/repository.js';
import { bookOccurrence, loadBookingContext } from './booking-store.js';
import { pgErrorOf } from './guard-errors.js';
import { parseInstantField } from './instants.js';
import { type BookableOccurrence, isSeries, occurrencesToBook, singleEntrySpan } from './occurrences.js';
import { canBook } from './policy.js';
import { isoIn } from './presenter.js';
import { blackoutsIn, type BookingRow, findBookingByKey, type ResourceRow } from './repository.js';
import type { BookingCreate } from './schemas.js';
import { travelMinutesFor } from './travel-time.js';

const BLACKOUT_MARGIN_MS = 9 * 86_400_000;

export type OccurrenceResult = 'booked' | 'conflict' | 'blackout' | 'outside_bookable_hours';
export interface OccurrenceOutcome extends BookableOccurrence {
  result: OccurrenceResult;
  booking: BookingRow | null;
  conflictingBookingId: string | null;
  blackoutId: string | null;
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

const MAX_ATTEMPTS = 3;

/** The resource changed between the read and the write: the booking is tried again from the read. */
class ResourceChanged extends Error {}

/**
 * Books a resource for an entry, one occurrence of a series, or every occurrence up to a horizon
 * (the ones that fit are booked and the others reported). The database is the judge:
 * resource_book locks the resource and the guard trigger refuses overlaps and over-stock, so
 * concurrent requests cannot both pass a check and both write. What is read before (entry, access,
 * resource, blackouts) is read without a lock; a resource changed meanwhile makes the write refuse,
 * and the booking is tried again from the start.
 */
export async function bookResource(deps: BookingDeps, actor: Actor, input: BookingCreate, idempotencyKey: string | null): Promise<BookResult> {
  if (!canBook(actor)) throw forbidden('Viewers cannot book resources.');
  const idempotency = idempotencyKey ? { key: idempotencyKey, hash: requestHash(input) } : null;
  const earlier = idempotency ? await earlierAnswer(deps.db, actor, idempotency) : null;
  if (earlier) return earlier;
  const untilMs = input.until ? parseInstantField('until', input.until).getTime() : null;
  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptBooking(deps, actor, input, idempotency, untilMs);
    } catch (error) {
      if (!(error instanceof ResourceChanged)) throw error;
      if (attempt === MAX_ATTEMPTS) throw conflict('The resource kept changing while it was being booked; try again.');
    }
  }
}

interface BookingDeps {
  db: Db;
  database: Database;
  now: () => Date;
}

interface Idempotency {
  key: string;
  hash: string;
}

/** The booking made earlier under this key (the request sent again), or null; the key with another body is a 422. */
async function earlierAnswer(db: Db, actor: Actor, idempotency: Idempotency): Promise<BookResult | null> {
  const earlier = await findBookingByKey(db, actor.organizationId, actor.userId, idempotency.key);
  if (!earlier) return null;
  if (!isSameRequest(earlier.booking.requestHash, idempotency.hash)) throw idempotencyKeyReused();
  return { series: false, booking: earlier.booking, resource: earlier.resource };
}

async function attemptBooking(deps: BookingDeps, actor: Actor, input: BookingCreate, idempotency: Idempotency | null, untilMs: number | null): Promise<BookResult> {
  const context = await loadBookingContext(deps.database, actor, input.entryId, input.resourceId, BLACKOUT_MARGIN_MS);
  const { entry, calendar } = context;
  const level = calendar ? accessLevelOf(actor, calendar, context.access) : null;
  if (!entry || !canSeeEntryDetails(actor, level, entry)) throw invalidField('entryId', 'is not an entry you can see', 422);
  if (!canEditEntry(actor, level, entry)) throw forbidden('You may book resources only for entries you may change.');
  const series = isSeries(entry) ? await findEntry(deps.db, actor.organizationId, entry.id) : null;
  if (isSeries(entry) && !series) throw invalidField('entryId', 'is not an entry you can see', 422);
  const occurrences = series ? await occurrencesToBook(deps.db, series, input.recurrenceId, deps.now().getTime(), untilMs) : [singleEntrySpan(entry, input.recurrenceId)];
  if (occurrences.length === 0) throw invalidField('until', 'no occurrence of the series falls between now and until', 422);
  const single = input.recurrenceId !== undefined || occurrences[0]!.recurrenceId === null;
  if (single && occurrences[0]!.endMs <= occurrences[0]!.startMs) throw invalidField('entryId', 'the entry has no duration to book', 422);

  const { resource } = context;
  if (!resource) throw invalidField('resourceId', 'is not a resource of this organisation', 422);
  if (!resource.isActive) throw invalidField('resourceId', `${resource.name} is not active and cannot be booked`, 422);
  if (input.units > resource.quantity) throw invalidField('units', `${resource.name} has only ${resource.quantity}`, 422);
  const travelMinutes = await travelMinutesFor(deps.db, actor.organizationId, resource, entry.communityId);
  const pad = padMs(resource, travelMinutes);
  // The context holds the blackouts near the entry itself, enough for any buffer (≤ 7 days) and a drive; a series or a longer pad reads them again.
  const first = Math.min(...occurrences.map((o) => o.startMs));
  const last = Math.max(...occurrences.map((o) => o.endMs));
  const near = !series && Math.max(pad.before, pad.after) <= BLACKOUT_MARGIN_MS;
  const blackouts = near ? context.blackouts : await blackoutsIn(deps.db, actor.organizationId, [resource.id], first - pad.before, last + pad.after);
  const plan: Plan = { resource, travelMinutes, blackouts };
  const write = async (query: QueryFn, o: BookableOccurrence, key: Idempotency | null) => {
    const written = await bookOccurrence(query, actor, {
      resource, travelMinutes, entryId: entry.id, recurrenceId: o.recurrenceId, startMs: o.startMs, endMs: o.endMs, units: input.units, note: input.note,
      idempotencyKey: key?.key ?? null, requestHash: key?.hash ?? null,
    });
    if (written.outcome === 'changed') throw new ResourceChanged();
    return written;
  };

  if (single) {
    const o = occurrences[0]!;
    const refused = precheck(plan, o);
    if (refused?.result === 'outside_bookable_hours') throw invalidField('entryId', `the entry's time is outside the bookable hours of ${resource.name}`, 422);
    if (refused?.result === 'blackout') throw blackoutConflict(resource, refused.blackoutId!);
    // One autocommitted statement: the booking and its event, or nothing.
    const written = await write((text, params, options) => deps.database.query(text, params, options), o, idempotency).catch(async (error: unknown) => {
      if (pgErrorOf(error)?.code !== '23505' || !idempotency) throw error;
      return { outcome: 'conflict' as const, conflictingBookingId: null };
    });
    if (written.outcome === 'blackout') throw blackoutConflict(resource, written.blackoutId);
    if (written.outcome === 'conflict') {
      // The same request sent again before the first was answered: the first one's booking is the answer.
      const earlier = idempotency ? await earlierAnswer(deps.db, actor, idempotency) : null;
      if (earlier) return earlier;
      const { conflictingBookingId } = written;
      throw conflict(conflictingBookingId ? `The resource is already booked then (booking ${conflictingBookingId}).` : 'The resource is already booked then.', { conflictingBookingId });
    }
    return { series: false, booking: written.booking, resource };
  }
  // One transaction: a series is booked as far as it fits, or (nothing fitting, or an error) not at all.
  return deps.database.rawTransaction(async (query) => {
    const outcomes: OccurrenceOutcome[] = [];
    for (const o of occurrences) {
      const refused = precheck(plan, o) ?? (o.endMs <= o.startMs ? { result: 'outside_bookable_hours' as const } : null);
      const written = refused ? null : await write(query, o, null);
      outcomes.push({
        ...o,
        result: refused?.result ?? (written!.outcome === 'booked' ? 'booked' : written!.outcome === 'blackout' ? 'blackout' : 'conflict'),
        booking: written?.outcome === 'booked' ? written.booking : null,
        conflictingBookingId: written?.outcome === 'conflict' ? written.conflictingBookingId : null,
        blackoutId: refused?.blackoutId ?? (written?.outcome === 'blackout' ? written.blackoutId : null),
      });
    }
    // Thrown inside the transaction: the occurrences written so far are rolled back with it.
    if (input.atomic && outcomes.some((o) => o.result !== 'booked')) throw seriesInTheWay(resource, outcomes, actor.timeZone);
    if (!outcomes.some((o) => o.result === 'booked')) {
      throw new Problem(409, 'Conflict', `No occurrence could be booked: ${resource.name} is taken or unavailable at each one.`, [], {
        occurrences: outcomes.map((o) => ({ recurrenceId: o.recurrenceId, result: o.result, conflictingBookingId: o.conflictingBookingId })),
      });
    }
    return { series: true as const, outcomes, resource };
  });
}

const blackoutConflict = (resource: ResourceRow, blackoutId: string) => conflict(`${resource.name} is unavailable then (maintenance or blackout).`, { blackoutId });

const WHY: Record<Exclude<OccurrenceResult, 'booked'>, string> = { conflict: 'already booked', blackout: 'unavailable (maintenance or blackout)', outside_bookable_hours: 'outside its bookable hours' };

/** `atomic: true` and some occurrence cannot be booked: nothing is, and the 409 names each one in the way. */
function seriesInTheWay(resource: ResourceRow, outcomes: OccurrenceOutcome[], timeZone: string): Problem {
  const blocked = outcomes.filter((o) => o.result !== 'booked');
  const first = blocked[0]!;
  return conflict(
    `Nothing was booked: ${resource.name} cannot be had for ${blocked.length} of the ${outcomes.length} occurrences ` +
      `(the first on ${isoIn(first.startMs, timeZone)}: ${WHY[first.result as Exclude<OccurrenceResult, 'booked'>]}${first.conflictingBookingId ? `, booking ${first.conflictingBookingId}` : ''}).`,
    {
      occurrences: blocked.map((o) => ({
        recurrenceId: o.recurrenceId, start: isoIn(o.startMs, timeZone), end: isoIn(o.endMs, timeZone), result: o.result,
        conflictingBookingId: o.conflictingBookingId, blackoutId: o.blackoutId,
      })),
    },
  );
}
