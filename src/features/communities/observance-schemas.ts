import { z } from 'zod';
import { VISIBILITIES } from '../../db/schema/entries.js';
import { TimeZoneSchema } from '../auth/schemas.js';

const Day = z.iso.date('must be a date (YYYY-MM-DD)');

export const ObservanceCreateSchema = z.strictObject({
  title: z.string().trim().min(1, 'is required').max(500),
  /** First day; the observance is all-day. */
  date: Day,
  /** Exclusive end date; default the day after `date`. */
  endDate: Day.optional(),
  description: z.string().max(10_000).nullable().optional(),
  /** FREQ=YEARLY for a fixed date, RSCALE=ISLAMIC-CIVIL;FREQ=YEARLY;BYMONTH=..;BYMONTHDAY=.. for a Hijri one. */
  rrule: z.string().trim().max(500).nullable().optional(),
  exdate: z.array(Day).max(200).default([]),
  timeZone: TimeZoneSchema.default('Asia/Manila'),
  visibility: z.enum(VISIBILITIES).default('public'),
  observanceType: z.enum(['national_holiday', 'islamic', 'cultural', 'religious', 'other']).default('cultural'),
  holidayType: z.enum(['public', 'observance', 'optional']).default('observance'),
  hijri: z.strictObject({ year: z.int().min(1).max(2000), month: z.int().min(1).max(12), day: z.int().min(1).max(30) }).optional(),
});
export type ObservanceCreate = z.infer<typeof ObservanceCreateSchema>;

export const ObservanceWindowSchema = z.strictObject({
  start: z.iso.date('must be a date (YYYY-MM-DD)'),
  end: z.iso.date('must be a date (YYYY-MM-DD)'),
});
