import { z } from 'zod';
import { PRIORITIES, VISIBILITIES } from '../../db/schema/entries.js';
import { TimeZoneSchema } from '../auth/schemas.js';

export const MODULES = ['coordination', 'mana', 'staff', 'policy', 'planning', 'community', 'general'] as const;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Instants carry their offset; all-day values are dates. Which one applies is checked with allDay. */
export const TimeValueSchema = z
  .string()
  .max(40)
  .refine((v) => ISO_INSTANT.test(v) || ISO_DATE.test(v), 'must be an ISO-8601 date-time with offset (2026-03-02T09:00:00+08:00) or a date (2026-03-02)');

const DetailsSchema = z
  .record(z.string().max(100), z.unknown())
  .refine((d) => JSON.stringify(d).length <= 64_000, 'must be at most 64 kB of JSON');

const RecurrenceListSchema = z.array(z.string().max(40)).max(1000);

const entryFields = {
  title: z.string().trim().min(1, 'is required').max(500),
  start: TimeValueSchema,
  end: TimeValueSchema,
  allDay: z.boolean(),
  timeZone: TimeZoneSchema,
  calendarId: z.uuid('must be a UUID'),
  module: z.enum(MODULES),
  kind: z.string().trim().min(1).max(60).regex(/^[a-z][a-z0-9_]*$/, 'must be lower_snake_case, like training_session'),
  location: z.string().max(500).nullable(),
  description: z.string().max(100_000).nullable(),
  communityId: z.uuid('must be a UUID').nullable(),
  organizerId: z.uuid('must be a UUID').nullable(),
  status: z.string().trim().min(1).max(40).regex(/^[a-z][a-z0-9_]*$/, 'must be lower_snake_case, like in_progress'),
  priority: z.enum(PRIORITIES),
  visibility: z.enum(VISIBILITIES),
  details: DetailsSchema,
  rrule: z.string().max(1000).nullable(),
  rdate: RecurrenceListSchema,
  exdate: RecurrenceListSchema,
};

export const EntryCreateSchema = z.strictObject({
  ...entryFields,
  allDay: entryFields.allDay.default(false),
  timeZone: entryFields.timeZone.optional(),
  module: entryFields.module.optional(),
  kind: entryFields.kind.default('event'),
  location: entryFields.location.optional(),
  description: entryFields.description.optional(),
  communityId: entryFields.communityId.optional(),
  organizerId: entryFields.organizerId.optional(),
  status: entryFields.status.default('scheduled'),
  priority: entryFields.priority.default('normal'),
  visibility: entryFields.visibility.default('internal'),
  details: entryFields.details.default({}),
  rrule: entryFields.rrule.optional(),
  rdate: entryFields.rdate.default([]),
  exdate: entryFields.exdate.default([]),
});
export type EntryCreate = z.infer<typeof EntryCreateSchema>;

export const EntryPatchSchema = z.strictObject(
  Object.fromEntries(Object.entries(entryFields).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof typeof entryFields]: z.ZodOptional<(typeof entryFields)[K]>;
  },
);
export type EntryPatch = z.infer<typeof EntryPatchSchema>;

export const EntrySchema = z.object({
  id: z.uuid(),
  uid: z.string(),
  calendarId: z.uuid(),
  module: z.string(),
  kind: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  location: z.string().nullable(),
  communityId: z.uuid().nullable(),
  organizerId: z.uuid().nullable(),
  status: z.string(),
  priority: z.string(),
  visibility: z.enum(VISIBILITIES),
  allDay: z.boolean(),
  start: z.string(),
  end: z.string(),
  timeZone: z.string(),
  rrule: z.string().nullable(),
  rdate: z.array(z.string()),
  exdate: z.array(z.string()),
  seriesId: z.uuid().nullable(),
  recurrenceId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  sequence: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  canEdit: z.boolean(),
  canDelete: z.boolean(),
});
export type EntryDto = z.infer<typeof EntrySchema>;
