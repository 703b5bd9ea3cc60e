import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/context.js';
import { buildCalendarOverview, findCalendarConflicts } from './overview.js';
import { OverviewSchema } from './overview-schema.js';
import { calendarFeed } from './query-calendar.js';
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
    const { chunks, etag } = await calendarFeed(database, app.ctx.occurrenceCache, requireActor(request), request.query, request.headers['if-none-match']);
    void reply.header('etag', etag).header('cache-control', 'private, no-cache');
    // Decided before the feed was read or built (feed-etag.ts).
    if (!chunks) return reply.status(304).send(null);
    return reply.type('application/json; charset=utf-8').send(Readable.from(chunks) as never);
  });

  app.get('/api/v1/calendar/overview', {
    schema: {
      tags: ['calendar'],
      summary: 'The sidebar of the integrated calendar: counts and status per module, upcoming, follow-ups, workflow alerts, conflicts, 7-day heatmap, compliance',
      querystring: CalendarQuerySchema,
      response: { 200: OverviewSchema },
    },
  }, async (request) => buildCalendarOverview(database, requireActor(request), request.query, app.ctx.now().getTime(), app.ctx.occurrenceCache));

  app.get('/api/v1/calendar/conflicts', {
    schema: {
      tags: ['calendar'],
      summary: 'Conflicts in the window: people double-booked across modules, people on approved leave who are scheduled, resources or venues used twice',
      querystring: CalendarQuerySchema,
      response: { 200: z.object({ items: z.array(z.object({ type: z.string(), subjectId: z.string(), entryIds: z.array(z.string()), start: z.string(), end: z.string() })) }) },
    },
  }, async (request) => {
    const { conflicts } = await findCalendarConflicts(database, requireActor(request), request.query, app.ctx.occurrenceCache);
    return { items: conflicts.map((c) => ({ type: c.type, subjectId: c.subjectId, entryIds: c.entryIds, start: new Date(c.startMs).toISOString(), end: new Date(c.endMs).toISOString() })) };
  });
};
