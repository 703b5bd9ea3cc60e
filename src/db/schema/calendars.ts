import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './organizations.js';
import { users } from './users.js';

export const CALENDAR_TYPES = ['organisation', 'personal', 'holidays'] as const;
export const ACCESS_LEVELS = ['freebusy', 'view', 'edit', 'manage'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

export const calendars = pgTable(
  'calendars',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    name: text('name').notNull(),
    description: text('description'),
    type: text('type').$type<(typeof CALENDAR_TYPES)[number]>().notNull(),
    module: text('module'),
    color: text('color').notNull().default('#1f6feb'),
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'cascade' }),
    isReadOnly: boolean('is_read_only').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('calendars_org_idx').on(t.organizationId),
    uniqueIndex('calendars_personal_owner_key').on(t.ownerId).where(sql`${t.type} = 'personal'`),
    check('calendars_type_check', sql`${t.type} in ('organisation','personal','holidays')`),
  ],
);

/** Who may do what on a calendar: a row grants a level to one user or to everyone with a role. */
export const calendarAccess = pgTable(
  'calendar_access',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    calendarId: uuid('calendar_id').notNull().references(() => calendars.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    role: text('role'),
    level: text('level').$type<AccessLevel>().notNull(),
  },
  (t) => [
    index('calendar_access_calendar_idx').on(t.calendarId),
    uniqueIndex('calendar_access_user_key').on(t.calendarId, t.userId).where(sql`${t.userId} is not null`),
    uniqueIndex('calendar_access_role_key').on(t.calendarId, t.role).where(sql`${t.role} is not null`),
    check('calendar_access_subject_check', sql`(${t.userId} is null) <> (${t.role} is null)`),
    check('calendar_access_level_check', sql`${t.level} in ('freebusy','view','edit','manage')`),
  ],
);
