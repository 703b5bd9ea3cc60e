import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { publicUrlOf } from '../../config.js';
import { requireActor } from '../../http/context.js';
import { notFound } from '../../http/problem.js';
import { IdParamsSchema } from '../auth/schemas.js';
import { createFeed, rotateFeed } from './manage-feeds.js';
import { feedUrls, presentFeed } from './presenter.js';
import { listFeedRows, revokeFeedRow } from './repository.js';
import { FeedCreateSchema, FeedSchema, FeedWithUrlSchema } from './schemas.js';

/** My subscription URLs (docs/feeds.md). Each user sees and changes only their own. */
export const feedRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, now, config } = app.ctx;
  const tags = ['feeds'];
  const withUrl = (made: Awaited<ReturnType<typeof createFeed>>) => ({ ...presentFeed(made.row), ...feedUrls(publicUrlOf(config), made.secret) });
  const ownerOf = (actor: { organizationId: string; userId: string }) => ({ organizationId: actor.organizationId, userId: actor.userId });

  app.post('/api/v1/feeds', {
    schema: {
      tags,
      summary: 'Make a secret subscription URL of what I may see (calendars, filters, detail); the URL is shown only in this answer',
      description: 'detail: busy (busy blocks only), titles (titles and times), full. The feed never shows more than you may see when it is read.',
      body: FeedCreateSchema, response: { 201: FeedWithUrlSchema },
    },
  }, async (request, reply) => {
    const made = await createFeed({ db, now }, requireActor(request), request.body);
    return reply.status(201).header('location', `/api/v1/feeds/${made.row.id}`).send(withUrl(made));
  });

  app.get('/api/v1/feeds', {
    schema: { tags, summary: 'My subscription URLs (never their secrets again)', response: { 200: z.object({ items: z.array(FeedSchema) }) } },
  }, async (request) => ({ items: (await listFeedRows(db, ownerOf(requireActor(request)))).map(presentFeed) }));

  app.post('/api/v1/feeds/:id/rotate', {
    schema: { tags, summary: 'Give a subscription URL a new secret: the old URL stops (404); the new one is shown only in this answer', params: IdParamsSchema, response: { 200: FeedWithUrlSchema } },
  }, async (request) => withUrl(await rotateFeed({ db, now }, requireActor(request), request.params.id)));

  app.delete('/api/v1/feeds/:id', {
    schema: { tags, summary: 'Revoke a subscription URL: it answers 410 Gone from now on', params: IdParamsSchema, response: { 204: z.null() } },
  }, async (request, reply) => {
    if (!(await revokeFeedRow(db, ownerOf(requireActor(request)), request.params.id, now()))) throw notFound('Subscription URL');
    return reply.status(204).send(null);
  });
};
