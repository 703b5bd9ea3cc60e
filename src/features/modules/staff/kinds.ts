/**
 * Staff kinds: tasks (assignee + due date), training sessions and enrollments, leave (pending →
 * approved/rejected by a manager; approved leave blocks availability) and performance reviews.
 */
import { z } from 'zod';
import { alert, approvalAlerts, deadlineAlerts } from '../alerts.js';
import { DAY_MS } from '../dates.js';
import { defineKind } from '../define-kind.js';
import { IdListSchema, IdSchema, IsoDateSchema, IsoDateTimeSchema } from '../schema-parts.js';

export const StaffTaskDetailsSchema = z.strictObject({
  assigneeId: IdSchema,
  dueDate: IsoDateSchema,
  taskType: z.string().max(100).optional(),
  estimatedHours: z.number().nonnegative().max(10_000).optional(),
  blockedReason: z.string().max(2000).optional(),
  completedOn: IsoDateSchema.optional(),
});
export type StaffTaskDetails = z.infer<typeof StaffTaskDetailsSchema>;

export const TrainingSessionDetailsSchema = z.strictObject({
  trainerId: IdSchema.optional(),
  enrolleeIds: IdListSchema,
  capacity: z.int().positive().optional(),
  resourceIds: IdListSchema,
  venue: z.string().max(255).optional(),
  trainingType: z.enum(['internal', 'external', 'online', 'field']).default('internal'),
});
export type TrainingSessionDetails = z.infer<typeof TrainingSessionDetailsSchema>;

export const TrainingEnrollmentDetailsSchema = z.strictObject({
  staffId: IdSchema,
  sessionEntryId: IdSchema.optional(),
  approverId: IdSchema.optional(),
});
export type TrainingEnrollmentDetails = z.infer<typeof TrainingEnrollmentDetailsSchema>;

export const LEAVE_TYPES = ['vacation', 'sick', 'emergency', 'official'] as const;

export const StaffLeaveDetailsSchema = z.strictObject({
  staffId: IdSchema,
  leaveType: z.enum(LEAVE_TYPES),
  /** The manager expected to decide; anyone with the manager role may when unset. */
  approverId: IdSchema.optional(),
  decidedById: IdSchema.optional(),
  decidedAt: IsoDateTimeSchema.optional(),
  reason: z.string().max(2000).optional(),
  notes: z.string().max(2000).optional(),
});
export type StaffLeaveDetails = z.infer<typeof StaffLeaveDetailsSchema>;

export const PerformanceReviewDetailsSchema = z.strictObject({
  revieweeId: IdSchema,
  reviewerId: IdSchema,
  period: z.string().min(1).max(40),
  reviewType: z.enum(['probationary', 'mid_year', 'annual']),
  approverIds: IdListSchema,
});
export type PerformanceReviewDetails = z.infer<typeof PerformanceReviewDetailsSchema>;

export const staffKinds = [
  defineKind<StaffTaskDetails>({
    module: 'staff',
    kind: 'task',
    label: 'Staff task',
    detailsSchema: StaffTaskDetailsSchema,
    statuses: { not_started: 'planned', in_progress: 'in_progress', blocked: 'in_progress', completed: 'completed', cancelled: 'cancelled' },
    defaultStatus: 'not_started',
    isDeadline: true,
    personFields: ['assigneeId'],
    dueDateField: 'dueDate',
    alerts: (entry, d, c) => {
      const alerts = deadlineAlerts(entry, c.lifecycle, { dueMs: c.dueMs, actorIds: [d.assigneeId], followUpWithinMs: 2 * DAY_MS, escalateAfterMs: 3 * DAY_MS }, c.nowMs);
      if (entry.status === 'blocked' && !alerts.some((a) => a.type === 'escalation')) {
        const owner = entry.organizerId && entry.organizerId !== d.assigneeId ? [entry.organizerId] : [d.assigneeId];
        alerts.push(alert(entry, 'escalation', 'warning', owner, c.dueMs, `"${entry.title}" is blocked${d.blockedReason ? `: ${d.blockedReason}` : ''}`));
      }
      return alerts;
    },
  }),
  defineKind<TrainingSessionDetails>({
    module: 'staff',
    kind: 'training_session',
    label: 'Training session',
    detailsSchema: TrainingSessionDetailsSchema,
    statuses: { planned: 'planned', open: 'scheduled', full: 'scheduled', ongoing: 'in_progress', completed: 'completed', postponed: 'planned', cancelled: 'cancelled' },
    defaultStatus: 'planned',
    personFields: ['trainerId', 'enrolleeIds'],
    resourceFields: ['resourceIds'],
  }),
  defineKind<TrainingEnrollmentDetails>({
    module: 'staff',
    kind: 'training_enrollment',
    label: 'Training enrollment',
    detailsSchema: TrainingEnrollmentDetailsSchema,
    statuses: { requested: 'pending_approval', enrolled: 'scheduled', attended: 'completed', no_show: 'cancelled', withdrawn: 'cancelled', rejected: 'rejected' },
    defaultStatus: 'requested',
    personFields: ['staffId'],
    alerts: (entry, d, c) => approvalAlerts(entry, c.lifecycle, d.approverId ? [d.approverId] : [], entry.startMs, c.nowMs),
  }),
  defineKind<StaffLeaveDetails>({
    module: 'staff',
    kind: 'leave',
    label: 'Leave',
    detailsSchema: StaffLeaveDetailsSchema,
    statuses: { pending: 'pending_approval', approved: 'scheduled', rejected: 'rejected', cancelled: 'cancelled' },
    defaultStatus: 'pending',
    isLeave: true,
    personFields: ['staffId'],
    alerts: (entry, d, c) => {
      if (c.lifecycle !== 'pending_approval') return [];
      const approvers = d.approverId ? [d.approverId] : [];
      const alerts = approvalAlerts(entry, c.lifecycle, approvers, entry.startMs, c.nowMs);
      // A request still undecided two days before it starts leaves the team no time to cover.
      if (c.nowMs < entry.startMs && entry.startMs - c.nowMs <= 2 * DAY_MS) {
        alerts.push(alert(entry, 'escalation', 'warning', approvers, entry.startMs, `Leave "${entry.title}" starts soon and is not yet decided`));
      }
      return alerts;
    },
  }),
  defineKind<PerformanceReviewDetails>({
    module: 'staff',
    kind: 'performance_review',
    label: 'Performance review',
    detailsSchema: PerformanceReviewDetailsSchema,
    statuses: { scheduled: 'scheduled', in_progress: 'in_progress', submitted: 'pending_approval', completed: 'completed', cancelled: 'cancelled' },
    defaultStatus: 'scheduled',
    personFields: ['revieweeId', 'reviewerId'],
    alerts: (entry, d, c) => [
      ...approvalAlerts(entry, c.lifecycle, d.approverIds, null, c.nowMs),
      ...(c.lifecycle === 'pending_approval' ? [] : deadlineAlerts(entry, c.lifecycle, { dueMs: entry.endMs, actorIds: [d.reviewerId], escalateAfterMs: 14 * DAY_MS }, c.nowMs)),
    ],
  }),
];
