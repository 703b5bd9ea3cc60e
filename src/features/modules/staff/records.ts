/**
 * Staff records: a task is one all-day deadline on its due date, a training session one timed entry,
 * an enrollment one entry over its session's time for the enrolled person, leave one all-day span,
 * a performance review one timed meeting.
 */
import { z } from 'zod';
import type { EntryDraft } from '../model.js';
import { allDayDraft, key, timedDraft } from '../projection.js';
import { IdSchema, IsoDateSchema, RecordBaseShape, TimedSpanShape, endNotBeforeStart, endDateNotBeforeStartDate } from '../schema-parts.js';
import { PerformanceReviewDetailsSchema, StaffLeaveDetailsSchema, StaffTaskDetailsSchema, TrainingSessionDetailsSchema } from './kinds.js';

export const StaffTaskRecordSchema = z.strictObject({
  ...RecordBaseShape,
  createdById: IdSchema.nullable().default(null),
  status: z.string().default('not_started'),
  details: StaffTaskDetailsSchema,
});
export type StaffTaskRecord = z.infer<typeof StaffTaskRecordSchema>;

export const TrainingSessionRecordSchema = z.strictObject({
  ...RecordBaseShape,
  ...TimedSpanShape,
  organizerId: IdSchema.nullable().default(null),
  status: z.string().default('planned'),
  details: TrainingSessionDetailsSchema.default(TrainingSessionDetailsSchema.parse({})),
}).refine(...endNotBeforeStart);
export type TrainingSessionRecord = z.infer<typeof TrainingSessionRecordSchema>;

export const TrainingEnrollmentRecordSchema = z.strictObject({
  ...RecordBaseShape,
  ...TimedSpanShape,
  staffId: IdSchema,
  sessionEntryId: IdSchema.optional(),
  approverId: IdSchema.optional(),
  status: z.string().default('requested'),
}).refine(...endNotBeforeStart);
export type TrainingEnrollmentRecord = z.infer<typeof TrainingEnrollmentRecordSchema>;

export const StaffLeaveRecordSchema = z.strictObject({
  ...RecordBaseShape,
  startDate: IsoDateSchema,
  endDate: IsoDateSchema,
  status: z.enum(['pending', 'approved', 'rejected', 'cancelled']).default('pending'),
  details: StaffLeaveDetailsSchema,
}).refine(...endDateNotBeforeStartDate);
export type StaffLeaveRecord = z.infer<typeof StaffLeaveRecordSchema>;

export const PerformanceReviewRecordSchema = z.strictObject({
  ...RecordBaseShape,
  ...TimedSpanShape,
  status: z.string().default('scheduled'),
  details: PerformanceReviewDetailsSchema,
}).refine(...endNotBeforeStart);
export type PerformanceReviewRecord = z.infer<typeof PerformanceReviewRecordSchema>;

export function projectStaffTask(record: StaffTaskRecord): EntryDraft[] {
  return [
    allDayDraft(
      record,
      { projectionKey: key('staff', 'task', record.id), module: 'staff', kind: 'task', title: record.title, status: record.status, organizerId: record.createdById, details: record.details },
      record.details.dueDate,
    ),
  ];
}

export function projectTrainingSession(record: TrainingSessionRecord): EntryDraft[] {
  return [timedDraft(record, { projectionKey: key('staff', 'training', record.id), module: 'staff', kind: 'training_session', title: record.title, status: record.status, organizerId: record.organizerId, details: record.details }, record.start, record.end)];
}

export function projectTrainingEnrollment(record: TrainingEnrollmentRecord): EntryDraft[] {
  const details = { staffId: record.staffId, ...(record.sessionEntryId ? { sessionEntryId: record.sessionEntryId } : {}), ...(record.approverId ? { approverId: record.approverId } : {}) };
  return [
    timedDraft(
      record,
      { projectionKey: key('staff', 'enrollment', record.id), module: 'staff', kind: 'training_enrollment', title: record.title, status: record.status, organizerId: record.staffId, visibility: 'private', details },
      record.start,
      record.end,
    ),
  ];
}

export function projectStaffLeave(record: StaffLeaveRecord): EntryDraft[] {
  return [
    allDayDraft(
      record,
      // Leave reasons are personal: others see the time as busy only.
      { projectionKey: key('staff', 'leave', record.id), module: 'staff', kind: 'leave', title: record.title, status: record.status, organizerId: record.details.staffId, visibility: 'private', details: record.details },
      record.startDate,
      record.endDate,
    ),
  ];
}

export function projectPerformanceReview(record: PerformanceReviewRecord): EntryDraft[] {
  return [
    timedDraft(
      record,
      { projectionKey: key('staff', 'review', record.id), module: 'staff', kind: 'performance_review', title: record.title, status: record.status, organizerId: record.details.reviewerId, visibility: 'private', details: record.details },
      record.start,
      record.end,
    ),
  ];
}
