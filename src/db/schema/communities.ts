import { sql } from 'drizzle-orm';
import { check, doublePrecision, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './organizations.js';

/** region › province › municipality › barangay; `path` holds the ids from the region down, for "any level" filters. */
export const communities = pgTable(
  'communities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    parentId: uuid('parent_id'),
    level: text('level').notNull(),
    name: text('name').notNull(),
    code: text('code'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    path: uuid('path').array().notNull(),
  },
  (t) => [
    index('communities_org_idx').on(t.organizationId),
    index('communities_path_idx').using('gin', t.path),
    check('communities_level_check', sql`${t.level} in ('region','province','municipality','barangay')`),
  ],
);
