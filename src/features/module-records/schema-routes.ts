import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/context.js';
import { notFound } from '../../http/problem.js';
import { requireModuleRead } from './records.js';
import { findRecordType, RECORD_TYPES } from '../modules/index.js';

const TypeParamsSchema = z.strictObject({ module: z.string().max(40), type: z.string().max(40) });
const TypeInfoSchema = z.object({ module: z.string(), type: z.string(), label: z.string() });

/** The record types and their JSON Schemas, so that a client can generate each type's form. */
export const moduleSchemaRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;
  const tags = ['modules'];

  app.get('/api/v1/modules/types', {
    schema: { tags, summary: 'The module record types the caller may read (module, type, label)', response: { 200: z.object({ items: z.array(TypeInfoSchema) }) } },
  }, async (request) => {
    const actor = requireActor(request);
    const readable = [];
    for (const t of RECORD_TYPES) {
      try {
        await requireModuleRead(db, actor, t.module);
        readable.push({ module: t.module, type: t.type, label: t.label });
      } catch {
        // a module the caller may not read is left out, as its records would be
      }
    }
    return { items: readable };
  });

  app.get('/api/v1/modules/:module/:type/schema', {
    schema: {
      tags, summary: "A record type's JSON Schema (draft 2020-12, the input shape POST accepts), for generated forms",
      params: TypeParamsSchema, response: { 200: z.record(z.string(), z.unknown()) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const type = findRecordType(request.params.module, request.params.type);
    if (!type) throw notFound(`Record type ${request.params.module}/${request.params.type}`);
    await requireModuleRead(db, actor, type.module);
    const schema = z.toJSONSchema(type.schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    // The server assigns the id of a new record.
    const properties = { ...(schema.properties as Record<string, unknown> | undefined) };
    delete properties.id;
    const required = Array.isArray(schema.required) ? (schema.required as string[]).filter((k) => k !== 'id') : undefined;
    return { ...schema, title: type.label, properties, ...(required ? { required } : {}) };
  });
};
