/**
 * Planning and monitoring kinds: monitoring milestones (start / milestone / end), workflow stage
 * deadlines with approvers, budget hearings and quarterly reporting deadlines.
 */
import { z } from 'zod';
import { alert, approvalAlerts, deadlineAlerts } from '../alerts.js';
import { DAY_MS } from '../dates.js';
import { defineKind } from '../define-kind.js';
import { IdListSchema, IdSchema, IsoDateSchema } from '../schema-parts.js';

export const MonitoringMilestoneDetailsSchema = z.strictObject({
  monitoringEntryId: IdSchema,
  milestone: z.enum(['start', 'milestone', 'end']),
  milestoneIndex: z.int().nonnegative().optional(),
  ownerId: IdSchema.optional(),
  progressPercent: z.number().min(0).max(100).optional(),
  /** The date the item was done: compliance counts it on time when ≤ the due date. */
  completedOn: IsoDateSchema.optional(),
});
export type MonitoringMilestoneDetails = z.infer<typeof MonitoringMilestoneDetailsSchema>;

export const WorkflowStageDeadlineDetailsSchema = z.strictObject({
  monitoringEntryId: IdSchema,
  stage: z.string().min(1).max(100),
  stageOrder: z.int().nonnegative(),
  assigneeId: IdSchema.optional(),
  approverIds: IdListSchema,
  /** The date the item was done: compliance counts it on time when ≤ the due date. */
  completedOn: IsoDateSchema.optional(),
});
export type WorkflowStageDeadlineDetails = z.infer<typeof WorkflowStageDeadlineDetailsSchema>;

export const BudgetHearingDetailsSchema = z.strictObject({
  monitoringEntryId: IdSchema.optional(),
  fiscalYear: z.int().min(2000).max(2200),
  agency: z.string().max(255).optional(),
  participantIds: IdListSchema,
  resourceIds: IdListSchema,
  venue: z.string().max(255).optional(),
});
export type BudgetHearingDetails = z.infer<typeof BudgetHearingDetailsSchema>;

export const QuarterlyReportDeadlineDetailsSchema = z.strictObject({
  monitoringEntryId: IdSchema.optional(),
  fiscalYear: z.int().min(2000).max(2200),
  quarter: z.int().min(1).max(4),
  ownerId: IdSchema.optional(),
  approverIds: IdListSchema,
  /** The date the item was done: compliance counts it on time when ≤ the due date. */
  completedOn: IsoDateSchema.optional(),
});
export type QuarterlyReportDeadlineDetails = z.infer<typeof QuarterlyReportDeadlineDetailsSchema>;

export const planningKinds = [
  defineKind<MonitoringMilestoneDetails>({
    module: 'planning',
    kind: 'monitoring_milestone',
    label: 'Monitoring milestone',
    detailsSchema: MonitoringMilestoneDetailsSchema,
    statuses: { not_started: 'planned', on_track: 'in_progress', at_risk: 'in_progress', delayed: 'in_progress', completed: 'completed', cancelled: 'cancelled' },
    defaultStatus: 'not_started',
    isDeadline: true,
    personFields: ['ownerId'],
    alerts: (entry, d, c) => {
      const actors = d.ownerId ? [d.ownerId] : c.peopleIds;
      const alerts = deadlineAlerts(entry, c.lifecycle, { dueMs: c.dueMs, actorIds: actors, followUpWithinMs: 7 * DAY_MS, escalateAfterMs: 7 * DAY_MS }, c.nowMs);
      if ((entry.status === 'at_risk' || entry.status === 'delayed') && !alerts.some((a) => a.type === 'escalation')) {
        alerts.push(alert(entry, 'escalation', entry.status === 'delayed' ? 'critical' : 'warning', actors, c.dueMs, `"${entry.title}" is ${entry.status === 'delayed' ? 'delayed' : 'at risk'}`));
      }
      return alerts;
    },
  }),
  defineKind<WorkflowStageDeadlineDetails>({
    module: 'planning',
    kind: 'workflow_stage_deadline',
    label: 'Workflow stage deadline',
    detailsSchema: WorkflowStageDeadlineDetailsSchema,
    statuses: { pending: 'scheduled', in_progress: 'in_progress', in_review: 'pending_approval', approved: 'completed', returned: 'in_progress', rejected: 'rejected', skipped: 'cancelled' },
    defaultStatus: 'pending',
    isDeadline: true,
    personFields: ['assigneeId'],
    alerts: (entry, d, c) => [
      ...approvalAlerts(entry, c.lifecycle, d.approverIds, c.dueMs, c.nowMs),
      ...(c.lifecycle === 'pending_approval'
        ? []
        : deadlineAlerts(entry, c.lifecycle, { dueMs: c.dueMs, actorIds: d.assigneeId ? [d.assigneeId] : c.peopleIds, followUpWithinMs: 3 * DAY_MS, escalateAfterMs: 3 * DAY_MS }, c.nowMs)),
    ],
  }),
  defineKind<BudgetHearingDetails>({
    module: 'planning',
    kind: 'budget_hearing',
    label: 'Budget hearing',
    detailsSchema: BudgetHearingDetailsSchema,
    statuses: { scheduled: 'scheduled', ongoing: 'in_progress', completed: 'completed', postponed: 'planned', cancelled: 'cancelled' },
    defaultStatus: 'scheduled',
    personFields: ['participantIds'],
    resourceFields: ['resourceIds'],
  }),
  defineKind<QuarterlyReportDeadlineDetails>({
    module: 'planning',
    kind: 'quarterly_report_deadline',
    label: 'Quarterly reporting deadline',
    detailsSchema: QuarterlyReportDeadlineDetailsSchema,
    statuses: { pending: 'scheduled', drafting: 'in_progress', submitted: 'pending_approval', accepted: 'completed', returned: 'in_progress', cancelled: 'cancelled' },
    defaultStatus: 'pending',
    isDeadline: true,
    personFields: ['ownerId'],
    alerts: (entry, d, c) => [
      // Once submitted the report is on time; what remains is the reviewers' decision.
      ...approvalAlerts(entry, c.lifecycle, d.approverIds, null, c.nowMs),
      ...(c.lifecycle === 'pending_approval'
        ? []
        : deadlineAlerts(entry, c.lifecycle, { dueMs: c.dueMs, actorIds: d.ownerId ? [d.ownerId] : c.peopleIds, followUpWithinMs: 14 * DAY_MS, escalateAfterMs: 5 * DAY_MS }, c.nowMs)),
    ],
  }),
];
