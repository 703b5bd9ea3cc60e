import { z } from 'zod';
import { BOOKING_STATUSES, RESOURCE_TYPES } from '../../db/schema/resources.js';
import { TimeZoneSchema } from '../auth/schemas.js';
import { TimeValueSchema } from '../entries/schemas.js';

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be HH:MM, 00:00 to 24:00');
export const WeeklyHoursSchema = z
  .record(z.string().regex(/^[1-7]$/, 'weekdays are 1 (Monday) to 7 (Sunday)'), z.array(z.tuple([HHMM, HHMM])).max(8))
  .describe('ISO weekday (1 = Monday … 7 = Sunday) → [from, to] wall-clock intervals in the resource zone; null = bookable at any time');

const Minutes = z.number().int('must be whole minutes').min(0, 'must not be negative').max(10080, 'must be at most a week');

const resourceFields = {
  type: z.enum(RESOURCE_TYPES),
  name: z.string().trim().min(1, 'is required').max(200),
  description: z.string().max(10_000).nullable(),
  capacity: z.number().int().min(0).max(100_000).nullable(),
  quantity: z.number().int('must be a whole number').min(1, 'must be at least 1').max(100_000),
  location: z.string().max(500).nullable(),
  homeCommunityId: z.uuid('must be a UUID').nullable(),
  needsApproval: z.boolean(),
  costPerUse: z.number().min(0).max(1e9).nullable(),
  bufferBeforeMinutes: Minutes,
  bufferAfterMinutes: Minutes,
  timeZone: TimeZoneSchema,
  bookableHours: WeeklyHoursSchema.nullable(),
  isActive: z.boolean(),
};

export const ResourceCreateSchema = z.strictObject({
  ...resourceFields,
  description: resourceFields.description.default(null),
  capacity: resourceFields.capacity.default(null),
  quantity: resourceFields.quantity.default(1),
  location: resourceFields.location.default(null),
  homeCommunityId: resourceFields.homeCommunityId.default(null),
  needsApproval: resourceFields.needsApproval.default(false),
  costPerUse: resourceFields.costPerUse.default(null),
  bufferBeforeMinutes: Minutes.default(0),
  bufferAfterMinutes: Minutes.default(0),
  timeZone: TimeZoneSchema.default('Asia/Manila'),
  bookableHours: resourceFields.bookableHours.default(null),
  isActive: resourceFields.isActive.default(true),
});
export type ResourceCreate = z.infer<typeof ResourceCreateSchema>;

export const ResourcePatchSchema = z.strictObject(
  Object.fromEntries(Object.entries(resourceFields).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof typeof resourceFields]: z.ZodOptional<(typeof resourceFields)[K]>;
  },
);
export type ResourcePatch = z.infer<typeof ResourcePatchSchema>;

export const ResourceSchema = z.object({
  id: z.uuid(),
  type: z.enum(RESOURCE_TYPES),
  name: z.string(),
  description: z.string().nullable(),
  capacity: z.number().nullable(),
  quantity: z.number(),
  location: z.string().nullable(),
  homeCommunityId: z.uuid().nullable(),
  needsApproval: z.boolean(),
  costPerUse: z.number().nullable(),
  bufferBeforeMinutes: z.number(),
  bufferAfterMinutes: z.number(),
  timeZone: z.string(),
  bookableHours: z.record(z.string(), z.array(z.tuple([z.string(), z.string()]))).nullable(),
  isActive: z.boolean(),
  version: z.number(),
  canEdit: z.boolean(),
  canBook: z.boolean(),
});
export type ResourceDto = z.infer<typeof ResourceSchema>;

export const ResourceListQuerySchema = z.strictObject({
  type: z.enum(RESOURCE_TYPES).optional(),
  active: z.enum(['true', 'false', 'all']).default('true'),
  q: z.string().trim().min(1).max(100).optional(),
});

/** An instant with its offset (2026-03-02T09:00:00+08:00); dates are not instants here. */
export const InstantSchema = TimeValueSchema.refine((v) => v.includes('T'), 'must be a date-time with offset, like 2026-03-02T09:00:00+08:00');

export const WindowQuerySchema = z.strictObject({ start: InstantSchema, end: InstantSchema });

export const AvailableQuerySchema = z.strictObject({
  start: InstantSchema,
  end: InstantSchema,
  type: z.enum(RESOURCE_TYPES).optional(),
  capacity: z.coerce.number().int().min(0).max(100_000).optional(),
  units: z.coerce.number().int().min(1).max(100_000).default(1),
});

export const UtilisationQuerySchema = z.strictObject({ start: InstantSchema, end: InstantSchema, type: z.enum(RESOURCE_TYPES).optional() });

const SpanSchema = z.object({ start: z.string(), end: z.string() });
export const BusySpanSchema = SpanSchema.extend({
  bookingId: z.uuid(),
  status: z.enum(BOOKING_STATUSES),
  units: z.number(),
  blockedStart: z.string(),
  blockedEnd: z.string(),
});
export const AvailabilitySchema = z.object({
  resourceId: z.uuid(),
  quantity: z.number(),
  start: z.string(),
  end: z.string(),
  busy: z.array(BusySpanSchema),
  bookableHours: z.array(SpanSchema),
  blackouts: z.array(SpanSchema.extend({ id: z.uuid(), reason: z.string().nullable() })),
  free: z.array(SpanSchema),
});

export const BlackoutCreateSchema = z.strictObject({ start: InstantSchema, end: InstantSchema, reason: z.string().trim().max(500).nullable().default(null) });
export const BlackoutSchema = z.object({ id: z.uuid(), resourceId: z.uuid(), start: z.string(), end: z.string(), reason: z.string().nullable() });

export const BookingCreateSchema = z.strictObject({
  resourceId: z.uuid('must be a UUID'),
  entryId: z.uuid('must be a UUID'),
  recurrenceId: z.string().max(40).optional().describe('one occurrence of a series (its local start, as in /entries/{id}/occurrences/{recurrenceId}); omit to book every occurrence up to `until`'),
  until: InstantSchema.optional().describe('for a series: book occurrences up to here (default 180 days ahead, at most 2 years)'),
  units: z.number().int('must be a whole number').min(1, 'must be at least 1').max(100_000).default(1),
  note: z.string().trim().max(2000).nullable().default(null),
  atomic: z.boolean().default(false).describe('for a series: book every occurrence or none (409 naming the occurrences in the way); without it the ones that fit are booked and the others reported'),
});
export type BookingCreate = z.infer<typeof BookingCreateSchema>;

export const BookingSchema = z.object({
  id: z.uuid(),
  resourceId: z.uuid(),
  resourceName: z.string(),
  entryId: z.uuid(),
  recurrenceId: z.string().nullable(),
  start: z.string(),
  end: z.string(),
  units: z.number(),
  bufferBeforeMinutes: z.number(),
  bufferAfterMinutes: z.number(),
  travelBeforeMinutes: z.number(),
  travelAfterMinutes: z.number(),
  blockedStart: z.string(),
  blockedEnd: z.string(),
  status: z.enum(BOOKING_STATUSES),
  note: z.string().nullable(),
  requestedBy: z.uuid(),
  requestedAt: z.string(),
  decidedBy: z.uuid().nullable(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  version: z.number(),
  canDecide: z.boolean(),
  canCancel: z.boolean(),
  canReopen: z.boolean(),
});
export type BookingDto = z.infer<typeof BookingSchema>;

export const OccurrenceResultSchema = z.object({
  recurrenceId: z.string(),
  start: z.string(),
  end: z.string(),
  result: z.enum(['booked', 'conflict', 'blackout', 'outside_bookable_hours']),
  bookingId: z.uuid().nullable(),
  conflictingBookingId: z.uuid().nullable(),
});
export const BookingBatchSchema = z.object({ bookings: z.array(BookingSchema), occurrences: z.array(OccurrenceResultSchema) });

export const BookingListQuerySchema = z.strictObject({
  status: z.enum(BOOKING_STATUSES).optional(),
  resourceId: z.uuid().optional(),
  entryId: z.uuid().optional(),
  mine: z.enum(['true', 'false']).default('false'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const DecisionSchema = z.strictObject({
  action: z.enum(['approve', 'reject']),
  reason: z.string().trim().max(2000).nullable().default(null),
});
export const ReasonSchema = z.strictObject({ reason: z.string().trim().max(2000).nullable().default(null) });

export const TravelSpeedSchema = z.strictObject({
  speedKmh: z.number().gt(0, 'must be above 0').max(200, 'must be at most 200'),
  roadFactor: z.number().min(1, 'must be at least 1').max(5, 'must be at most 5').default(1.3),
});
export const TravelSpeedDtoSchema = z.object({ provinceId: z.uuid(), speedKmh: z.number(), roadFactor: z.number() });

/** An event of the resource and bookings feeds, in the shape the calendar views consume. */
export const FeedEventSchema = z.object({
  id: z.string(), title: z.string(), start: z.string(), end: z.string(), allDay: z.boolean(), color: z.string(),
  extendedProps: z.record(z.string(), z.unknown()),
});
