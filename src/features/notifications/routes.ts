import { publicUrlOf } from '../../config.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/context.js';
import { forbidden, notFound } from '../../http/problem.js';
import { type Actor, isAdmin } from '../auth/actor.js';
import { IdParamsSchema } from '../auth/schemas.js';
import { rsvpUrlOfNotification } from '../attendance/rsvp-links.js';
import { listMailOutbox, listOutbox } from './admin-outbox.js';
import { listInbox, markRead, unreadCount } from './inbox.js';
import { applyItipReply } from './itip-reply.js';
import { liveBusFor } from './live.js';
import { getPreferences, updatePreferences } from './preferences.js';
import { listPushDevices, registerPushDevice, removePushDevice } from './push-devices.js';
import { getReminderOverride, setReminderOverride } from './reminder-overrides.js';
import { recordRsvpForReply } from './rsvp-bridge.js';
import {
  AdminNotificationQuerySchema, AdminNotificationSchema, ItipReplyBodySchema, MailOutboxItemSchema, NotificationListQuerySchema,
  NotificationListSchema, PreferencesPatchSchema, PreferencesSchema, PushSubscriptionSchema, ReminderOverrideSchema,
} from './schemas.js';
import { registerNotificationStream } from './stream-route.js';

const tags = ['notifications'];
const requireAdmin = (request: { actor: Actor | null }) => {
  const actor = requireActor(request);
  if (!isAdmin(actor)) throw forbidden('Only administrators read the outbox.');
  return actor;
};

/** The notification centre, preferences, reminder overrides, push devices, the admin outbox and inbound iTIP replies. */
export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, db, config, now } = app.ctx;
  const live = liveBusFor(database);
  app.addHook('onClose', async () => live.close());

  app.get('/api/v1/notifications', {
    schema: { tags, summary: 'Your in-app notifications, newest first, with the unread count', querystring: NotificationListQuerySchema, response: { 200: NotificationListSchema } },
  }, async (request) => listInbox(database, requireActor(request), request.query));

  app.get('/api/v1/notifications/unread-count', {
    schema: { tags, summary: 'How many of your in-app notifications are unread', response: { 200: z.object({ unreadCount: z.number().int() }) } },
  }, async (request) => ({ unreadCount: await unreadCount(database, requireActor(request)) }));

  app.post('/api/v1/notifications/:id/read', {
    schema: { tags, summary: 'Mark one of your notifications read', params: IdParamsSchema, response: { 204: z.null() } },
  }, async (request, reply) => {
    if (!(await markRead(database, requireActor(request), request.params.id, now()))) throw notFound('Notification');
    return reply.status(204).send(null);
  });

  app.post('/api/v1/notifications/read-all', {
    schema: { tags, summary: 'Mark all your notifications read', response: { 204: z.null() } },
  }, async (request, reply) => {
    await markRead(database, requireActor(request), null, now());
    return reply.status(204).send(null);
  });

  registerNotificationStream(app, live);

  app.get('/api/v1/me/notification-preferences', {
    schema: { tags, summary: 'Your notification preferences (defaults until you change them)', response: { 200: PreferencesSchema } },
  }, async (request) => getPreferences(db, requireActor(request)));

  app.patch('/api/v1/me/notification-preferences', {
    schema: { tags, summary: 'Change your reminder times, channels, digests, quiet hours, zone or phone', body: PreferencesPatchSchema, response: { 200: PreferencesSchema } },
  }, async (request) => updatePreferences(db, requireActor(request), request.body));

  app.get('/api/v1/entries/:id/reminders', {
    schema: { tags, summary: 'Your reminder times for an entry (your defaults unless overridden)', params: IdParamsSchema, response: { 200: z.object({ reminderMinutes: z.array(z.number().int()), isOverride: z.boolean() }) } },
  }, async (request) => getReminderOverride(db, requireActor(request), request.params.id));

  app.put('/api/v1/entries/:id/reminders', {
    schema: { tags, summary: 'Set your own reminder times for an entry or series ([] = none)', params: IdParamsSchema, body: ReminderOverrideSchema, response: { 204: z.null() } },
  }, async (request, reply) => {
    await setReminderOverride(db, requireActor(request), request.params.id, request.body.reminderMinutes);
    return reply.status(204).send(null);
  });

  app.delete('/api/v1/entries/:id/reminders', {
    schema: { tags, summary: 'Go back to your default reminder times for an entry', params: IdParamsSchema, response: { 204: z.null() } },
  }, async (request, reply) => {
    await setReminderOverride(db, requireActor(request), request.params.id, null);
    return reply.status(204).send(null);
  });

  app.get('/api/v1/push/vapid-public-key', {
    schema: { tags, summary: 'The server\'s VAPID public key for web-push subscriptions (null: push is off)', response: { 200: z.object({ publicKey: z.string().nullable() }) } },
  }, async (request) => {
    requireActor(request);
    return { publicKey: config.VAPID_PUBLIC_KEY ?? null };
  });

  app.get('/api/v1/me/push-subscriptions', {
    schema: { tags, summary: 'Your devices registered for web push', response: { 200: z.object({ items: z.array(z.object({ id: z.uuid(), endpoint: z.string(), userAgent: z.string().nullable(), createdAt: z.string() })) }) } },
  }, async (request) => ({ items: await listPushDevices(database, requireActor(request)) }));

  app.post('/api/v1/me/push-subscriptions', {
    schema: { tags, summary: 'Register this device for web push (the PushSubscription of the browser); an endpoint inside the server\'s network is refused (400)', body: PushSubscriptionSchema, response: { 201: z.object({ id: z.uuid() }) } },
  }, async (request, reply) => reply.status(201).send(await registerPushDevice(app.ctx, requireActor(request), request.body)));

  app.delete('/api/v1/me/push-subscriptions/:id', {
    schema: { tags, summary: 'Forget one of your push devices', params: IdParamsSchema, response: { 204: z.null() } },
  }, async (request, reply) => {
    if (!(await removePushDevice(database, requireActor(request), request.params.id))) throw notFound('Push subscription');
    return reply.status(204).send(null);
  });

  app.get('/api/v1/admin/notifications', {
    schema: { tags, summary: 'The notification outbox with status, attempts and last error (admins)', querystring: AdminNotificationQuerySchema, response: { 200: z.object({ items: z.array(AdminNotificationSchema) }) } },
  }, async (request) => ({ items: await listOutbox(database, requireAdmin(request), request.query) }));

  app.get('/api/v1/admin/mail-outbox', {
    schema: { tags, summary: 'E-mail kept because no SMTP server is configured (admins); reply links are not stored, they are made again for the administrator reading them', querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) }), response: { 200: z.object({ items: z.array(MailOutboxItemSchema) }) } },
  }, async (request) => {
    const links = { signingKey: app.ctx.signingKey, publicUrl: publicUrlOf(config) };
    return { items: await listMailOutbox(database, requireAdmin(request), request.query.limit, (row) => rsvpUrlOfNotification(links, row, now())) };
  });

  app.post('/api/v1/itip/reply', {
    schema: {
      tags, summary: 'An inbound iTIP REPLY (a mail client\'s Accept/Decline) updates the participant\'s RSVP (admins: the mail gateway\'s token)',
      body: ItipReplyBodySchema, response: { 200: z.object({ entryId: z.uuid(), email: z.string(), response: z.enum(['going', 'maybe', 'declined']) }) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    if (!isAdmin(actor)) throw forbidden('Only the mail gateway (an administrator\'s token) posts replies.');
    const result = await applyItipReply(database, actor, request.body.ics, recordRsvpForReply);
    return { entryId: result.entryId, email: result.email, response: result.response };
  });
};
