import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { calendars } from './calendars.js';
import { communities } from './communities.js';
import { organizations } from './organizations.js';
import { users } from './users.js';

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const VISIBILITIES = ['public', 'internal', 'private'] as const;

/**
 * The spine (DESIGN.md): every schedulable thing is a calendar entry. Two columns live only in
 * SQL (migrations/0001_entries_span_search.sql) because Drizzle cannot declare them:
 *   span   tstzrange generated from span_start/span_end, GiST-indexed: the range query's only path
 *          to candidates (a series' span runs from its first start to its last end, or to infinity);
 *   search tsvector generated from title, description and location, GIN-indexed.
 */
export const entries = pgTable(
  'entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    calendarId: uuid('calendar_id').notNull().references(() => calendars.id),
    uid: text('uid').notNull(),
    module: text('module').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    location: text('location'),
    communityId: uuid('community_id').references(() => communities.id),
    organizerId: uuid('organizer_id').references(() => users.id),
    createdBy: uuid('created_by').references(() => users.id),
    status: text('status').notNull().default('scheduled'),
    priority: text('priority').notNull().default('normal'),
    visibility: text('visibility', { enum: VISIBILITIES }).notNull().default('internal'),
    allDay: boolean('all_day').notNull().default(false),
    isFloating: boolean('is_floating').notNull().default(false),
    startAt: timestamp('start_at', { withTimezone: true }).notNull(),
    endAt: timestamp('end_at', { withTimezone: true }).notNull(),
    startDate: date('start_date'),
    endDate: date('end_date'),
    timeZone: text('time_zone').notNull().default('Asia/Manila'),
    zoneRules: text('zone_rules'),
    rrule: text('rrule'),
    rdate: jsonb('rdate').$type<string[]>().notNull().default([]),
    exdate: jsonb('exdate').$type<string[]>().notNull().default([]),
    seriesId: uuid('series_id').references((): AnyPgColumn => entries.id, { onDelete: 'cascade' }),
    recurrenceId: text('recurrence_id'),
    recurrenceIdAt: timestamp('recurrence_id_at', { withTimezone: true }),
    spanStart: timestamp('span_start', { withTimezone: true }).notNull(),
    spanEnd: timestamp('span_end', { withTimezone: true }),
    sourceSystem: text('source_system'),
    externalId: text('external_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    sequence: integer('sequence').notNull().default(0),
    version: integer('version').notNull().default(1),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('entries_calendar_idx').on(t.organizationId, t.calendarId),
    index('entries_series_idx').on(t.seriesId),
    index('entries_organizer_idx').on(t.organizerId),
    index('entries_community_idx').on(t.communityId),
    uniqueIndex('entries_source_key').on(t.organizationId, t.sourceSystem, t.externalId),
    uniqueIndex('entries_uid_key').on(t.organizationId, t.uid, sql`coalesce(${t.recurrenceId}, '')`),
    check('entries_time_order_check', sql`${t.endAt} >= ${t.startAt}`),
    check('entries_priority_check', sql`${t.priority} in ('low','normal','high','urgent')`),
    check('entries_visibility_check', sql`${t.visibility} in ('public','internal','private')`),
    check('entries_override_check', sql`(${t.seriesId} is null) = (${t.recurrenceId} is null)`),
  ],
);
