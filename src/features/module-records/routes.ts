import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.js';
import { expectedVersionOf, IfMatchHeadersSchema } from '../../http/conditional.js';
import { requireActor } from '../../http/context.js';
import { forbidden, invalidField, notFound, Problem } from '../../http/problem.js';
import type { Actor } from '../auth/actor.js';
import { decideLeave, type LeaveStatus } from '../modules/staff/leave.js';
import { createRecord, deleteRecord, findRecord, listRecords, projectedEntries, type RecordRow, requireModuleRead, updateRecord } from './records.js';
import { findRecordType, RECORD_TYPES, type RecordType } from '../modules/index.js';
import { notifyLeaveDecision } from '../notifications/leave-decision.js';

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
  entries: z.array(z.object({ id: z.uuid(), projectionKey: z.string().nullable(), title: z.string(), kind: z.string(), status: z.string(), start: z.string(), end: z.string(), allDay: z.boolean() })),
});
const DecisionSchema = z.strictObject({ action: z.enum(['approve', 'reject', 'cancel']), reason: z.string().max(2000).optional() });

const typeNames = RECORD_TYPES.map((r) => `${r.module}/${r.type}`).join(', ');

function typeOf(params: { module: string; type: string }): RecordType {
  const type = findRecordType(params.module, params.type);
  if (!type) throw notFound(`Record type ${params.module}/${params.type} (known: ${typeNames})`);
  return type;
}

async function present(db: DbOrTx, actor: Actor, row: RecordRow) {
  const projected = await projectedEntries(db, actor, row.projectedKeys);
  return {
    id: row.id, module: row.module, type: row.type, data: row.data, version: row.version,
    createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString(),
    entries: projected.map((e) => ({
      id: e.id, projectionKey: e.projectionKey, title: e.title, kind: e.kind, status: e.status, allDay: e.allDay,
      start: e.allDay ? e.startDate! : e.startAt.toISOString(), end: e.allDay ? e.endDate! : e.endAt.toISOString(),
    })),
  };
}

/**
 * A leave request's status belongs to its workflow: it starts pending and changes only through the
 * decision route, which checks who decides and notifies the requester. Writing it directly would let
 * anyone with write access approve their own leave.
 */
async function guardWorkflowStatus(db: DbOrTx, actor: Actor, type: RecordType, body: Record<string, unknown>, id?: string) {
  if (type.module !== 'staff' || type.type !== 'leave' || !('status' in body)) return;
  const message = 'changes only through POST /api/v1/modules/staff/leave/{id}/decision';
  if (!id) {
    if (body.status !== 'pending') throw invalidField('status', `a leave request starts pending; it ${message}`, 422);
    return;
  }
  await requireModuleRead(db, actor, type.module);
  if (body.status !== (await findRecord(db, actor, type, id)).data.status) throw invalidField('status', message, 422);
}


/** `/api/v1/modules/<module>/<type>`: module records, each projected onto calendar entries. */
export const moduleRecordRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, now } = app.ctx;
  const tags = ['modules'];
  const description = `Record types: ${typeNames}. Each record projects onto one or more calendar entries (returned in "entries").`;

  app.get('/api/v1/modules/:module/:type', {
    schema: { tags, summary: 'List module records (newest first, cursor pagination)', description, params: TypeParamsSchema, querystring: ListQuerySchema, response: { 200: z.object({ items: z.array(RecordSchema), nextCursor: z.uuid().nullable() }) } },
  }, async (request) => {
    const actor = requireActor(request);
    const { cursor, ...filters } = request.query;
    const result = await listRecords(db, actor, typeOf(request.params), { ...filters, before: cursor });
    return { items: await Promise.all(result.items.map((r) => present(db, actor, r))), nextCursor: result.nextCursor };
  });

  app.post('/api/v1/modules/:module/:type', {
    schema: { tags, summary: 'Create a module record; its entries are written in the same transaction', description, params: TypeParamsSchema, body: BodySchema, response: { 201: RecordSchema } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const type = typeOf(request.params);
    await guardWorkflowStatus(db, actor, type, request.body);
    const row = await createRecord(db, actor, type, request.body);
    return reply.status(201).header('etag', `"${row.version}"`).send(await present(db, actor, row));
  });

  app.get('/api/v1/modules/:module/:type/:id', {
    schema: { tags, summary: 'One module record with its projected entries', params: RecordParamsSchema, response: { 200: RecordSchema } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const type = typeOf(request.params);
    await requireModuleRead(db, actor, type.module);
    const row = await findRecord(db, actor, type, request.params.id);
    return reply.header('etag', `"${row.version}"`).send(await present(db, actor, row));
  });

  app.patch('/api/v1/modules/:module/:type/:id', {
    schema: { tags, summary: 'Change a module record (fields given replace stored ones) and re-project its entries', params: RecordParamsSchema, body: BodySchema, headers: IfMatchHeadersSchema, response: { 200: RecordSchema } },
  }, async (request) => {
    const actor = requireActor(request);
    const type = typeOf(request.params);
    await guardWorkflowStatus(db, actor, type, request.body, request.params.id);
    const row = await updateRecord(db, actor, type, request.params.id, request.body, expectedVersionOf(request.headers['if-match']));
    return present(db, actor, row);
  });

  app.delete('/api/v1/modules/:module/:type/:id', {
    schema: { tags, summary: 'Delete a module record and its entries', params: RecordParamsSchema, response: { 204: z.null() } },
  }, async (request, reply) => {
    await deleteRecord(db, requireActor(request), typeOf(request.params), request.params.id);
    return reply.status(204).send(null);
  });

  app.post('/api/v1/modules/staff/leave/:id/decision', {
    schema: { tags, summary: 'Approve or reject a leave request (managers), or cancel it (the requester)', params: z.strictObject({ id: z.uuid('must be a UUID') }), body: DecisionSchema, response: { 200: RecordSchema } },
  }, async (request) => {
    const actor = requireActor(request);
    const type = findRecordType('staff', 'leave')!;
    const current = await findRecord(db, actor, type, request.params.id);
    const data = current.data as { status: LeaveStatus; details: Parameters<typeof decideLeave>[1] };
    const isManager = actor.role === 'manager' || actor.role === 'admin';
    const decision = decideLeave(data.status, data.details, request.body.action, actor.userId, isManager, now().toISOString());
    if (!decision.ok) {
      if (decision.reason === 'invalid_transition') throw new Problem(409, 'Conflict', `A ${data.status} leave request cannot be ${request.body.action}d.`);
      throw forbidden(decision.reason === 'self_approval' ? 'Nobody decides on their own leave.' : decision.reason === 'not_the_approver' ? 'Another manager is named to decide on this leave.' : 'Only managers decide on leave requests.');
    }
    const details = request.body.reason ? { ...decision.details, notes: request.body.reason } : decision.details;
    const { id: _id, ...stored } = current.data;
    const row = await db.transaction(async (tx) => notifyLeaveDecision(tx, actor, await updateRecord(tx, actor, type, current.id, { ...stored, status: decision.status, details }, current.version), request.body.reason));
    return present(db, actor, row);
  });
};
