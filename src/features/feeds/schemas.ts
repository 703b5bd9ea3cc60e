import { z } from 'zod';
import { PRIORITIES } from '../../db/schema/entries.js';
import { FEED_DETAILS } from '../../db/schema/feeds.js';
import { MODULES } from '../entries/schemas.js';

export const MAX_FEEDS_PER_USER = 50;

/** The range query's filters, as arrays: what a feed keeps of a saved view. */
export const FeedFiltersSchema = z.strictObject({
  modules: z.array(z.enum(MODULES)).max(20).optional(),
  community: z.array(z.uuid('must be a UUID')).max(50).optional(),
  status: z.array(z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'must be a status such as scheduled')).max(20).optional(),
  priority: z.array(z.enum(PRIORITIES)).max(4).optional(),
  organizer: z.array(z.uuid('must be a UUID')).max(50).optional(),
  q: z.string().trim().min(1).max(200).optional(),
});

export const FeedCreateSchema = z.strictObject({
  name: z.string().trim().min(1, 'is required').max(100),
  calendars: z.array(z.uuid('must be a UUID')).min(1).max(100).optional(),
  filters: FeedFiltersSchema.default({}),
  detail: z.enum(FEED_DETAILS),
});
export type FeedCreate = z.infer<typeof FeedCreateSchema>;

export const FeedSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  calendars: z.array(z.uuid()).nullable().describe('null: every calendar I may see'),
  filters: FeedFiltersSchema,
  detail: z.enum(FEED_DETAILS),
  prefix: z.string().describe('the first characters of the secret, to tell feeds apart'),
  createdAt: z.iso.datetime(),
  rotatedAt: z.iso.datetime().nullable(),
  lastChangedAt: z.iso.datetime().describe('when what the feed serves last changed'),
});
export type FeedDto = z.infer<typeof FeedSchema>;

/** Only in the answers that make a secret (create, rotate): it is never shown again. */
export const FeedWithUrlSchema = FeedSchema.extend({
  url: z.string().describe('https URL to subscribe to; it holds the secret'),
  webcalUrl: z.string().describe('the same as webcal://, which opens the calendar app'),
});
