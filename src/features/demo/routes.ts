import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/context.js';
import { conflict, forbidden } from '../../http/problem.js';
import { isAdmin } from '../auth/actor.js';
import { DEMO_PASSWORD, loadDemo } from './load-demo.js';

const StatusSchema = z.object({
  entries: z.number().int().describe('live calendar entries in the organisation'),
  calendars: z.number().int().describe('organisation calendars'),
  demoLoaded: z.boolean(),
});
const LoadedSchema = z.object({ staff: z.number().int(), communities: z.number().int(), entries: z.number().int(), series: z.number().int(), demoPassword: z.string() });

/**
 * The first-run guide's API: whether the organisation is empty, and loading the (small) demo
 * organisation into an empty one. Admins only; a non-empty organisation is never filled with demo data.
 */
export const demoRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, now } = app.ctx;
  const tags = ['setup'];

  async function status(organizationId: string) {
    const [row] = await database.query<{ entries: number; calendars: number; demo: number }>(
      `select (select count(*)::int from entries where organization_id = $1 and deleted_at is null) as entries,
              (select count(*)::int from calendars where organization_id = $1 and type = 'organisation') as calendars,
              (select count(*)::int from users where organization_id = $1 and email like '%@demo.kalendaryo.local') as demo`,
      [organizationId],
    );
    return { entries: row!.entries, calendars: row!.calendars, demoLoaded: row!.demo > 0 };
  }

  app.get('/api/v1/admin/demo', {
    schema: { tags, summary: 'Is the organisation empty, and is the demo loaded? (admins)', response: { 200: StatusSchema } },
  }, async (request) => {
    const actor = requireActor(request);
    if (!isAdmin(actor)) throw forbidden('Only admins see the setup status.');
    return status(actor.organizationId);
  });

  app.post('/api/v1/admin/demo', {
    schema: {
      tags, summary: 'Load the small demo organisation (staff, communities, a year of entries) into an empty organisation (admins)',
      description: '409 when the organisation has entries or the demo is loaded already. Demo users sign in with the returned password.',
      response: { 201: LoadedSchema },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    if (!isAdmin(actor)) throw forbidden('Only admins load the demo organisation.');
    const before = await status(actor.organizationId);
    if (before.demoLoaded) throw conflict('The demo organisation is loaded already.');
    if (before.entries > 0) throw conflict(`This organisation has ${before.entries} entries; the demo is only loaded into an empty one.`, { entries: before.entries });
    const result = await loadDemo(database, { size: 'small', now: now(), adminEmail: actor.email });
    if (result.alreadyLoaded) throw conflict('The demo organisation is loaded already.');
    return reply.status(201).send({ staff: result.staff, communities: result.communities, entries: result.entries, series: result.series, demoPassword: DEMO_PASSWORD });
  });
};
