/**
 * Community kinds: community events (cultural, religious, meeting, training, disaster) and
 * observances (national holidays, Islamic and cultural observances). Public ones appear on the
 * public community calendars.
 */
import { z } from 'zod';
import { defineKind } from '../define-kind.js';
import { IdListSchema, IdSchema } from '../schema-parts.js';

export const COMMUNITY_EVENT_TYPES = ['cultural', 'religious', 'meeting', 'training', 'disaster', 'other'] as const;

export const CommunityEventDetailsSchema = z.strictObject({
  // 'other' until someone says: a quick entry in the community calendar need not classify itself.
  eventType: z.enum(COMMUNITY_EVENT_TYPES).default('other'),
  isPublic: z.boolean().default(true),
  organizerName: z.string().max(255).optional(),
  contactPersonIds: IdListSchema,
  resourceIds: IdListSchema,
  expectedAttendees: z.int().nonnegative().optional(),
});
export type CommunityEventDetails = z.infer<typeof CommunityEventDetailsSchema>;

export const ObservanceDetailsSchema = z.strictObject({
  observanceType: z.enum(['national_holiday', 'islamic', 'cultural', 'religious', 'other']),
  /** public = non-working holiday; observance = marked only; optional = local/special. */
  holidayType: z.enum(['public', 'observance', 'optional']).default('observance'),
  isPublic: z.boolean().default(true),
  hijri: z.strictObject({ year: z.int(), month: z.int().min(1).max(12), day: z.int().min(1).max(30) }).optional(),
  source: z.enum(['date-holidays', 'hijri-computed', 'manual']).default('manual'),
  communityIds: IdListSchema,
  rule: z.string().max(200).optional(),
  externalId: IdSchema.optional(),
});
export type ObservanceDetails = z.infer<typeof ObservanceDetailsSchema>;

export const communityKinds = [
  defineKind<CommunityEventDetails>({
    module: 'community',
    kind: 'community_event',
    label: 'Community event',
    detailsSchema: CommunityEventDetailsSchema,
    statuses: { planned: 'planned', confirmed: 'scheduled', ongoing: 'in_progress', completed: 'completed', postponed: 'planned', cancelled: 'cancelled' },
    defaultStatus: 'planned',
    personFields: ['contactPersonIds'],
    resourceFields: ['resourceIds'],
  }),
  defineKind<ObservanceDetails>({
    module: 'community',
    kind: 'observance',
    label: 'Observance',
    detailsSchema: ObservanceDetailsSchema,
    statuses: { observed: 'scheduled', cancelled: 'cancelled' },
    defaultStatus: 'observed',
  }),
];
