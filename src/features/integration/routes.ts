import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/context.js';
import { Problem } from '../../http/problem.js';
import { etagOf, presentEntry } from '../entries/presenter.js';
import { applyBulk, BULK_MAX_BYTES, splitNdjson } from './bulk.js';
import { deleteSourceEntry } from './delete-source-entry.js';
import { BulkReportSchema, EntryCreateSchema, EntrySchema, SourceEntryParamsSchema, SourceParamsSchema } from './schemas.js';
import { upsertSourceEntry } from './upsert-source-entry.js';

export const sourceRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;
  const tags = ['integration'];
  // Scoped to this plugin: NDJSON is read as text and split into lines by the bulk route itself.
  app.addContentTypeParser('application/x-ndjson', { parseAs: 'string', bodyLimit: BULK_MAX_BYTES }, (_request, body, done) => done(null, body));

  app.put('/api/v1/sources/:system/entries/:externalId', {
    schema: {
      tags, summary: "Create or update the entry another system knows by its own id (idempotent; the body is the whole entry)",
      description: '201 when created, 200 when updated or unchanged (the Kalendaryo-Result header says which). The same request twice writes nothing the second time.',
      params: SourceEntryParamsSchema, body: EntryCreateSchema, response: { 200: EntrySchema, 201: EntrySchema },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const { system, externalId } = request.params;
    const { result, row, calendar } = await upsertSourceEntry({ db }, actor, system, externalId, request.body);
    return reply.status(result === 'created' ? 201 : 200).header('kalendaryo-result', result).header('etag', etagOf(row))
      .header('location', `/api/v1/entries/${row.id}`).send(presentEntry(actor, calendar.level, row));
  });

  app.delete('/api/v1/sources/:system/entries/:externalId', {
    schema: {
      tags, summary: 'Delete (tombstone) the entry another system knows by its own id; again is 204 too, an id never sent is 404',
      params: SourceEntryParamsSchema, response: { 204: z.null() },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const result = await deleteSourceEntry({ db }, actor, request.params.system, request.params.externalId);
    return reply.status(204).header('kalendaryo-result', result).send(null);
  });

  app.post('/api/v1/sources/:system/entries::bulk', {
    bodyLimit: BULK_MAX_BYTES,
    schema: {
      tags, summary: 'Apply many creates, updates and deletes from NDJSON (application/x-ndjson), with a result for each line',
      description: `Each line is {"externalId": "...", "entry": {...}} or {"externalId": "...", "delete": true}. A bad line is reported and the others still apply. At most 1000 lines and ${BULK_MAX_BYTES / 1024 / 1024} MiB per request (413).`,
      params: SourceParamsSchema, response: { 200: BulkReportSchema },
    },
  }, async (request) => {
    const actor = requireActor(request);
    if (typeof request.body !== 'string') throw new Problem(415, 'Unsupported Media Type', 'Send the lines as application/x-ndjson: one JSON object per line.');
    return applyBulk({ db }, actor, request.params.system, splitNdjson(request.body));
  });
};
