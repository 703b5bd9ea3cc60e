import { z } from 'zod';
import { ATTENDANCE_STATUSES, CHECK_IN_METHODS, PARTICIPANT_ROLES, REPORT_FIELD_TYPES, RSVP_STATUSES } from '../../db/schema/attendance.js';
import { EmailSchema } from '../auth/schemas.js';

const RecurrenceIdSchema = z.string().max(40).describe('The occurrence of a series: its local start YYYY-MM-DDTHH:MM:SS (a date for all-day series)');
const ReportValuesSchema = z.record(z.string().max(60), z.union([z.string().max(500), z.number(), z.boolean()]))
  .refine((v) => Object.keys(v).length <= 50, 'must have at most 50 fields');

export const EntryParamsSchema = z.strictObject({ id: z.uuid('must be a UUID') });
export const ParticipantParamsSchema = z.strictObject({ id: z.uuid('must be a UUID'), participantId: z.uuid('must be a UUID') });
export const OccurrenceQuerySchema = z.strictObject({ recurrenceId: RecurrenceIdSchema.optional() });

const contactFields = {
  name: z.string().trim().min(1, 'is required').max(200),
  organisation: z.string().trim().max(200).nullable(),
  communityId: z.uuid('must be a UUID').nullable(),
  phone: z.string().trim().max(40).regex(/^[+0-9 ()-]*$/, 'must be a phone number (digits, spaces, + - ( ))').nullable(),
  email: EmailSchema.nullable(),
  reportValues: ReportValuesSchema,
  role: z.enum(PARTICIPANT_ROLES),
};

export const ParticipantCreateSchema = z.strictObject({
  userId: z.uuid('must be a UUID').optional().describe('A staff user; name and e-mail then default to theirs'),
  name: contactFields.name.optional(),
  organisation: contactFields.organisation.optional(),
  communityId: contactFields.communityId.optional(),
  phone: contactFields.phone.optional(),
  email: contactFields.email.optional(),
  reportValues: contactFields.reportValues.default({}),
  role: contactFields.role.default('required'),
  notify: z.boolean().default(true).describe('Send the invitation (e-mail / in-app) with a reply link'),
});
export type ParticipantCreate = z.infer<typeof ParticipantCreateSchema>;

export const ParticipantPatchSchema = z.strictObject({
  name: contactFields.name.optional(),
  organisation: contactFields.organisation.optional(),
  communityId: contactFields.communityId.optional(),
  phone: contactFields.phone.optional(),
  email: contactFields.email.optional(),
  reportValues: contactFields.reportValues.optional(),
  role: contactFields.role.optional(),
  revokeTicket: z.boolean().optional().describe('Refuse every QR ticket printed for this participant before now'),
});
export type ParticipantPatch = z.infer<typeof ParticipantPatchSchema>;

export const WalkInSchema = z.strictObject({
  recurrenceId: RecurrenceIdSchema.optional(),
  name: contactFields.name,
  organisation: contactFields.organisation.optional(),
  communityId: contactFields.communityId.optional(),
  phone: contactFields.phone.optional(),
  email: contactFields.email.optional(),
  reportValues: contactFields.reportValues.default({}),
  checkedInAt: z.iso.datetime({ offset: true }).optional(),
});
export type WalkIn = z.infer<typeof WalkInSchema>;

export const ParticipantSchema = z.object({
  id: z.uuid(),
  entryId: z.uuid(),
  userId: z.uuid().nullable(),
  name: z.string(),
  organisation: z.string().nullable(),
  communityId: z.uuid().nullable(),
  phone: z.string().nullable().describe('Only for the entry\'s editors and the participant'),
  email: z.string().nullable().describe('Only for the entry\'s editors and the participant'),
  reportValues: z.record(z.string(), z.unknown()),
  role: z.enum(PARTICIPANT_ROLES),
  rsvp: z.enum(RSVP_STATUSES).describe('For the whole entry or series'),
  occurrenceRsvp: z.enum(RSVP_STATUSES).nullable().describe('The answer for the occurrence asked about (recurrenceId), when there is one'),
  attendance: z.object({
    status: z.enum(['not_checked_in', ...ATTENDANCE_STATUSES]), checkedInAt: z.string().nullable(), checkedOutAt: z.string().nullable(), method: z.enum(CHECK_IN_METHODS).nullable(),
    clockSkewSeconds: z.number().int().nullable().describe("set when a time here was corrected for a scanner's clock off by this many seconds (ahead > 0)"),
  }).nullable(),
  isWalkIn: z.boolean(),
  createdAt: z.string(),
  canEdit: z.boolean(),
});
export type ParticipantDto = z.infer<typeof ParticipantSchema>;

export const CountsSchema = z.object({
  invited: z.number().int(), going: z.number().int(), maybe: z.number().int(), declined: z.number().int(),
  attended: z.number().int(), walkIns: z.number().int(), expected: z.number().int(),
  attendedInvited: z.number().int(), rate: z.number().nullable(), difference: z.number().int(),
});

export const ParticipantListSchema = z.object({
  participants: z.array(ParticipantSchema),
  recurrenceId: z.string().nullable(),
  counts: CountsSchema,
  canManage: z.boolean(),
});

export const RsvpBodySchema = z.strictObject({
  response: z.enum(['going', 'maybe', 'declined']),
  recurrenceId: RecurrenceIdSchema.optional().describe('Answer for this occurrence only; without it, for the whole series'),
});
const TokenSchema = z.string().min(1).max(2000);
export const RsvpLinkBodySchema = z.strictObject({ token: TokenSchema.describe('The token of the reply link (its ?token=)'), response: z.enum(['going', 'maybe', 'declined']) });
export const TokenQuerySchema = z.strictObject({ token: TokenSchema });
export const RsvpLinkInfoSchema = z.object({
  entryTitle: z.string(), start: z.string(), participantName: z.string(), recurrenceId: z.string().nullable(),
  response: z.enum(RSVP_STATUSES),
});

export const ReportFieldSchema = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,59}$/, 'must be lower_snake_case, like sector'),
  label: z.string().trim().min(1).max(100),
  type: z.enum(REPORT_FIELD_TYPES),
  options: z.array(z.string().trim().min(1).max(100)).max(100).default([]),
  required: z.boolean().default(false),
});
export const ReportFieldsBodySchema = z.strictObject({ fields: z.array(ReportFieldSchema).max(50) });
export const ReportFieldsSchema = z.object({ fields: z.array(ReportFieldSchema) });
export const ExpectedBodySchema = z.strictObject({ recurrenceId: RecurrenceIdSchema.optional(), expected: z.number().int().min(0).max(1_000_000).nullable() });
