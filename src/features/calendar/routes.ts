import { createHash } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/context.js';
import { queryCalendar } from './query-calendar.js';
import { CalendarEventSchema, CalendarQuerySchema } from './schemas.js';

export const calendarFeedRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database } = app.ctx;

  app.get('/api/v1/calendar', {
    schema: {
      tags: ['calendar'],
      summary: 'Every entry and occurrence in [start, end) you may see, as event objects for the calendar views',
      description: 'Private entries of others come back as "Busy" without details. Send If-None-Match with the ETag to get 304 when nothing changed.',
      querystring: CalendarQuerySchema,
      response: { 200: z.array(CalendarEventSchema), 304: z.null() },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const events = await queryCalendar(database, actor, request.query);
    // The body is serialised here once: for hashing the ETag and for sending, without a second pass.
    const body = JSON.stringify(events);
    const etag = `W/"${createHash('sha1').update(body).digest('base64url')}"`;
    void reply.header('etag', etag).header('cache-control', 'private, no-cache');
    if (request.headers['if-none-match'] === etag) return reply.status(304).send(null);
    return reply.type('application/json; charset=utf-8').send(body as never);
  });
};
