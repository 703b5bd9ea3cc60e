import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/context.js';
import { notFound } from '../../http/problem.js';
import type { Actor } from '../auth/actor.js';
import { IdParamsSchema } from '../auth/schemas.js';
import { bookResource } from './book-resource.js';
import { cancelBooking, reopenBooking } from './cancel-booking.js';
import { decideBooking } from './decide-booking.js';
import { canDecideBookings, canSeeBooking } from './policy.js';
import { isoIn, presentBooking } from './presenter.js';
import { type BookingRow, findBooking, listBookings, resourceNames } from './repository.js';
import { parseWindow } from './instants.js';
import { bookingsFeed } from './resource-feed.js';
import { BookingBatchSchema, BookingCreateSchema, BookingListQuerySchema, BookingSchema, DecisionSchema, FeedEventSchema, ReasonSchema, WindowQuerySchema } from './schemas.js';
import type { TransitionResult } from './transition.js';

const tags = ['resources'];
const IdempotencyHeadersSchema = z.object({ 'idempotency-key': z.string().min(1).max(200).optional() });

export const bookingRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, database, now } = app.ctx;
  const presentMany = async (actor: Actor, rows: BookingRow[]) => {
    const names = await resourceNames(db, actor.organizationId, rows.map((r) => r.resourceId));
    return rows.map((r) => presentBooking(actor, r, names.get(r.resourceId) ?? '', actor.timeZone));
  };
  const presentResult = (actor: Actor, r: TransitionResult) => presentBooking(actor, r.booking, r.resource.name, actor.timeZone);

  app.post('/api/v1/bookings', {
    schema: {
      tags,
      summary: 'Book a resource for an entry, one occurrence (recurrenceId), or every occurrence of a series up to `until`',
      description: 'Approved at once when the resource needs no approval, else pending. 409 names the booking in the way (conflictingBookingId). A series answers with what was booked and, per occurrence, what conflicted; with atomic: true it books every occurrence or none (409 listing the occurrences in the way). Idempotency-Key makes a retried single booking return the first one; the same key with another body is 422.',
      headers: IdempotencyHeadersSchema, body: BookingCreateSchema, response: { 201: z.union([BookingSchema, BookingBatchSchema]) },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const result = await bookResource({ db, database, now }, actor, request.body, request.headers['idempotency-key'] ?? null);
    if (!result.series) {
      return reply.status(201).header('location', `/api/v1/bookings/${result.booking.id}`).send(presentBooking(actor, result.booking, result.resource.name, actor.timeZone));
    }
    const booked = result.outcomes.filter((o) => o.booking).map((o) => presentBooking(actor, o.booking!, result.resource.name, actor.timeZone));
    return reply.status(201).send({
      bookings: booked,
      occurrences: result.outcomes.map((o) => ({
        recurrenceId: o.recurrenceId!, start: isoIn(o.startMs, actor.timeZone), end: isoIn(o.endMs, actor.timeZone),
        result: o.result, bookingId: o.booking?.id ?? null, conflictingBookingId: o.conflictingBookingId,
      })),
    });
  });

  app.get('/api/v1/bookings', {
    schema: {
      tags, summary: 'Bookings: status=pending is the approval queue (oldest first). Staff see their own; resource managers and admins all.',
      querystring: BookingListQuerySchema, response: { 200: z.object({ items: z.array(BookingSchema) }) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const { mine, ...q } = request.query;
    const requestedBy = mine === 'true' || !canDecideBookings(actor) ? actor.userId : undefined;
    return { items: await presentMany(actor, await listBookings(db, actor.organizationId, { ...q, requestedBy })) };
  });

  app.get('/api/v1/bookings/calendar', {
    schema: {
      tags, summary: 'The bookings layer of the integrated calendar in [start, end): your bookings (all, for resource managers) as events, travel and turnaround apart',
      querystring: WindowQuerySchema, response: { 200: z.array(FeedEventSchema) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    return bookingsFeed(database, actor, parseWindow(request.query.start, request.query.end, 92));
  });

  app.get('/api/v1/bookings/:id', {
    schema: { tags, summary: 'One booking', params: IdParamsSchema, response: { 200: BookingSchema } },
  }, async (request) => {
    const actor = requireActor(request);
    const row = await findBooking(db, actor.organizationId, request.params.id);
    if (!row || !canSeeBooking(actor, row)) throw notFound('Booking');
    return (await presentMany(actor, [row]))[0]!;
  });

  app.post('/api/v1/bookings/:id/decision', {
    schema: { tags, summary: 'Approve or reject a booking, with a reason (resource managers and admins); the requester is notified', params: IdParamsSchema, body: DecisionSchema, response: { 200: BookingSchema } },
  }, async (request) => {
    const actor = requireActor(request);
    return presentResult(actor, await decideBooking({ db }, actor, request.params.id, request.body));
  });

  app.post('/api/v1/bookings/:id/cancel', {
    schema: { tags, summary: 'Cancel a booking (its requester, or a resource manager)', params: IdParamsSchema, body: ReasonSchema.nullish(), response: { 200: BookingSchema } },
  }, async (request) => {
    const actor = requireActor(request);
    return presentResult(actor, await cancelBooking({ db }, actor, request.params.id, request.body?.reason ?? null));
  });

  app.post('/api/v1/bookings/:id/reopen', {
    schema: { tags, summary: 'Ask again for a cancelled booking (or reconsider a rejected one): only if the resource is still free', params: IdParamsSchema, body: ReasonSchema.nullish(), response: { 200: BookingSchema } },
  }, async (request) => {
    const actor = requireActor(request);
    return presentResult(actor, await reopenBooking({ db }, actor, request.params.id, request.body?.reason ?? null));
  });
};
