import { and, asc, eq, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES, users } from '../../db/schema/users.js';
import { requireActor } from '../../http/context.js';
import { conflict, forbidden, notFound } from '../../http/problem.js';
import { isAdmin } from '../auth/actor.js';
import { forgetActors } from '../auth/actor-cache.js';
import { presentUser } from '../auth/presenter.js';
import { EmailSchema, IdParamsSchema, TimeZoneSchema, UserSchema } from '../auth/schemas.js';
import { hashPassword } from '../auth/secrets.js';
import { createUser } from './create-user.js';

const UserCreateSchema = z.strictObject({
  email: EmailSchema,
  name: z.string().trim().min(1).max(200),
  role: z.enum(ROLES).default('staff'),
  password: z.string().min(10, 'must be at least 10 characters').max(1024),
  timeZone: TimeZoneSchema.optional(),
  unit: z.string().max(200).nullable().optional(),
});

const UserPatchSchema = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  role: z.enum(ROLES).optional(),
  timeZone: TimeZoneSchema.optional(),
  unit: z.string().max(200).nullable().optional(),
  isActive: z.boolean().optional(),
  password: z.string().min(10, 'must be at least 10 characters').max(1024).optional(),
});

/** The users admin API: admins only (everyone else gets 403, since the route itself is no secret). */
export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, database } = app.ctx;
  const requireAdmin = (request: { actor: Parameters<typeof requireActor>[0]['actor'] }) => {
    const actor = requireActor(request);
    if (!isAdmin(actor)) throw forbidden('Only administrators manage users.');
    return actor;
  };

  app.get('/api/v1/users', {
    schema: { tags: ['users'], summary: 'All users of the organisation (admins)', response: { 200: z.object({ items: z.array(UserSchema) }) } },
  }, async (request) => {
    const actor = requireAdmin(request);
    const rows = await db.select().from(users).where(eq(users.organizationId, actor.organizationId)).orderBy(asc(users.name));
    return { items: rows.map(presentUser) };
  });

  app.post('/api/v1/users', {
    schema: { tags: ['users'], summary: 'Create a user with a personal calendar (admins)', body: UserCreateSchema, response: { 201: UserSchema } },
  }, async (request, reply) => {
    const actor = requireAdmin(request);
    const [taken] = await db.select({ id: users.id }).from(users)
      .where(and(eq(users.organizationId, actor.organizationId), sql`lower(${users.email}) = lower(${request.body.email})`));
    if (taken) throw conflict(`A user with the e-mail ${request.body.email} exists already.`);
    const user = await db.transaction((tx) => createUser(tx, { ...request.body, organizationId: actor.organizationId }));
    return reply.status(201).send(presentUser(user));
  });

  app.patch('/api/v1/users/:id', {
    schema: { tags: ['users'], summary: 'Change a user: role, active flag, name, zone, password (admins)', params: IdParamsSchema, body: UserPatchSchema, response: { 200: UserSchema } },
  }, async (request) => {
    const actor = requireAdmin(request);
    const { password, ...changes } = request.body;
    if (request.params.id === actor.userId && (changes.isActive === false || (changes.role && changes.role !== 'admin'))) {
      throw forbidden('You cannot deactivate or demote yourself; ask another administrator.');
    }
    const [row] = await db
      .update(users)
      .set({ ...changes, ...(password ? { passwordHash: await hashPassword(password) } : {}), updatedAt: new Date() })
      .where(and(eq(users.id, request.params.id), eq(users.organizationId, actor.organizationId)))
      .returning();
    if (!row) throw notFound('User');
    forgetActors(database);
    return presentUser(row);
  });
};
