import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './organizations.js';
import { users } from './users.js';

export const FEED_DETAILS = ['busy', 'titles', 'full'] as const;
export type FeedDetail = (typeof FEED_DETAILS)[number];

/** The saved filters of a feed, as the range query takes them (docs/feeds.md). */
export interface FeedFilterValues {
  modules?: string[];
  community?: string[];
  status?: string[];
  priority?: string[];
  organizer?: string[];
  q?: string;
}

/**
 * Secret subscription URLs (docs/feeds.md): a calendar app reads one without a session, as its
 * owner would see it now, capped at `detail`. Only the secret's SHA-256 is stored; a revoked feed
 * keeps its row so its URL answers 410 Gone. `contentTag`/`contentChangedAt` remember the last
 * ETag served and when it last changed: Last-Modified that every process agrees on.
 */
export const feeds = pgTable(
  'feeds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    ownerId: uuid('owner_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    calendarIds: uuid('calendar_ids').array(),
    filters: jsonb('filters').$type<FeedFilterValues>().notNull().default({}),
    detail: text('detail').$type<FeedDetail>().notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    tokenPrefix: text('token_prefix').notNull(),
    contentTag: text('content_tag'),
    contentChangedAt: timestamp('content_changed_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    rotatedAt: timestamp('rotated_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    index('feeds_owner_idx').on(t.organizationId, t.ownerId),
    check('feeds_detail_check', sql`${t.detail} in ('busy','titles','full')`),
  ],
);
