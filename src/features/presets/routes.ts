import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/context.js';
import { notFound } from '../../http/problem.js';
import { IdParamsSchema } from '../auth/schemas.js';
import { deletePresetRow, listPresetRows, presentPreset } from './repository.js';
import { savePreset } from './save-preset.js';
import { PresetCreateSchema, PresetSchema } from './schemas.js';

/** Saved views of the web calendar. Each user sees and changes only their own (policy: owner only). */
export const presetRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, now } = app.ctx;
  const tags = ['presets'];
  const ownerOf = (actor: { organizationId: string; userId: string }) => ({ organizationId: actor.organizationId, userId: actor.userId });

  app.get('/api/v1/me/presets', {
    schema: { tags, summary: 'My saved calendar views (name, view, filters), in name order', response: { 200: z.object({ items: z.array(PresetSchema) }) } },
  }, async (request) => {
    const actor = requireActor(request);
    return { items: (await listPresetRows(db, ownerOf(actor))).map(presentPreset) };
  });

  app.post('/api/v1/me/presets', {
    schema: {
      tags, summary: 'Save the current filters as a named view (201), or replace the one with that name (200)',
      body: PresetCreateSchema, response: { 200: PresetSchema, 201: PresetSchema },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const { preset, created } = await savePreset({ db, now }, actor, request.body);
    return reply.status(created ? 201 : 200).header('location', `/api/v1/me/presets/${preset.id}`).send(preset);
  });

  app.delete('/api/v1/me/presets/:id', {
    schema: { tags, summary: 'Delete one of my saved views', params: IdParamsSchema, response: { 204: z.null() } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    if (!await deletePresetRow(db, ownerOf(actor), request.params.id)) throw notFound('Saved view');
    return reply.status(204).send(null);
  });
};
