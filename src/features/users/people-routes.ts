import { and, asc, eq, ilike, or } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { containsPattern } from '../../db/like.js';
import { users } from '../../db/schema/users.js';
import { requireActor } from '../../http/context.js';
import { notFound } from '../../http/problem.js';
import { IdParamsSchema } from '../auth/schemas.js';

const PersonSchema = z.object({ id: z.uuid(), name: z.string(), email: z.string(), isActive: z.boolean() });
const PeopleQuerySchema = z.strictObject({
  q: z.string().trim().min(1).max(200),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

/**
 * The organisation's people by name or e-mail, for everyone signed in: whoever plans an event picks
 * colleagues, filters by organiser, reads who organises. Only what an invitation shows anyway (name,
 * e-mail); roles, units and the rest stay with the administrators' `/api/v1/users`.
 */
export const peopleRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;
  const columns = { id: users.id, name: users.name, email: users.email, isActive: users.isActive };

  app.get('/api/v1/people', {
    schema: { tags: ['users'], summary: 'Active people of the organisation whose name or e-mail contains q (anyone signed in)', querystring: PeopleQuerySchema, response: { 200: z.object({ items: z.array(PersonSchema) }) } },
  }, async (request) => {
    const actor = requireActor(request);
    const { q, limit } = request.query;
    const items = await db.select(columns).from(users)
      .where(and(eq(users.organizationId, actor.organizationId), eq(users.isActive, true), or(ilike(users.name, containsPattern(q)), ilike(users.email, containsPattern(q)))))
      .orderBy(asc(users.name), asc(users.id))
      .limit(limit);
    return { items };
  });

  app.get('/api/v1/people/:id', {
    schema: { tags: ['users'], summary: 'One person of the organisation, active or not (to name an organiser)', params: IdParamsSchema, response: { 200: PersonSchema } },
  }, async (request) => {
    const actor = requireActor(request);
    const [person] = await db.select(columns).from(users).where(and(eq(users.organizationId, actor.organizationId), eq(users.id, request.params.id)));
    if (!person) throw notFound('Person');
    return person;
  });
};
