import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './organizations.js';
import { users } from './users.js';

/**
 * A module's own record (an assessment, a leave request, a monitoring entry …). The calendar never
 * reads it: each record projects onto entries (source_system "module", external_id = projection
 * key), and `projected_keys` remembers which, so a re-projection can drop the ones that went away.
 */
export const moduleRecords = pgTable(
  'module_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    module: text('module').notNull(),
    type: text('type').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    projectedKeys: text('projected_keys').array().notNull().default([]),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    index('module_records_type_idx').on(t.organizationId, t.module, t.type),
    // Who a private record is about or names to decide: containment tests (migration 0012).
    index('module_records_data_idx').using('gin', sql`${t.data} jsonb_path_ops`),
  ],
);
