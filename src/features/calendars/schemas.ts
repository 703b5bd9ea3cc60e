import { z } from 'zod';
import { ACCESS_LEVELS } from '../../db/schema/calendars.js';
import { ROLES } from '../../db/schema/users.js';

export const HexColorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1f6feb');

export const CalendarSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  type: z.enum(['organisation', 'personal', 'holidays']),
  module: z.string().nullable(),
  color: z.string(),
  ownerId: z.uuid().nullable(),
  isReadOnly: z.boolean(),
  access: z.enum(ACCESS_LEVELS),
  canCreateEntries: z.boolean(),
  canManage: z.boolean(),
});
export type CalendarDto = z.infer<typeof CalendarSchema>;

export const CalendarCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  description: z.string().max(5000).optional(),
  module: z.string().max(40).optional(),
  color: HexColorSchema.optional(),
});

export const AccessRowSchema = z
  .strictObject({ userId: z.uuid().optional(), role: z.enum(ROLES).optional(), level: z.enum(ACCESS_LEVELS) })
  .refine((row) => (row.userId === undefined) !== (row.role === undefined), { message: 'give either userId or role', path: ['userId'] });
export const AccessListSchema = z.strictObject({ items: z.array(AccessRowSchema).max(500) });
