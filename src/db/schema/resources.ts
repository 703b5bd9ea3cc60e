import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { communities } from './communities.js';
import { organizations } from './organizations.js';
import { users } from './users.js';

export const RESOURCE_TYPES = ['vehicle', 'equipment', 'room', 'facilitator'] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];
export const BOOKING_STATUSES = ['pending', 'approved', 'rejected', 'cancelled'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/** ISO weekday (1 = Monday … 7 = Sunday) → wall-clock intervals ["08:00", "17:00"]; null = any time. */
export type BookableHours = Partial<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', [string, string][]>>;

/** Something people book: a vehicle, a piece of equipment (quantity > 1), a room, a facilitator. */
export const resources = pgTable(
  'resources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    type: text('type').$type<ResourceType>().notNull(),
    name: text('name').notNull(),
    description: text('description'),
    capacity: integer('capacity'),
    quantity: integer('quantity').notNull().default(1),
    location: text('location'),
    homeCommunityId: uuid('home_community_id').references(() => communities.id),
    needsApproval: boolean('needs_approval').notNull().default(false),
    costPerUse: numeric('cost_per_use', { precision: 12, scale: 2, mode: 'number' }),
    bufferBeforeMinutes: integer('buffer_before_minutes').notNull().default(0),
    bufferAfterMinutes: integer('buffer_after_minutes').notNull().default(0),
    timeZone: text('time_zone').notNull().default('Asia/Manila'),
    bookableHours: jsonb('bookable_hours').$type<BookableHours | null>(),
    isActive: boolean('is_active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('resources_org_id_key').on(t.organizationId, t.id),
    index('resources_org_type_idx').on(t.organizationId, t.type),
    check('resources_type_check', sql`${t.type} in ('vehicle','equipment','room','facilitator')`),
    check('resources_quantity_check', sql`${t.quantity} >= 1`),
    check('resources_capacity_check', sql`${t.capacity} is null or ${t.capacity} >= 0`),
    check('resources_buffer_check', sql`${t.bufferBeforeMinutes} between 0 and 10080 and ${t.bufferAfterMinutes} between 0 and 10080`),
  ],
);

/** Maintenance and other periods a resource cannot be booked. */
export const resourceBlackouts = pgTable(
  'resource_blackouts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull(),
    resourceId: uuid('resource_id').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    reason: text('reason'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('resource_blackouts_resource_idx').on(t.organizationId, t.resourceId, t.startsAt), check('resource_blackouts_order_check', sql`${t.endsAt} > ${t.startsAt}`)],
);

/**
 * A resource booked for an entry (or one occurrence of a series: recurrence_id). Columns that live
 * only in SQL (migrations/0004_resources.sql), because Drizzle cannot declare them:
 *   blocked  tstzrange [blocked_start, blocked_end), generated; the EXCLUDE constraint for unit
 *            resources and the GiST index of availability run on it;
 * and two triggers: one sets blocked_start/end (event time ± buffers and travel) and `exclusive`,
 * and refuses, under a lock on the resource row, any active booking that would exceed the
 * resource's quantity; the other moves bookings with their entry (0004_resources.sql).
 */
export const resourceBookings = pgTable(
  'resource_bookings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull(),
    resourceId: uuid('resource_id').notNull(),
    entryId: uuid('entry_id').notNull(),
    recurrenceId: text('recurrence_id'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    units: integer('units').notNull().default(1),
    bufferBeforeMinutes: integer('buffer_before_minutes').notNull().default(0),
    bufferAfterMinutes: integer('buffer_after_minutes').notNull().default(0),
    travelBeforeMinutes: integer('travel_before_minutes').notNull().default(0),
    travelAfterMinutes: integer('travel_after_minutes').notNull().default(0),
    blockedStart: timestamp('blocked_start', { withTimezone: true }).notNull(),
    blockedEnd: timestamp('blocked_end', { withTimezone: true }).notNull(),
    exclusive: boolean('exclusive').notNull().default(true),
    status: text('status').$type<BookingStatus>().notNull(),
    note: text('note'),
    requestedBy: uuid('requested_by').notNull().references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
    idempotencyKey: text('idempotency_key'),
    /** Hash of the request the key came with (src/core/idempotency): another body under the same key is refused. */
    requestHash: text('request_hash'),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('resource_bookings_entry_idx').on(t.organizationId, t.entryId),
    index('resource_bookings_status_idx').on(t.organizationId, t.status),
    uniqueIndex('resource_bookings_idempotency_key').on(t.organizationId, t.requestedBy, t.idempotencyKey),
    check('resource_bookings_status_check', sql`${t.status} in ('pending','approved','rejected','cancelled')`),
    check('resource_bookings_order_check', sql`${t.endsAt} >= ${t.startsAt}`),
    check('resource_bookings_units_check', sql`${t.units} >= 1`),
  ],
);

/** Every state change of a booking: who, when, why (the decision record). */
export const resourceBookingEvents = pgTable(
  'resource_booking_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull(),
    bookingId: uuid('booking_id').notNull(),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    reason: text('reason'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('resource_booking_events_booking_idx').on(t.organizationId, t.bookingId)],
);

/** Average road speed (and detour factor) for trips into a province; the organisation default has no province. */
export const resourceTravelSpeeds = pgTable(
  'resource_travel_speeds',
  {
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    provinceId: uuid('province_id').notNull(),
    speedKmh: doublePrecision('speed_kmh').notNull(),
    roadFactor: doublePrecision('road_factor').notNull().default(1.3),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.provinceId] }),
    check('resource_travel_speeds_check', sql`${t.speedKmh} > 0 and ${t.speedKmh} <= 200 and ${t.roadFactor} >= 1 and ${t.roadFactor} <= 5`),
  ],
);
