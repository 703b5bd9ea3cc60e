import { and, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { calendarAccess, calendars } from '../../db/schema/calendars.js';
import { type ROLES, users } from '../../db/schema/users.js';
import { requireActor } from '../../http/context.js';
import { forbidden, invalidField, notFound } from '../../http/problem.js';
import { IdParamsSchema } from '../auth/schemas.js';
import { canCreateCalendar, canManageCalendar } from './policy.js';
import { presentCalendar } from './presenter.js';
import { findAccessibleCalendar, listAccessibleCalendars } from './repository.js';
import { AccessListSchema, CalendarCreateSchema, CalendarSchema } from './schemas.js';

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;

  app.get('/api/v1/calendars', {
    schema: { tags: ['calendars'], summary: 'Calendars you can see, with your access level', response: { 200: z.object({ items: z.array(CalendarSchema) }) } },
  }, async (request) => {
    const actor = requireActor(request);
    const items = await listAccessibleCalendars(db, actor);
    items.sort((a, b) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name));
    return { items: items.map((c) => presentCalendar(actor, c)) };
  });

  app.post('/api/v1/calendars', {
    schema: { tags: ['calendars'], summary: 'Create an organisation calendar (admins and managers)', body: CalendarCreateSchema, response: { 201: CalendarSchema } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    if (!canCreateCalendar(actor)) throw forbidden('Only admins and managers create organisation calendars.');
    const created = await db.transaction(async (tx) => {
      const [row] = await tx.insert(calendars).values({ ...request.body, organizationId: actor.organizationId, type: 'organisation' }).returning();
      await tx.insert(calendarAccess).values({ organizationId: actor.organizationId, calendarId: row!.id, userId: actor.userId, level: 'manage' });
      return row!;
    });
    return reply.status(201).send(presentCalendar(actor, { ...created, level: 'manage' }));
  });

  app.get('/api/v1/calendars/:id/access', {
    schema: { tags: ['calendars'], summary: 'Access rows of a calendar (managers of it)', params: IdParamsSchema, response: { 200: AccessListSchema } },
  }, async (request) => {
    const actor = requireActor(request);
    const calendar = await findAccessibleCalendar(db, actor, request.params.id);
    if (!calendar) throw notFound('Calendar');
    if (!canManageCalendar(calendar.level)) throw forbidden('You need manage access to this calendar.');
    const rows = await db.select().from(calendarAccess).where(eq(calendarAccess.calendarId, calendar.id));
    return { items: rows.map((r) => (r.userId ? { userId: r.userId, level: r.level } : { role: r.role as (typeof ROLES)[number], level: r.level })) };
  });

  app.put('/api/v1/calendars/:id/access', {
    schema: { tags: ['calendars'], summary: 'Replace the access rows of a calendar (managers of it)', params: IdParamsSchema, body: AccessListSchema, response: { 200: AccessListSchema } },
  }, async (request) => {
    const actor = requireActor(request);
    const calendar = await findAccessibleCalendar(db, actor, request.params.id);
    if (!calendar) throw notFound('Calendar');
    if (!canManageCalendar(calendar.level)) throw forbidden('You need manage access to this calendar.');
    const items = request.body.items;
    await db.transaction(async (tx) => {
      for (const [index, item] of items.entries()) {
        if (item.userId) {
          const [user] = await tx.select({ id: users.id }).from(users).where(and(eq(users.id, item.userId), eq(users.organizationId, actor.organizationId)));
          if (!user) throw invalidField(`items.${index}.userId`, 'is not a user of this organisation', 422);
        }
      }
      await tx.delete(calendarAccess).where(eq(calendarAccess.calendarId, calendar.id));
      if (items.length) {
        await tx.insert(calendarAccess).values(
          items.map((item) => ({ organizationId: actor.organizationId, calendarId: calendar.id, level: item.level, ...(item.userId ? { userId: item.userId } : { role: item.role! }) })),
        );
      }
    });
    return { items };
  });
};
