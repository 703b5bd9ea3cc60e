import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { DEFAULT_LIMITS } from '../../core/ics/index.js';
import { isIanaZone } from '../../core/time/iana-zone.js';
import { requireActor } from '../../http/context.js';
import { invalidField } from '../../http/problem.js';
import { IdParamsSchema } from '../auth/schemas.js';
import { createReadStream } from 'node:fs';
import { importIcs, importTarget } from './import-ics.js';
import { withSpooledUpload } from './spool.js';

const ImportQuerySchema = z.strictObject({
  mode: z.enum(['all-or-nothing', 'report']).default('all-or-nothing'),
  zone: z.string().max(64).optional(),
});

const ImportResultSchema = z.object({
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  skipped: z.number(),
  calendarName: z.string().nullable(),
  skippedItems: z.array(z.object({ line: z.number(), uid: z.string().nullable(), reason: z.string() })),
  refused: z.array(z.object({ line: z.number(), reason: z.string() })),
});

/** The largest upload one import takes; the core's own limit (256 MB) is for the CLI reading a file. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

export const icsImportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database } = app.ctx;

  // The body stays a stream (spooled to a temporary file, then read chunk by chunk): a large file never sits in memory.
  app.addContentTypeParser(['text/calendar', 'application/octet-stream'], (_request, payload, done) => done(null, payload));

  app.post('/api/v1/calendars/:id/import', {
    schema: {
      tags: ['calendars'],
      summary: 'Import an iCalendar file (text/calendar body) into this calendar: series stay series, idempotent by UID + RECURRENCE-ID',
      description:
        'mode=all-or-nothing (default) refuses an invalid file whole with 422 naming `line` and `reason`; mode=report imports the readable events and lists the others. ' +
        `Larger than ${MAX_IMPORT_BYTES} bytes: 413. zone: where floating times and all-day dates are placed (default: your zone).`,
      params: IdParamsSchema,
      querystring: ImportQuerySchema,
      response: { 200: ImportResultSchema },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const { mode, zone } = request.query;
    if (zone !== undefined && !isIanaZone(zone)) throw invalidField('zone', 'is not a known IANA time zone');
    const body = request.body as Readable | undefined;
    if (!body || typeof (body as Readable).on !== 'function') throw invalidField('(body)', 'send the calendar file as text/calendar', 415);
    // Checked before the upload is read, so a refused request does not spool a large file first.
    await importTarget(database, actor, request.params.id);
    return withSpooledUpload(body, Math.min(MAX_IMPORT_BYTES, DEFAULT_LIMITS.maxBytes), (file) =>
      importIcs(database, actor, createReadStream(file), { calendarId: request.params.id, mode, ...(zone ? { zone } : {}) }));
  });
};
