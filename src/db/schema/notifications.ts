import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { entries } from './entries.js';
import { organizations } from './organizations.js';
import { users } from './users.js';

export const NOTIFICATION_TYPES = [
  'invitation', 'reminder', 'update', 'cancellation', 'rsvp_request', 'booking_decision', 'leave_decision', 'digest',
] as const;
export const NOTIFICATION_CHANNELS = ['email', 'in_app', 'push', 'sms'] as const;
export const NOTIFICATION_STATUSES = ['pending', 'sending', 'sent', 'failed', 'cancelled'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/**
 * The outbox (docs/notifications.md): one row per intent and channel, written in the transaction of
 * the change that causes it. `(organization_id, dedupe_key, channel)` is unique, so the same reminder
 * can never exist twice. A worker claims a due row by setting status 'sending' with a lease
 * (claimed_by, claimed_until); a lease that runs out (the worker died) makes the row claimable again.
 * In-app rows are the notification centre itself (read_at).
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    recipientUserId: uuid('recipient_user_id').references(() => users.id, { onDelete: 'cascade' }),
    recipientEmail: text('recipient_email'),
    type: text('type').notNull(),
    channel: text('channel').$type<NotificationChannel>().notNull(),
    entryId: uuid('entry_id').references(() => entries.id, { onDelete: 'set null' }),
    occurrenceAt: timestamp('occurrence_at', { withTimezone: true }),
    dedupeKey: text('dedupe_key').notNull(),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }).notNull().defaultNow(),
    status: text('status').$type<NotificationStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    claimedBy: text('claimed_by'),
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('notifications_dedupe_key').on(t.organizationId, t.dedupeKey, t.channel),
    index('notifications_due_idx').on(t.scheduledAt).where(sql`${t.status} = 'pending'`),
    index('notifications_lease_idx').on(t.claimedUntil).where(sql`${t.status} = 'sending'`),
    index('notifications_entry_idx').on(t.entryId).where(sql`${t.status} = 'pending'`),
    index('notifications_inbox_idx').on(t.recipientUserId, t.channel, t.createdAt),
    check('notifications_recipient_check', sql`${t.recipientUserId} is not null or ${t.recipientEmail} is not null`),
    check('notifications_channel_check', sql`${t.channel} in ('email','in_app','push','sms')`),
    check('notifications_status_check', sql`${t.status} in ('pending','sending','sent','failed','cancelled')`),
    check(
      'notifications_type_check',
      sql`${t.type} in ('invitation','reminder','update','cancellation','rsvp_request','booking_decision','leave_decision','digest')`,
    ),
  ],
);

/** UserCalendarPreferences: absent row = the defaults of src/core/notifications/preferences.ts. */
export const notificationPreferences = pgTable('notification_preferences', {
  userId: uuid('user_id').primaryKey().references(() => users.id, { onDelete: 'cascade' }),
  organizationId: uuid('organization_id').notNull().references(() => organizations.id),
  reminderMinutes: jsonb('reminder_minutes').$type<number[]>().notNull().default([1440, 60]),
  channels: jsonb('channels').$type<Record<NotificationChannel, boolean>>().notNull(),
  dailyDigest: boolean('daily_digest').notNull().default(false),
  weeklyDigest: boolean('weekly_digest').notNull().default(false),
  quietStart: text('quiet_start'),
  quietEnd: text('quiet_end'),
  timeZone: text('time_zone'),
  phone: text('phone'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A user's own reminder times for one entry (a whole series when the entry is one), replacing the defaults. */
export const entryReminderOverrides = pgTable(
  'entry_reminder_overrides',
  {
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    entryId: uuid('entry_id').notNull().references(() => entries.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    reminderMinutes: jsonb('reminder_minutes').$type<number[]>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.entryId, t.userId] })],
);

/** Web-push subscriptions of the devices a user registered (the field app). */
export const pushSubscriptions = pgTable(
  'push_subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    endpoint: text('endpoint').notNull(),
    p256dh: text('p256dh').notNull(),
    auth: text('auth').notNull(),
    userAgent: text('user_agent'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('push_subscriptions_endpoint_key').on(t.organizationId, t.endpoint)],
);

/** E-mail kept in the database when no SMTP server is configured (the embedded default), read by admins. */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    notificationId: uuid('notification_id').notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    ics: text('ics'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('mail_outbox_notification_key').on(t.organizationId, t.notificationId),
    index('mail_outbox_created_idx').on(t.organizationId, t.createdAt),
  ],
);

/** Leases of the periodic jobs (reminder planning, digests), so that one worker runs each at a time. */
export const jobLeases = pgTable('job_leases', {
  name: text('name').primaryKey(),
  claimedBy: text('claimed_by'),
  claimedUntil: timestamp('claimed_until', { withTimezone: true }),
  lastRunAt: timestamp('last_run_at', { withTimezone: true }),
});
