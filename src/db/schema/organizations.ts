import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Every organisation-owned table carries organization_id so the data can be sharded by it later (DESIGN.md). */
export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
