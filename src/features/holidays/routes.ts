import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/context.js';
import { forbidden } from '../../http/problem.js';
import { isAdmin } from '../auth/actor.js';
import { syncHolidays } from './sync-holidays.js';

const Year = z.int('must be a whole year').min(1970, 'must be 1970 or later').max(2200, 'must be 2200 or earlier');

export const HolidaySyncBodySchema = z
  .strictObject({ fromYear: Year, toYear: Year })
  .superRefine((v, ctx) => {
    if (v.toYear < v.fromYear) ctx.addIssue({ code: 'custom', path: ['toYear'], message: 'must not be before fromYear' });
    else if (v.toYear - v.fromYear > 20) ctx.addIssue({ code: 'custom', path: ['toYear'], message: 'must be at most 20 years after fromYear' });
  });

const HolidaySyncResultSchema = z.object({
  calendarId: z.uuid(), created: z.int(), updated: z.int(), unchanged: z.int(), removed: z.int(),
});

export const holidayRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;

  app.post('/api/v1/holidays/sync', {
    schema: {
      tags: ['holidays'],
      summary: 'Fill the holidays calendar with Philippine holidays and Islamic observances of the years given (admins)',
      description: 'Idempotent: entries are keyed by source (source_system "holidays", external ids like PH-2026-independence-day or PH-1447AH-eid-al-fitr). Holiday data: date-holidays (commenthol and contributors), CC BY-SA 3.0 / CC-BY-3.0 as its package declares.',
      body: HolidaySyncBodySchema, response: { 200: HolidaySyncResultSchema },
    },
  }, async (request) => {
    const actor = requireActor(request);
    if (!isAdmin(actor)) throw forbidden('Only admins refresh the holidays calendar.');
    return syncHolidays(db, actor.organizationId, request.body.fromYear, request.body.toYear);
  });
};
