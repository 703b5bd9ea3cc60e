/**
 * MANA (needs assessment) kinds: the four assessment milestones, baseline data collection in the
 * field, and follow-ups of identified needs.
 */
import { z } from 'zod';
import { alert, deadlineAlerts } from '../alerts.js';
import { DAY_MS } from '../dates.js';
import { defineKind } from '../define-kind.js';
import { IdListSchema, IdSchema, IsoDateSchema } from '../schema-parts.js';

export const ASSESSMENT_MILESTONES = ['planning', 'data_collection_end', 'analysis', 'report_due'] as const;

export const AssessmentMilestoneDetailsSchema = z.strictObject({
  assessmentId: IdSchema,
  milestone: z.enum(ASSESSMENT_MILESTONES),
  leadFacilitatorId: IdSchema.optional(),
  teamMemberIds: IdListSchema,
  completedOn: IsoDateSchema.optional(),
});
export type AssessmentMilestoneDetails = z.infer<typeof AssessmentMilestoneDetailsSchema>;

export const BaselineDataCollectionDetailsSchema = z.strictObject({
  studyId: IdSchema.optional(),
  coordinatorId: IdSchema.optional(),
  enumeratorIds: IdListSchema,
  communityIds: IdListSchema,
  resourceIds: IdListSchema,
  targetRespondents: z.int().nonnegative().optional(),
  collectedRespondents: z.int().nonnegative().optional(),
});
export type BaselineDataCollectionDetails = z.infer<typeof BaselineDataCollectionDetailsSchema>;

export const NeedFollowUpDetailsSchema = z.strictObject({
  needId: IdSchema,
  needCategory: z.string().max(100).optional(),
  needStatus: z.enum(['identified', 'validated', 'in_progress', 'addressed']),
  assigneeId: IdSchema.optional(),
  dueDate: IsoDateSchema,
  /** The date the item was done: compliance counts it on time when ≤ the due date. */
  completedOn: IsoDateSchema.optional(),
});
export type NeedFollowUpDetails = z.infer<typeof NeedFollowUpDetailsSchema>;

export const manaKinds = [
  defineKind<AssessmentMilestoneDetails>({
    module: 'mana',
    kind: 'assessment_milestone',
    label: 'Assessment milestone',
    detailsSchema: AssessmentMilestoneDetailsSchema,
    statuses: { pending: 'planned', in_progress: 'in_progress', delayed: 'in_progress', completed: 'completed', cancelled: 'cancelled' },
    defaultStatus: 'pending',
    isDeadline: true,
    personFields: ['leadFacilitatorId', 'teamMemberIds'],
    alerts: (entry, d, c) =>
      deadlineAlerts(
        entry,
        c.lifecycle,
        // A late report is what funders and the region notice: it escalates sooner.
        { dueMs: c.dueMs, actorIds: d.leadFacilitatorId ? [d.leadFacilitatorId] : c.peopleIds, followUpWithinMs: 7 * DAY_MS, escalateAfterMs: (d.milestone === 'report_due' ? 3 : 14) * DAY_MS },
        c.nowMs,
      ),
  }),
  defineKind<BaselineDataCollectionDetails>({
    module: 'mana',
    kind: 'baseline_data_collection',
    label: 'Baseline data collection',
    detailsSchema: BaselineDataCollectionDetailsSchema,
    statuses: { planned: 'planned', scheduled: 'scheduled', ongoing: 'in_progress', completed: 'completed', postponed: 'planned', cancelled: 'cancelled' },
    defaultStatus: 'planned',
    personFields: ['coordinatorId', 'enumeratorIds'],
    resourceFields: ['resourceIds'],
    alerts: (entry, d, c) =>
      // Fieldwork that should have ended but is not closed needs its coordinator's attention.
      deadlineAlerts(entry, c.lifecycle, { dueMs: entry.endMs, actorIds: d.coordinatorId ? [d.coordinatorId] : c.peopleIds, escalateAfterMs: 7 * DAY_MS }, c.nowMs),
  }),
  defineKind<NeedFollowUpDetails>({
    module: 'mana',
    kind: 'need_follow_up',
    label: 'Need follow-up',
    detailsSchema: NeedFollowUpDetailsSchema,
    statuses: { open: 'scheduled', in_progress: 'in_progress', resolved: 'completed', closed: 'completed', cancelled: 'cancelled' },
    defaultStatus: 'open',
    isDeadline: true,
    personFields: ['assigneeId'],
    dueDateField: 'dueDate',
    alerts: (entry, d, c) => {
      const actors = d.assigneeId ? [d.assigneeId] : c.peopleIds;
      const alerts = deadlineAlerts(entry, c.lifecycle, { dueMs: c.dueMs, actorIds: actors, followUpWithinMs: 3 * DAY_MS, escalateAfterMs: 14 * DAY_MS }, c.nowMs);
      // The plan: a need being worked on keeps raising follow-up reminders until it is addressed.
      const isOpen = c.lifecycle !== 'completed' && c.lifecycle !== 'cancelled';
      if (isOpen && d.needStatus === 'in_progress' && !alerts.some((a) => a.type !== 'escalation')) {
        alerts.push(alert(entry, 'follow_up', 'info', actors, c.dueMs, `Need "${entry.title}" is in progress: follow up`));
      }
      return alerts;
    },
  }),
];
