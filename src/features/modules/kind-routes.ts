import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/context.js';
import { describeKinds } from './kind-catalog.js';

const ModuleSchema = z.object({ module: z.string(), label: z.string(), colour: z.string() });
const KindSchema = z.object({
  module: z.string(),
  kind: z.string(),
  label: z.string(),
  colour: z.string(),
  statuses: z.array(z.object({ status: z.string(), lifecycle: z.string() })),
  defaultStatus: z.string(),
  isDeadline: z.boolean(),
  isLeave: z.boolean(),
  detailsJsonSchema: z.unknown().describe('JSON Schema (draft 2020-12) of the details object POST /api/v1/entries accepts for this kind'),
});

/** The entry kinds with their statuses and details JSON Schema, so that the editor can show a kind's own fields. */
export const moduleKindRoutes: FastifyPluginAsyncZod = async (app) => {
  // The kinds are fixed at start: their JSON Schemas are built once, not on each request.
  let catalogue: ReturnType<typeof describeKinds> | undefined;
  app.get('/api/v1/modules/kinds', {
    schema: {
      tags: ['modules'],
      summary: "Every module and entry kind: label, colour, statuses with their lifecycle, default status and the details JSON Schema",
      response: { 200: z.object({ modules: z.array(ModuleSchema), kinds: z.array(KindSchema) }) },
    },
  }, async (request) => {
    requireActor(request);
    return (catalogue ??= describeKinds());
  });
};
