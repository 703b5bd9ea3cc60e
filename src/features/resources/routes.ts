import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { expectedVersionOf, IfMatchHeadersSchema } from '../../http/conditional.js';
import { requireActor } from '../../http/context.js';
import { notFound } from '../../http/problem.js';
import { IdParamsSchema } from '../auth/schemas.js';
import { findAvailableResources, resourceAvailability } from './availability.js';
import { addBlackout, removeBlackout } from './blackouts.js';
import { bookingRoutes } from './booking-routes.js';
import { createResource } from './create-resource.js';
import { parseWindow } from './instants.js';
import { presentBlackout, presentResource } from './presenter.js';
import { findResource, listResources } from './repository.js';
import { resourceFeed } from './resource-feed.js';
import { resourceUtilisation } from './resource-utilisation.js';
import {
  AvailabilitySchema, AvailableQuerySchema, BlackoutCreateSchema, BlackoutSchema, FeedEventSchema, ResourceCreateSchema, ResourceListQuerySchema,
  ResourcePatchSchema, ResourceSchema, TravelSpeedDtoSchema, TravelSpeedSchema, UtilisationQuerySchema, WindowQuerySchema,
} from './schemas.js';
import { listTravelSpeeds, setTravelSpeed } from './travel-time.js';
import { updateResource } from './update-resource.js';

const tags = ['resources'];

export const resourceRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, database } = app.ctx;

  app.get('/api/v1/resources', {
    schema: { tags, summary: 'Bookable resources (vehicles, equipment, rooms, facilitators); active ones unless active=false|all', querystring: ResourceListQuerySchema, response: { 200: z.object({ items: z.array(ResourceSchema) }) } },
  }, async (request) => {
    const actor = requireActor(request);
    return { items: (await listResources(db, actor.organizationId, request.query)).map((r) => presentResource(actor, r)) };
  });

  app.post('/api/v1/resources', {
    schema: { tags, summary: 'Add a resource (resource managers and admins)', body: ResourceCreateSchema, response: { 201: ResourceSchema } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const row = await createResource({ db }, actor, request.body);
    return reply.status(201).header('location', `/api/v1/resources/${row.id}`).header('etag', `"${row.version}"`).send(presentResource(actor, row));
  });

  app.get('/api/v1/resources/available', {
    schema: {
      tags, summary: 'Resources free for the whole of [start, end): of a type, seating at least capacity, with units left',
      querystring: AvailableQuerySchema, response: { 200: z.object({ items: z.array(ResourceSchema.extend({ freeUnits: z.number() })) }) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const { start, end, ...q } = request.query;
    const found = await findAvailableResources(database, actor, q, parseWindow(start, end, 31));
    return { items: found.map((f) => ({ ...presentResource(actor, f.resource), freeUnits: f.freeUnits })) };
  });

  app.get('/api/v1/resources/utilisation', {
    schema: {
      tags, summary: 'Booked hours over bookable hours per resource in [start, end) (managers and resource managers)',
      querystring: UtilisationQuerySchema,
      response: { 200: z.object({ items: z.array(z.object({ resourceId: z.uuid(), name: z.string(), type: z.string(), bookableHours: z.number(), bookedHours: z.number(), ratio: z.number() })) }) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const { start, end, ...q } = request.query;
    return { items: await resourceUtilisation(database, actor, q, parseWindow(start, end)) };
  });

  app.get('/api/v1/resources/travel-speeds', {
    schema: { tags, summary: 'Average road speed and road factor per province, for vehicle travel time', response: { 200: z.object({ items: z.array(TravelSpeedDtoSchema) }) } },
  }, async (request) => {
    const actor = requireActor(request);
    const rows = await listTravelSpeeds(db, actor.organizationId);
    return { items: rows.map((r) => ({ provinceId: r.provinceId, speedKmh: r.speedKmh, roadFactor: r.roadFactor })) };
  });

  app.put('/api/v1/resources/travel-speeds/:id', {
    schema: { tags, summary: 'Set the average road speed (km/h) and road factor for trips into a province (resource managers and admins)', params: IdParamsSchema, body: TravelSpeedSchema, response: { 200: TravelSpeedDtoSchema } },
  }, async (request) => {
    const row = await setTravelSpeed({ db }, requireActor(request), request.params.id, request.body);
    return { provinceId: row.provinceId, speedKmh: row.speedKmh, roadFactor: row.roadFactor };
  });

  app.get('/api/v1/resources/:id', {
    schema: { tags, summary: 'One resource', params: IdParamsSchema, response: { 200: ResourceSchema } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const row = await findResource(db, actor.organizationId, request.params.id);
    if (!row) throw notFound('Resource');
    return reply.header('etag', `"${row.version}"`).send(presentResource(actor, row));
  });

  app.patch('/api/v1/resources/:id', {
    schema: { tags, summary: 'Change a resource (resource managers and admins); If-Match refuses lost updates', params: IdParamsSchema, headers: IfMatchHeadersSchema, body: ResourcePatchSchema, response: { 200: ResourceSchema } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const row = await updateResource({ db }, actor, request.params.id, request.body, expectedVersionOf(request.headers['if-match']));
    return reply.header('etag', `"${row.version}"`).send(presentResource(actor, row));
  });

  app.get('/api/v1/resources/:id/availability', {
    schema: { tags, summary: 'Busy spans (with buffers and travel), bookable hours, blackouts and free time of a resource in [start, end)', params: IdParamsSchema, querystring: WindowQuerySchema, response: { 200: AvailabilitySchema } },
  }, async (request) => {
    const actor = requireActor(request);
    return resourceAvailability(database, actor, request.params.id, parseWindow(request.query.start, request.query.end, 92));
  });

  app.get('/api/v1/resources/:id/calendar', {
    schema: {
      tags, summary: "The resource's calendar feed in [start, end): bookings, travel and turnaround before and after, blackouts",
      params: IdParamsSchema, querystring: WindowQuerySchema,
      response: { 200: z.array(FeedEventSchema) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    return resourceFeed(database, actor, request.params.id, parseWindow(request.query.start, request.query.end, 92));
  });

  app.post('/api/v1/resources/:id/blackouts', {
    schema: { tags, summary: 'Add a maintenance or blackout period (409 when bookings hold the resource then)', params: IdParamsSchema, body: BlackoutCreateSchema, response: { 201: BlackoutSchema } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const row = await addBlackout({ db }, actor, request.params.id, request.body);
    return reply.status(201).send(presentBlackout(row, actor.timeZone));
  });

  app.delete('/api/v1/resources/:id/blackouts/:blackoutId', {
    schema: { tags, summary: 'Remove a blackout period', params: z.strictObject({ id: z.uuid('must be a UUID'), blackoutId: z.uuid('must be a UUID') }), response: { 204: z.null() } },
  }, async (request, reply) => {
    await removeBlackout({ db }, requireActor(request), request.params.id, request.params.blackoutId);
    return reply.status(204).send(null);
  });

  await app.register(bookingRoutes);
};
