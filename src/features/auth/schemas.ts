import { z } from 'zod';
import { ROLES } from '../../db/schema/users.js';
import { isIanaZone } from '../../core/time/iana-zone.js';

export const EmailSchema = z.string().trim().max(254).email('must be an e-mail address');
export const TimeZoneSchema = z.string().max(64).refine(isIanaZone, 'is not a known IANA time zone (e.g. Asia/Manila)');

export const LoginBodySchema = z.strictObject({
  email: EmailSchema,
  password: z.string().min(1, 'is required').max(1024),
});

export const UserSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  timeZone: z.string(),
  unit: z.string().nullable(),
  isActive: z.boolean(),
});
export type User = z.infer<typeof UserSchema>;

export const MeSchema = z.object({ user: UserSchema, csrfToken: z.string().nullable() });

export const TokenCreateBodySchema = z.strictObject({ name: z.string().trim().min(1).max(100) });
export const TokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const IdParamsSchema = z.strictObject({ id: z.uuid('must be a UUID') });
