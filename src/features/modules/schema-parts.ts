/** Zod building blocks shared by the details and record schemas of every module. */
import { z } from 'zod';
import { PRIORITIES } from './model.js';

export const IdSchema = z.string().min(1).max(200);
export const IdListSchema = z.array(IdSchema).max(500).default([]);
/** A calendar date, YYYY-MM-DD. */
export const IsoDateSchema = z.iso.date();
/** An instant with its offset, e.g. 2026-03-20T09:00:00+08:00. */
export const IsoDateTimeSchema = z.iso.datetime({ offset: true });
export const TimeZoneSchema = z.string().min(1).default('Asia/Manila');
export const PrioritySchema = z.enum(PRIORITIES).default('normal');

/** Fields every module record has; the projection copies them onto each draft. */
export const RecordBaseShape = {
  id: IdSchema,
  title: z.string().min(1).max(255),
  description: z.string().max(10_000).nullable().default(null),
  timeZone: TimeZoneSchema,
  priority: PrioritySchema,
  communityId: IdSchema.nullable().default(null),
  location: z.string().max(255).nullable().default(null),
};

/** A timed span: start and end instants with offsets; the end must not precede the start. */
export const TimedSpanShape = {
  start: IsoDateTimeSchema,
  end: IsoDateTimeSchema,
};

/** Refinement for records with a timed span: the end may equal the start, never precede it. */
export const endNotBeforeStart: [(r: { start: string; end: string }) => boolean, { message: string; path: string[] }] = [
  (r) => Date.parse(r.end) >= Date.parse(r.start),
  { message: 'end must not be before start', path: ['end'] },
];

/** Refinement for records with a date span: the last date may not precede the first. */
export const endDateNotBeforeStartDate: [(r: { startDate: string; endDate: string | null }) => boolean, { message: string; path: string[] }] = [
  (r) => r.endDate === null || r.endDate >= r.startDate,
  { message: 'endDate must not be before startDate', path: ['endDate'] },
];
