import { z } from 'zod';

export const COMMUNITY_LEVELS = ['region', 'province', 'municipality', 'barangay'] as const;
export type CommunityLevel = (typeof COMMUNITY_LEVELS)[number];

const Latitude = z.number().min(-90, 'must be between -90 and 90').max(90, 'must be between -90 and 90');
const Longitude = z.number().min(-180, 'must be between -180 and 180').max(180, 'must be between -180 and 180');

const communityFields = {
  name: z.string().trim().min(1, 'is required').max(200),
  level: z.enum(COMMUNITY_LEVELS),
  parentId: z.uuid('must be a UUID').nullable(),
  // PSGC codes are 9–10 digits; other schemes are allowed, kept short.
  code: z.string().trim().min(1).max(40).nullable(),
  latitude: Latitude.nullable(),
  longitude: Longitude.nullable(),
};

/** Latitude and longitude come together or not at all: half a position is no position. */
const pairedCoordinates = (value: { latitude: number | null; longitude: number | null }, ctx: z.RefinementCtx) => {
  if (value.latitude !== null && value.longitude === null) ctx.addIssue({ code: 'custom', path: ['longitude'], message: 'is required with latitude' });
  if (value.longitude !== null && value.latitude === null) ctx.addIssue({ code: 'custom', path: ['latitude'], message: 'is required with longitude' });
};

export const CommunityCreateSchema = z
  .strictObject({
    ...communityFields,
    parentId: communityFields.parentId.default(null),
    code: communityFields.code.default(null),
    latitude: communityFields.latitude.default(null),
    longitude: communityFields.longitude.default(null),
  })
  .superRefine(pairedCoordinates);
export type CommunityCreate = z.infer<typeof CommunityCreateSchema>;

export const CommunityPatchSchema = z
  .strictObject({
    name: communityFields.name.optional(),
    level: communityFields.level.optional(),
    parentId: communityFields.parentId.optional(),
    code: communityFields.code.optional(),
    latitude: communityFields.latitude.optional(),
    longitude: communityFields.longitude.optional(),
  })
  .superRefine((value, ctx) => {
    // A patch moves or clears the position whole: both coordinates, numbers or nulls together.
    if (value.latitude === undefined && value.longitude === undefined) return;
    if (value.longitude === undefined || (value.longitude === null && value.latitude !== null)) ctx.addIssue({ code: 'custom', path: ['longitude'], message: 'must come with latitude (both numbers, or both null)' });
    else if (value.latitude === undefined || (value.latitude === null && value.longitude !== null)) ctx.addIssue({ code: 'custom', path: ['latitude'], message: 'must come with longitude (both numbers, or both null)' });
  });
export type CommunityPatch = z.infer<typeof CommunityPatchSchema>;

export const CommunityListQuerySchema = z.strictObject({
  level: z.enum(COMMUNITY_LEVELS).optional(),
  parent: z.union([z.uuid(), z.literal('none')], 'must be a community id or "none" (top level)').optional(),
  within: z.uuid('must be a community id').optional(),
  q: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  cursor: z.string().max(400).optional(),
});
export type CommunityListQuery = z.infer<typeof CommunityListQuerySchema>;

export const CommunitySchema = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  level: z.enum(COMMUNITY_LEVELS),
  name: z.string(),
  code: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  path: z.array(z.uuid()),
  canEdit: z.boolean(),
  canDelete: z.boolean(),
});
export type CommunityDto = z.infer<typeof CommunitySchema>;

export const CommunityPageSchema = z.object({ items: z.array(CommunitySchema), nextCursor: z.string().nullable() });
