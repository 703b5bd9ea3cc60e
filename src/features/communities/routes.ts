import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/context.js';
import { notFound } from '../../http/problem.js';
import { IdParamsSchema } from '../auth/schemas.js';
import { CalendarEventSchema } from '../calendar/schemas.js';
import { etagOf, presentEntry } from '../entries/presenter.js';
import { EntrySchema } from '../entries/schemas.js';
import { createCommunity } from './create-community.js';
import { deleteCommunity } from './delete-community.js';
import { ObservanceCreateSchema, ObservanceWindowSchema } from './observance-schemas.js';
import { createObservance, listObservances } from './observances.js';
import { presentCommunity } from './presenter.js';
import { findCommunity, listCommunities } from './repository.js';
import { CommunityCreateSchema, CommunityListQuerySchema, CommunityPageSchema, CommunityPatchSchema, CommunitySchema } from './schemas.js';
import { updateCommunity } from './update-community.js';

export const communityRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, database } = app.ctx;
  const tags = ['communities'];

  app.get('/api/v1/communities', {
    schema: {
      tags, summary: 'The communities directory (region › province › municipality › barangay), one page in name order',
      description: 'parent=<id> lists its children, parent=none the top level; within=<id> the whole subtree; q matches name or code. Follow nextCursor for the next page.',
      querystring: CommunityListQuerySchema, response: { 200: CommunityPageSchema },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const page = await listCommunities(db, actor.organizationId, request.query);
    return { items: page.rows.map((r) => presentCommunity(actor, r)), nextCursor: page.nextCursor };
  });

  app.get('/api/v1/communities/:id', {
    schema: { tags, summary: 'One community, with its path of ids from the region down', params: IdParamsSchema, response: { 200: CommunitySchema } },
  }, async (request) => {
    const actor = requireActor(request);
    const row = await findCommunity(db, actor.organizationId, request.params.id);
    if (!row) throw notFound('Community');
    return presentCommunity(actor, row);
  });

  app.post('/api/v1/communities', {
    schema: { tags, summary: 'Add a community under a parent of the level above (admins and managers)', body: CommunityCreateSchema, response: { 201: CommunitySchema } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const row = await createCommunity({ db }, actor, request.body);
    return reply.status(201).header('location', `/api/v1/communities/${row.id}`).send(presentCommunity(actor, row));
  });

  app.patch('/api/v1/communities/:id', {
    schema: { tags, summary: 'Rename, re-position or move a community with everything under it (admins and managers)', params: IdParamsSchema, body: CommunityPatchSchema, response: { 200: CommunitySchema } },
  }, async (request) => {
    const actor = requireActor(request);
    return presentCommunity(actor, await updateCommunity({ db }, actor, request.params.id, request.body));
  });

  app.delete('/api/v1/communities/:id', {
    schema: { tags, summary: 'Delete a community that no entry and no community uses (else 409)', params: IdParamsSchema, response: { 204: z.null() } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    await deleteCommunity({ db }, actor, request.params.id);
    return reply.status(204).send(null);
  });

  app.post('/api/v1/communities/:id/observances', {
    schema: {
      tags, summary: "Add an observance (all-day, once or yearly, Gregorian or Hijri) to the community's calendar",
      params: IdParamsSchema, body: ObservanceCreateSchema, response: { 201: EntrySchema },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const { row, calendar } = await createObservance({ db }, actor, request.params.id, request.body);
    return reply.status(201).header('etag', etagOf(row)).header('location', `/api/v1/entries/${row.id}`).send(presentEntry(actor, calendar.level, row));
  });

  app.get('/api/v1/communities/:id/observances', {
    schema: {
      tags, summary: 'Observances of the community and the places inside it in [start, end), recurring ones expanded',
      params: IdParamsSchema, querystring: ObservanceWindowSchema, response: { 200: z.array(CalendarEventSchema) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    return listObservances(database, actor, request.params.id, request.query);
  });
};
