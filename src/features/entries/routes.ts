import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { expectedVersionOf, IfMatchHeadersSchema } from '../../http/conditional.js';
import { requireActor } from '../../http/context.js';
import { notFound } from '../../http/problem.js';
import { IdParamsSchema } from '../auth/schemas.js';
import { canSeeEntryDetails } from '../calendars/policy.js';
import { findAccessibleCalendar } from '../calendars/repository.js';
import { createEntry } from './create-entry.js';
import { etagOf, presentEntry } from './presenter.js';
import { findEntry } from './repository.js';
import { EntryCreateSchema, EntryPatchSchema, EntrySchema } from './schemas.js';
import { deleteEntry, updateEntry } from './update-entry.js';
import { deleteOccurrence, editOccurrence, type OccurrenceEditResult } from './edit-occurrence.js';

const OccurrenceParamsSchema = z.strictObject({ id: z.uuid('must be a UUID'), recurrenceId: z.string().max(40) });
const ScopeQuerySchema = z.strictObject({ scope: z.enum(['this', 'following', 'all']).default('this') });
const OccurrenceResultSchema = z.object({ series: EntrySchema.nullable(), entry: EntrySchema.nullable(), droppedOverrides: z.array(z.string()) });


export const entryRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;

  app.post('/api/v1/entries', {
    schema: { tags: ['entries'], summary: 'Create a calendar entry (single or recurring)', body: EntryCreateSchema, response: { 201: EntrySchema } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const { row, calendar } = await createEntry({ db }, actor, request.body);
    return reply.status(201).header('etag', etagOf(row)).header('location', `/api/v1/entries/${row.id}`).send(presentEntry(actor, calendar.level, row));
  });

  app.get('/api/v1/entries/:id', {
    schema: { tags: ['entries'], summary: 'One entry, with what you may do with it', params: IdParamsSchema, response: { 200: EntrySchema } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const row = await findEntry(db, actor.organizationId, request.params.id);
    const calendar = row ? await findAccessibleCalendar(db, actor, row.calendarId) : null;
    // Someone who may not see the details learns nothing, not even that the entry exists.
    if (!row || !calendar || !canSeeEntryDetails(actor, calendar.level, row)) throw notFound('Entry');
    return reply.header('etag', etagOf(row)).send(presentEntry(actor, calendar.level, row));
  });

  app.patch('/api/v1/entries/:id', {
    schema: {
      tags: ['entries'],
      summary: 'Change an entry; send If-Match with its ETag to refuse lost updates (412)',
      params: IdParamsSchema, headers: IfMatchHeadersSchema, body: EntryPatchSchema, response: { 200: EntrySchema },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const { row, calendar } = await updateEntry({ db }, actor, request.params.id, request.body, expectedVersionOf(request.headers['if-match']));
    return reply.header('etag', etagOf(row)).send(presentEntry(actor, calendar.level, row));
  });

  app.delete('/api/v1/entries/:id', {
    schema: { tags: ['entries'], summary: 'Delete an entry (a series with its overrides)', params: IdParamsSchema, headers: IfMatchHeadersSchema, response: { 204: z.null() } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    await deleteEntry({ db }, actor, request.params.id, expectedVersionOf(request.headers['if-match']));
    return reply.status(204).send(null);
  });

  const presentResult = async (actor: Parameters<typeof presentEntry>[0], result: OccurrenceEditResult) => {
    const present = async (row: OccurrenceEditResult['series']) => {
      if (!row) return null;
      const calendar = await findAccessibleCalendar(db, actor, row.calendarId);
      return presentEntry(actor, calendar?.level ?? null, row);
    };
    return { series: await present(result.series), entry: await present(result.entry), droppedOverrides: result.droppedOverrides };
  };

  app.patch('/api/v1/entries/:id/occurrences/:recurrenceId', {
    schema: {
      tags: ['entries'],
      summary: 'Change one occurrence of a series, this and following ones, or all (scope=this|following|all)',
      description: 'recurrenceId is the local start of the occurrence (YYYY-MM-DDTHH:MM:SS, a date for all-day series). "this" makes an override; "following" ends the series before the occurrence and starts a new one; "all" changes the series and reports overrides that no longer fall on it.',
      params: OccurrenceParamsSchema, querystring: ScopeQuerySchema, headers: IfMatchHeadersSchema, body: EntryPatchSchema, response: { 200: OccurrenceResultSchema },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const result = await editOccurrence({ db }, actor, request.params.id, request.params.recurrenceId, request.query.scope, request.body, expectedVersionOf(request.headers['if-match']));
    return presentResult(actor, result);
  });

  app.delete('/api/v1/entries/:id/occurrences/:recurrenceId', {
    schema: {
      tags: ['entries'],
      summary: 'Delete one occurrence of a series (EXDATE), this and following ones, or all (scope=this|following|all)',
      params: OccurrenceParamsSchema, querystring: ScopeQuerySchema, headers: IfMatchHeadersSchema, response: { 200: OccurrenceResultSchema },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const result = await deleteOccurrence({ db }, actor, request.params.id, request.params.recurrenceId, request.query.scope, expectedVersionOf(request.headers['if-match']));
    return presentResult(actor, result);
  });
};
