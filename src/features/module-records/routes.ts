import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { expectedVersionOf, IfMatchHeadersSchema } from '../../http/conditional.js';
import { requireActor } from '../../http/context.js';
import { notFound } from '../../http/problem.js';
import { findRecordType, RECORD_TYPES, type RecordType } from '../modules/index.js';
import { decideLeaveRequest, LEAVE_TYPE } from './decide-leave.js';
import { presentRecord } from './presenter.js';
import { createRecord, deleteRecord, findRecord, listRecords, updateRecord } from './records.js';

const TypeParamsSchema = z.strictObject({ module: z.string().max(40), type: z.string().max(40) });
const RecordParamsSchema = TypeParamsSchema.extend({ id: z.uuid('must be a UUID') });
const ListQuerySchema = z.strictObject({
  status: z.string().max(40).optional(),
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.uuid().optional(),
});
const BodySchema = z.record(z.string(), z.unknown());
const RecordSchema = z.object({
  id: z.uuid(), module: z.string(), type: z.string(), data: z.record(z.string(), z.unknown()), version: z.number().int(),
  createdAt: z.string(), updatedAt: z.string(),
  canEdit: z.boolean().describe('the caller may change this record'),
  canDelete: z.boolean().describe('the caller may delete (withdraw) this record'),
  canDecide: z.boolean().describe('the caller may approve or reject it now (leave requests; false for other types)'),
  entries: z.array(z.object({ id: z.uuid(), projectionKey: z.string().nullable(), title: z.string(), kind: z.string(), status: z.string(), start: z.string(), end: z.string(), allDay: z.boolean() })),
});
const DecisionSchema = z.strictObject({ action: z.enum(['approve', 'reject', 'cancel']), reason: z.string().max(2000).optional() });

const typeNames = RECORD_TYPES.map((r) => `${r.module}/${r.type}`).join(', ');

function typeOf(params: { module: string; type: string }): RecordType {
  const type = findRecordType(params.module, params.type);
  if (!type) throw notFound(`Record type ${params.module}/${params.type} (known: ${typeNames})`);
  return type;
}

/** `/api/v1/modules/<module>/<type>`: module records, each projected onto calendar entries. */
export const moduleRecordRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, now } = app.ctx;
  const tags = ['modules'];
  const description = `Record types: ${typeNames}. Each record projects onto one or more calendar entries (returned in "entries"). ` +
    `Private types (${RECORD_TYPES.filter((r) => r.privacy.level === 'private').map((r) => `${r.module}/${r.type}`).join(', ')}) are read only by the person a record is about, ` +
    'the people named to decide on it, managers and admins; to anyone else a record is not listed and answers 404 (its time shows on the calendar as busy). ' +
    'Only the person, a manager or an admin files, changes or deletes one: filing one about someone else is refused (403 naming the field).';

  app.get('/api/v1/modules/:module/:type', {
    schema: { tags, summary: 'List module records (newest first, cursor pagination)', description, params: TypeParamsSchema, querystring: ListQuerySchema, response: { 200: z.object({ items: z.array(RecordSchema), nextCursor: z.uuid().nullable() }) } },
  }, async (request) => {
    const actor = requireActor(request);
    const { cursor, ...filters } = request.query;
    const type = typeOf(request.params);
    const result = await listRecords(db, actor, type, { ...filters, before: cursor });
    return { items: await Promise.all(result.items.map((r) => presentRecord(db, actor, type, result.level, r))), nextCursor: result.nextCursor };
  });

  app.post('/api/v1/modules/:module/:type', {
    schema: { tags, summary: 'Create a module record; its entries are written in the same transaction', description, params: TypeParamsSchema, body: BodySchema, response: { 201: RecordSchema } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const type = typeOf(request.params);
    const { row, level } = await createRecord(db, actor, type, request.body);
    return reply.status(201).header('etag', `"${row.version}"`).send(await presentRecord(db, actor, type, level, row));
  });

  app.get('/api/v1/modules/:module/:type/:id', {
    schema: { tags, summary: 'One module record with its projected entries', description, params: RecordParamsSchema, response: { 200: RecordSchema } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const type = typeOf(request.params);
    const { row, level } = await findRecord(db, actor, type, request.params.id);
    return reply.header('etag', `"${row.version}"`).send(await presentRecord(db, actor, type, level, row));
  });

  app.patch('/api/v1/modules/:module/:type/:id', {
    schema: { tags, summary: 'Change a module record (fields given replace stored ones) and re-project its entries', description, params: RecordParamsSchema, body: BodySchema, headers: IfMatchHeadersSchema, response: { 200: RecordSchema } },
  }, async (request) => {
    const actor = requireActor(request);
    const type = typeOf(request.params);
    const { row, level } = await updateRecord(db, actor, type, request.params.id, request.body, expectedVersionOf(request.headers['if-match']));
    return presentRecord(db, actor, type, level, row);
  });

  app.delete('/api/v1/modules/:module/:type/:id', {
    schema: { tags, summary: 'Delete a module record and its entries', description, params: RecordParamsSchema, response: { 204: z.null() } },
  }, async (request, reply) => {
    await deleteRecord(db, requireActor(request), typeOf(request.params), request.params.id);
    return reply.status(204).send(null);
  });

  app.post('/api/v1/modules/staff/leave/:id/decision', {
    schema: { tags, summary: 'Approve or reject a leave request (managers and admins), or cancel it (the requester, a manager or an admin)',
      description: 'Nobody decides on their own leave; when the request names an approverId, only that person approves or rejects it (403 for others). ' +
        'A request the caller may not read answers 404; viewers never decide (403); a request already decided answers 409.',
      params: z.strictObject({ id: z.uuid('must be a UUID') }), body: DecisionSchema, response: { 200: RecordSchema } },
  }, async (request) => {
    const actor = requireActor(request);
    const { row, level } = await decideLeaveRequest(db, { actor, id: request.params.id, ...request.body, at: now() });
    return presentRecord(db, actor, LEAVE_TYPE, level, row);
  });
};
