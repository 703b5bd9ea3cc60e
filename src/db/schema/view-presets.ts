import { sql } from 'drizzle-orm';
import { foreignKey, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './organizations.js';
import { users } from './users.js';

/** A user's saved calendar view: a name, an optional view type, and the filters of the web calendar. */
export const viewPresets = pgTable(
  'view_presets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    userId: uuid('user_id').notNull(),
    name: text('name').notNull(),
    view: text('view'),
    filters: jsonb('filters').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: 'view_presets_user_fk', columns: [t.userId], foreignColumns: [users.id] }).onDelete('cascade'),
    uniqueIndex('view_presets_user_name_key').on(t.organizationId, t.userId, sql`lower(${t.name})`),
    index('view_presets_user_idx').on(t.organizationId, t.userId),
  ],
);
