import { z } from 'zod';
import { isHhMm } from '../../core/notifications/quiet-hours.js';
import { NOTIFICATION_STATUSES } from '../../db/schema/notifications.js';
import { TimeZoneSchema } from '../auth/schemas.js';
import { MAX_REMINDER_MINUTES } from './plan-reminders.js';

const HhMmSchema = z.string().refine(isHhMm, 'must be a time HH:MM (00:00–23:59)');
export const ReminderMinutesSchema = z
  .array(z.number().int('must be whole minutes').min(0).max(MAX_REMINDER_MINUTES, `must be at most ${MAX_REMINDER_MINUTES} minutes (7 days)`))
  .max(5, 'at most 5 reminders');

export const PreferencesSchema = z.object({
  reminderMinutes: ReminderMinutesSchema,
  channels: z.object({ email: z.boolean(), in_app: z.boolean(), push: z.boolean(), sms: z.boolean() }),
  dailyDigest: z.boolean(),
  weeklyDigest: z.boolean(),
  quietHours: z.object({ start: HhMmSchema, end: HhMmSchema }).nullable(),
  timeZone: TimeZoneSchema.nullable(),
  phone: z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number such as +639171234567').nullable(),
});
export type Preferences = z.infer<typeof PreferencesSchema>;
export const PreferencesPatchSchema = z.strictObject({
  reminderMinutes: PreferencesSchema.shape.reminderMinutes.optional(),
  channels: PreferencesSchema.shape.channels.partial().strict().optional(),
  dailyDigest: z.boolean().optional(),
  weeklyDigest: z.boolean().optional(),
  quietHours: PreferencesSchema.shape.quietHours.optional(),
  timeZone: PreferencesSchema.shape.timeZone.optional(),
  phone: PreferencesSchema.shape.phone.optional(),
});

export const NotificationItemSchema = z.object({
  id: z.uuid(),
  type: z.string(),
  title: z.string(),
  message: z.string(),
  entryId: z.uuid().nullable(),
  occurrenceAt: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export const NotificationListSchema = z.object({ items: z.array(NotificationItemSchema), unreadCount: z.number().int(), nextBefore: z.string().nullable() });
export const NotificationListQuerySchema = z.strictObject({
  unread: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.iso.datetime({ offset: true, message: 'must be an ISO date-time' }).optional(),
});

export const ReminderOverrideSchema = z.strictObject({ reminderMinutes: ReminderMinutesSchema });
export const PushSubscriptionSchema = z.strictObject({
  endpoint: z.url('must be the push service URL').max(2000).refine((u) => u.startsWith('https://'), 'must be an https:// URL'),
  keys: z.strictObject({ p256dh: z.string().min(20).max(200), auth: z.string().min(8).max(100) }),
  userAgent: z.string().max(300).optional(),
});

export const AdminNotificationQuerySchema = z.strictObject({
  status: z.enum(NOTIFICATION_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const AdminNotificationSchema = z.object({
  id: z.uuid(),
  type: z.string(),
  channel: z.string(),
  recipient: z.string().nullable(),
  status: z.string(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  scheduledAt: z.string(),
  sentAt: z.string().nullable(),
});
export const MailOutboxItemSchema = z.object({
  id: z.uuid(),
  notificationId: z.uuid(),
  recipient: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  ics: z.string().nullable(),
  createdAt: z.string(),
});
export const ItipReplyBodySchema = z.strictObject({ ics: z.string().min(20).max(200_000) });
