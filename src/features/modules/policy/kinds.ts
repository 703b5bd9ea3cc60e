/** Policy kinds: recommendation deadlines (with approvers), consultations and review meetings. */
import { z } from 'zod';
import { approvalAlerts, deadlineAlerts } from '../alerts.js';
import { DAY_MS } from '../dates.js';
import { defineKind } from '../define-kind.js';
import { IdListSchema, IdSchema, IsoDateSchema } from '../schema-parts.js';

export const RECOMMENDATION_DEADLINES = ['submission', 'review', 'approval', 'implementation'] as const;

export const RecommendationDeadlineDetailsSchema = z.strictObject({
  recommendationId: IdSchema,
  deadlineType: z.enum(RECOMMENDATION_DEADLINES),
  ownerId: IdSchema.optional(),
  approverIds: IdListSchema,
  /** The date the item was done: compliance counts it on time when ≤ the due date. */
  completedOn: IsoDateSchema.optional(),
});
export type RecommendationDeadlineDetails = z.infer<typeof RecommendationDeadlineDetailsSchema>;

export const PolicyConsultationDetailsSchema = z.strictObject({
  recommendationId: IdSchema.optional(),
  consultationType: z.enum(['public_hearing', 'focus_group', 'technical', 'written']).default('public_hearing'),
  stakeholderNames: z.array(z.string().min(1).max(255)).max(200).default([]),
  participantIds: IdListSchema,
  resourceIds: IdListSchema,
  venue: z.string().max(255).optional(),
});
export type PolicyConsultationDetails = z.infer<typeof PolicyConsultationDetailsSchema>;

export const PolicyReviewMeetingDetailsSchema = z.strictObject({
  recommendationId: IdSchema.optional(),
  chairId: IdSchema.optional(),
  participantIds: IdListSchema,
  resourceIds: IdListSchema,
  decision: z.enum(['approve', 'revise', 'reject']).optional(),
});
export type PolicyReviewMeetingDetails = z.infer<typeof PolicyReviewMeetingDetailsSchema>;

const MEETING_STATUSES = { planned: 'planned', scheduled: 'scheduled', ongoing: 'in_progress', completed: 'completed', postponed: 'planned', cancelled: 'cancelled' } as const;

export const policyKinds = [
  defineKind<RecommendationDeadlineDetails>({
    module: 'policy',
    kind: 'recommendation_deadline',
    label: 'Policy recommendation deadline',
    detailsSchema: RecommendationDeadlineDetailsSchema,
    statuses: { draft: 'planned', in_progress: 'in_progress', under_review: 'pending_approval', approved: 'completed', implemented: 'completed', rejected: 'rejected', withdrawn: 'cancelled' },
    defaultStatus: 'draft',
    isDeadline: true,
    personFields: ['ownerId'],
    alerts: (entry, d, c) => [
      ...approvalAlerts(entry, c.lifecycle, d.approverIds, c.dueMs, c.nowMs),
      ...(c.lifecycle === 'pending_approval'
        ? []
        : deadlineAlerts(entry, c.lifecycle, { dueMs: c.dueMs, actorIds: d.ownerId ? [d.ownerId] : c.peopleIds, followUpWithinMs: 7 * DAY_MS, escalateAfterMs: 7 * DAY_MS }, c.nowMs)),
    ],
  }),
  defineKind<PolicyConsultationDetails>({
    module: 'policy',
    kind: 'consultation',
    label: 'Policy consultation',
    detailsSchema: PolicyConsultationDetailsSchema,
    statuses: MEETING_STATUSES,
    defaultStatus: 'planned',
    personFields: ['participantIds'],
    resourceFields: ['resourceIds'],
  }),
  defineKind<PolicyReviewMeetingDetails>({
    module: 'policy',
    kind: 'review_meeting',
    label: 'Policy review meeting',
    detailsSchema: PolicyReviewMeetingDetailsSchema,
    statuses: MEETING_STATUSES,
    defaultStatus: 'scheduled',
    personFields: ['chairId', 'participantIds'],
    resourceFields: ['resourceIds'],
    alerts: (entry, d, c) =>
      // A review that took place without a recorded decision leaves the recommendation stuck.
      c.lifecycle === 'completed' && !d.decision && c.nowMs >= entry.endMs
        ? [{ type: 'follow_up', entryId: entry.id, module: entry.module, kind: entry.kind, title: entry.title, actorIds: d.chairId ? [d.chairId] : c.peopleIds, dueMs: entry.endMs, severity: 'info', message: `Record the decision of "${entry.title}"` }]
        : [],
  }),
];
