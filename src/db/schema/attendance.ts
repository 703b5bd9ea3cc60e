import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { communities } from './communities.js';
import { organizations } from './organizations.js';
import { users } from './users.js';

export const PARTICIPANT_ROLES = ['organizer', 'required', 'optional', 'facilitator'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];
export const RSVP_STATUSES = ['invited', 'going', 'maybe', 'declined'] as const;
export type RsvpStatus = (typeof RSVP_STATUSES)[number];
export const ATTENDANCE_STATUSES = ['checked_in', 'checked_out', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const CHECK_IN_METHODS = ['manual', 'qr', 'nfc'] as const;
export type CheckInMethod = (typeof CHECK_IN_METHODS)[number];
export const REPORT_FIELD_TYPES = ['text', 'select', 'number', 'boolean'] as const;
export type ReportFieldType = (typeof REPORT_FIELD_TYPES)[number];

/**
 * The occurrence an attendance row is about: '' for an entry that does not recur, otherwise the
 * occurrence's RECURRENCE-ID as the entries API writes it (local start, or a date for all-day).
 * Text and never null, so that it can sit in primary keys.
 */
export type OccurrenceKey = string;

/** Extra fields an organisation records about participants for its reports (sex, sector, …). */
export const attendanceReportFields = pgTable(
  'attendance_report_fields',
  {
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    key: text('key').notNull(),
    label: text('label').notNull(),
    type: text('type').$type<ReportFieldType>().notNull(),
    options: jsonb('options').$type<string[]>().notNull().default([]),
    required: boolean('required').notNull().default(false),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.key] }), check('attendance_report_fields_type_check', sql`${t.type} in ('text','select','number','boolean')`)],
);

/** Someone taking part in an entry (a series: every occurrence): a staff user or an external contact. */
export const entryParticipants = pgTable(
  'entry_participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull(),
    entryId: uuid('entry_id').notNull(),
    userId: uuid('user_id').references(() => users.id),
    name: text('name').notNull(),
    organisation: text('organisation'),
    communityId: uuid('community_id').references(() => communities.id),
    phone: text('phone'),
    email: text('email'),
    reportValues: jsonb('report_values').$type<Record<string, string | number | boolean>>().notNull().default({}),
    role: text('role').$type<ParticipantRole>().notNull().default('required'),
    /** The answer for the whole series (or the single entry); occurrence answers are in participant_rsvps. */
    rsvp: text('rsvp').$type<RsvpStatus>().notNull().default('invited'),
    rsvpAt: timestamp('rsvp_at', { withTimezone: true }),
    isWalkIn: boolean('is_walk_in').notNull().default(false),
    /** Raised to revoke every ticket signed before. */
    ticketVersion: integer('ticket_version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('entry_participants_org_id_key').on(t.organizationId, t.id),
    index('entry_participants_entry_idx').on(t.organizationId, t.entryId),
    uniqueIndex('entry_participants_user_key').on(t.organizationId, t.entryId, t.userId).where(sql`${t.userId} is not null`),
    uniqueIndex('entry_participants_email_key').on(t.organizationId, t.entryId, sql`lower(${t.email})`).where(sql`${t.email} is not null`),
    check('entry_participants_role_check', sql`${t.role} in ('organizer','required','optional','facilitator')`),
    check('entry_participants_rsvp_check', sql`${t.rsvp} in ('invited','going','maybe','declined')`),
  ],
);

/** An answer for one occurrence of a series, overriding the participant's series answer. */
export const participantRsvps = pgTable(
  'participant_rsvps',
  {
    organizationId: uuid('organization_id').notNull(),
    participantId: uuid('participant_id').notNull(),
    occurrenceKey: text('occurrence_key').notNull(),
    response: text('response').$type<RsvpStatus>().notNull(),
    respondedAt: timestamp('responded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.participantId, t.occurrenceKey] })],
);

/** One participant at one occurrence. No row = not checked in. The key makes two check-ins impossible. */
export const attendanceRecords = pgTable(
  'attendance_records',
  {
    organizationId: uuid('organization_id').notNull(),
    participantId: uuid('participant_id').notNull(),
    occurrenceKey: text('occurrence_key').notNull(),
    entryId: uuid('entry_id').notNull(),
    status: text('status').$type<AttendanceStatus>().notNull(),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    checkedOutAt: timestamp('checked_out_at', { withTimezone: true }),
    method: text('method').$type<CheckInMethod>().notNull().default('manual'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    /** Set when a time kept here was corrected for a scanner's clock that was off by this much (seconds); cleared by a correction by hand. */
    clockSkewSeconds: integer('clock_skew_seconds'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.participantId, t.occurrenceKey] }),
    index('attendance_records_entry_idx').on(t.organizationId, t.entryId, t.occurrenceKey),
  ],
);

/** Every scan received, by the client's idempotency key: a scan sent twice is answered from here. */
export const attendanceScans = pgTable(
  'attendance_scans',
  {
    organizationId: uuid('organization_id').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    actorId: uuid('actor_id').notNull().references(() => users.id),
    deviceId: text('device_id'),
    entryId: uuid('entry_id'),
    occurrenceKey: text('occurrence_key'),
    participantId: uuid('participant_id'),
    action: text('action').notNull(),
    method: text('method').notNull(),
    clientTime: timestamp('client_time', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    outcome: text('outcome').notNull(),
    reason: text('reason'),
    /** Hash of the scan as sent (src/core/idempotency): another scan under the same key is refused. */
    requestHash: text('request_hash'),
    /** The sending device's clock error (device − server, seconds) when past the threshold; client_time is as reported. */
    clockSkewSeconds: integer('clock_skew_seconds'),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.idempotencyKey] })],
);

/** Per occurrence: the counts (kept up to date on every change) and the organiser's expectation. */
export const attendanceOccurrences = pgTable(
  'attendance_occurrences',
  {
    organizationId: uuid('organization_id').notNull(),
    entryId: uuid('entry_id').notNull(),
    occurrenceKey: text('occurrence_key').notNull(),
    occurrenceAt: timestamp('occurrence_at', { withTimezone: true }).notNull(),
    invited: integer('invited').notNull().default(0),
    going: integer('going').notNull().default(0),
    maybe: integer('maybe').notNull().default(0),
    declined: integer('declined').notNull().default(0),
    attended: integer('attended').notNull().default(0),
    walkIns: integer('walk_ins').notNull().default(0),
    /** What the organiser expected (null: the going count is the expectation). */
    expected: integer('expected'),
    /** Raised to revoke the event's self check-in code. */
    eventCodeVersion: integer('event_code_version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.entryId, t.occurrenceKey] }), index('attendance_occurrences_at_idx').on(t.organizationId, t.occurrenceAt)],
);
