/**
 * Coordination kinds: events with participants, stakeholder engagements, communication follow-ups
 * and partnership milestones.
 */
import { z } from 'zod';
import { alert, deadlineAlerts } from '../alerts.js';
import { DAY_MS, endOfDateMs } from '../dates.js';
import { defineKind } from '../define-kind.js';
import type { EntryLike, Lifecycle, WorkflowAlert } from '../model.js';
import { IdListSchema, IdSchema, IsoDateSchema } from '../schema-parts.js';

const ACTIVITY_STATUSES = {
  planned: 'planned',
  scheduled: 'scheduled',
  ongoing: 'in_progress',
  completed: 'completed',
  postponed: 'planned',
  cancelled: 'cancelled',
} as const satisfies Record<string, Lifecycle>;

/** Follow-up fields shared by events and engagements: after the activity, someone owes an action. */
const FollowUpShape = {
  followUpRequired: z.boolean().default(false),
  followUpDate: IsoDateSchema.optional(),
  followUpAssigneeId: IdSchema.optional(),
  followUpDone: z.boolean().default(false),
};

export const CoordinationEventDetailsSchema = z.strictObject({
  eventType: z.enum(['meeting', 'workshop', 'consultation', 'field_visit', 'conference', 'other']).default('meeting'),
  participantIds: IdListSchema,
  expectedParticipants: z.int().nonnegative().optional(),
  actualParticipants: z.int().nonnegative().optional(),
  resourceIds: IdListSchema,
  venue: z.string().max(255).optional(),
  ...FollowUpShape,
});
export type CoordinationEventDetails = z.infer<typeof CoordinationEventDetailsSchema>;

export const StakeholderEngagementDetailsSchema = z.strictObject({
  engagementType: z.enum(['consultation', 'dialogue', 'focus_group', 'courtesy_call', 'assembly', 'other']).default('consultation'),
  stakeholderNames: z.array(z.string().min(1).max(255)).max(200).default([]),
  participantIds: IdListSchema,
  facilitatorId: IdSchema.optional(),
  resourceIds: IdListSchema,
  outcome: z.string().max(5000).optional(),
  ...FollowUpShape,
});
export type StakeholderEngagementDetails = z.infer<typeof StakeholderEngagementDetailsSchema>;

export const CommunicationFollowUpDetailsSchema = z.strictObject({
  channel: z.enum(['email', 'letter', 'call', 'meeting', 'sms', 'other']),
  recipient: z.string().min(1).max(255),
  assigneeId: IdSchema.optional(),
  dueDate: IsoDateSchema,
  communicationId: IdSchema.optional(),
  /** The date the item was done: compliance counts it on time when ≤ the due date. */
  completedOn: IsoDateSchema.optional(),
});
export type CommunicationFollowUpDetails = z.infer<typeof CommunicationFollowUpDetailsSchema>;

export const PartnershipMilestoneDetailsSchema = z.strictObject({
  partnershipId: IdSchema,
  partnerName: z.string().min(1).max(255),
  milestoneType: z.enum(['signing', 'deliverable', 'review', 'renewal', 'expiry']),
  ownerId: IdSchema.optional(),
  dueDate: IsoDateSchema,
  /** The date the item was done: compliance counts it on time when ≤ the due date. */
  completedOn: IsoDateSchema.optional(),
});
export type PartnershipMilestoneDetails = z.infer<typeof PartnershipMilestoneDetailsSchema>;

/** After a completed activity whose follow-up is owed: a follow-up alert, overdue past its date. */
function followUpAlerts(entry: EntryLike, d: { followUpRequired: boolean; followUpDone: boolean; followUpDate?: string; followUpAssigneeId?: string }, lifecycle: Lifecycle, nowMs: number, peopleIds: string[]): WorkflowAlert[] {
  if (!d.followUpRequired || d.followUpDone || lifecycle !== 'completed') return [];
  const actors = d.followUpAssigneeId ? [d.followUpAssigneeId] : peopleIds;
  const dueMs = d.followUpDate ? endOfDateMs(d.followUpDate, entry.timeZone) : null;
  if (dueMs !== null && nowMs >= dueMs) return [alert(entry, 'overdue', 'warning', actors, dueMs, `Follow-up of "${entry.title}" is overdue`)];
  return [alert(entry, 'follow_up', 'info', actors, dueMs, `"${entry.title}" needs a follow-up`)];
}

export const coordinationKinds = [
  defineKind<CoordinationEventDetails>({
    module: 'coordination',
    kind: 'event',
    label: 'Coordination event',
    detailsSchema: CoordinationEventDetailsSchema,
    statuses: ACTIVITY_STATUSES,
    defaultStatus: 'scheduled',
    personFields: ['participantIds'],
    resourceFields: ['resourceIds'],
    alerts: (entry, d, c) => followUpAlerts(entry, d, c.lifecycle, c.nowMs, c.peopleIds),
  }),
  defineKind<StakeholderEngagementDetails>({
    module: 'coordination',
    kind: 'stakeholder_engagement',
    label: 'Stakeholder engagement',
    detailsSchema: StakeholderEngagementDetailsSchema,
    statuses: ACTIVITY_STATUSES,
    defaultStatus: 'planned',
    personFields: ['participantIds', 'facilitatorId'],
    resourceFields: ['resourceIds'],
    alerts: (entry, d, c) => followUpAlerts(entry, d, c.lifecycle, c.nowMs, c.peopleIds),
  }),
  defineKind<CommunicationFollowUpDetails>({
    module: 'coordination',
    kind: 'communication_follow_up',
    label: 'Communication follow-up',
    detailsSchema: CommunicationFollowUpDetailsSchema,
    statuses: { pending: 'scheduled', sent: 'in_progress', awaiting_response: 'in_progress', responded: 'completed', closed: 'completed', cancelled: 'cancelled' },
    defaultStatus: 'pending',
    isDeadline: true,
    personFields: ['assigneeId'],
    dueDateField: 'dueDate',
    alerts: (entry, d, c) =>
      deadlineAlerts(entry, c.lifecycle, { dueMs: c.dueMs, actorIds: d.assigneeId ? [d.assigneeId] : c.peopleIds, followUpWithinMs: 3 * DAY_MS, escalateAfterMs: 7 * DAY_MS }, c.nowMs),
  }),
  defineKind<PartnershipMilestoneDetails>({
    module: 'coordination',
    kind: 'partnership_milestone',
    label: 'Partnership milestone',
    detailsSchema: PartnershipMilestoneDetailsSchema,
    statuses: { pending: 'planned', in_progress: 'in_progress', achieved: 'completed', deferred: 'planned', cancelled: 'cancelled' },
    defaultStatus: 'pending',
    isDeadline: true,
    personFields: ['ownerId'],
    dueDateField: 'dueDate',
    alerts: (entry, d, c) =>
      deadlineAlerts(entry, c.lifecycle, { dueMs: c.dueMs, actorIds: d.ownerId ? [d.ownerId] : c.peopleIds, followUpWithinMs: 14 * DAY_MS, escalateAfterMs: 14 * DAY_MS }, c.nowMs),
  }),
];
