import { z } from 'zod';
import { ATTENDANCE_STATUSES } from '../../db/schema/attendance.js';

/**
 * The batch check-in API (docs/attendance.md, "Batch check-in"). Scans are loosely typed on purpose:
 * a scan with a bad field is refused on its own (status "refused", reason "invalid"), it does not
 * make the batch fail. Only what identifies a scan (its idempotency key) is checked up front.
 */
export const ScanSchema = z.object({
  idempotencyKey: z.string().min(8, 'must be at least 8 characters (a UUID made on the device)').max(200),
  clientTime: z.string().max(40),
  entryId: z.string().max(40).optional(),
  recurrenceId: z.string().max(40).optional(),
  action: z.string().max(20).optional(),
  method: z.string().max(10).optional(),
  ticket: z.string().max(1000).optional(),
  eventCode: z.string().max(1000).optional(),
  participantId: z.string().max(40).optional(),
});

const DeviceTimeSchema = z.iso.datetime({ offset: true, message: 'must be an ISO-8601 date-time with offset' }).optional()
  .describe("the device's clock when it sends (not when it scanned): more than 10 minutes off the server's, and every scan's time is corrected by the difference and flagged");

export const CheckInBatchSchema = z.strictObject({
  deviceId: z.string().trim().min(1).max(100).optional(),
  deviceTime: DeviceTimeSchema,
  scans: z.array(ScanSchema).min(1, 'must hold at least one scan').max(2000, 'must hold at most 2000 scans (send the rest in another batch)'),
});

export const ScanResultSchema = z.object({
  index: z.number().int(),
  idempotencyKey: z.string(),
  status: z.enum(['applied', 'duplicate', 'refused']),
  resent: z.boolean(),
  reason: z.string().nullable(),
  message: z.string(),
  entryId: z.string().nullable(),
  recurrenceId: z.string().nullable(),
  participantId: z.string().nullable(),
  attendance: z.object({ status: z.string(), checkedInAt: z.string().nullable(), checkedOutAt: z.string().nullable(), method: z.string() }).nullable(),
  /** The sending device's clock was off by this many seconds (ahead > 0): the scan's time was corrected by it. */
  clockSkewSeconds: z.number().int().nullable(),
});

export const CheckInBatchResultSchema = z.object({
  results: z.array(ScanResultSchema),
  summary: z.object({ received: z.number().int(), applied: z.number().int(), duplicates: z.number().int(), resent: z.number().int(), refused: z.number().int() }),
});

export const SelfCheckInSchema = z.strictObject({
  eventCode: z.string().min(1).max(1000),
  idempotencyKey: z.string().min(8).max(200).optional(),
  clientTime: z.iso.datetime({ offset: true }).optional(),
  deviceTime: DeviceTimeSchema,
});

export const MarkAttendanceSchema = z.strictObject({
  recurrenceId: z.string().max(40).optional(),
  status: z.enum(['not_checked_in', ...ATTENDANCE_STATUSES]),
  checkedInAt: z.iso.datetime({ offset: true }).nullable().optional(),
  checkedOutAt: z.iso.datetime({ offset: true }).nullable().optional(),
});

export const IssuedCodeSchema = z.object({ code: z.string(), expiresAt: z.string(), recurrenceId: z.string().nullable() });
export const CodeQuerySchema = z.strictObject({ recurrenceId: z.string().max(40).optional(), format: z.enum(['json', 'png']).default('json') });
export const SheetQuerySchema = z.strictObject({ recurrenceId: z.string().max(40).optional(), format: z.enum(['html', 'pdf']).default('html') });
