import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RecurrenceFormSchema } from '../../core/recurrence/index.js';
import { requireActor } from '../../http/context.js';
import { TimeZoneSchema } from '../auth/schemas.js';
import { previewRecurrence } from './preview.js';

const PreviewBodySchema = z
  .strictObject({
    rrule: z.string().min(1).max(1000).optional(),
    form: RecurrenceFormSchema.optional(),
    start: z.string().max(40),
    timeZone: TimeZoneSchema.optional(),
    allDay: z.boolean().optional(),
    exdate: z.array(z.string().max(40)).max(1000).default([]),
    rdate: z.array(z.string().max(40)).max(1000).default([]),
    from: z.string().max(40).optional(),
    until: z.string().max(40).optional(),
    count: z.number().int().min(1).max(500).default(10),
  })
  .refine((b) => (b.rrule === undefined) !== (b.form === undefined), { message: 'give either rrule or form', path: ['rrule'] });

const PreviewResponseSchema = z.object({
  rrule: z.string(),
  exdate: z.array(z.string()),
  description: z.string(),
  form: z.unknown().nullable(),
  occurrences: z.array(z.string()),
  truncated: z.boolean(),
});

export const recurrenceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/api/v1/recurrence/preview', {
    schema: {
      tags: ['recurrence'],
      summary: 'Preview a recurrence (RRULE or the structured form): the next occurrences and a plain-language description',
      body: PreviewBodySchema,
      response: { 200: PreviewResponseSchema },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const body = request.body;
    return previewRecurrence({
      ...body,
      form: body.form,
      timeZone: body.timeZone ?? actor.timeZone,
      allDay: body.allDay ?? /^\d{4}-\d{2}-\d{2}$/.test(body.start),
    });
  });
};
