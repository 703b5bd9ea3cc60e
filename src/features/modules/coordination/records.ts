/**
 * Coordination records and how they project onto entries: an event or engagement is one timed
 * entry; a communication is one follow-up deadline; a partnership is one entry per milestone.
 */
import { z } from 'zod';
import type { EntryDraft } from '../model.js';
import { allDayDraft, key, timedDraft } from '../projection.js';
import { IdSchema, IsoDateSchema, RecordBaseShape, TimedSpanShape, endNotBeforeStart } from '../schema-parts.js';
import { CommunicationFollowUpDetailsSchema, CoordinationEventDetailsSchema, PartnershipMilestoneDetailsSchema, StakeholderEngagementDetailsSchema } from './kinds.js';

export const CoordinationEventRecordSchema = z.strictObject({
  ...RecordBaseShape,
  ...TimedSpanShape,
  organizerId: IdSchema.nullable().default(null),
  status: z.string().default('scheduled'),
  details: CoordinationEventDetailsSchema.default(CoordinationEventDetailsSchema.parse({})),
}).refine(...endNotBeforeStart);
export type CoordinationEventRecord = z.infer<typeof CoordinationEventRecordSchema>;

export const StakeholderEngagementRecordSchema = z.strictObject({
  ...RecordBaseShape,
  ...TimedSpanShape,
  organizerId: IdSchema.nullable().default(null),
  status: z.string().default('planned'),
  details: StakeholderEngagementDetailsSchema.default(StakeholderEngagementDetailsSchema.parse({})),
}).refine(...endNotBeforeStart);
export type StakeholderEngagementRecord = z.infer<typeof StakeholderEngagementRecordSchema>;

export const CommunicationRecordSchema = z.strictObject({
  ...RecordBaseShape,
  status: z.string().default('pending'),
  details: CommunicationFollowUpDetailsSchema,
});
export type CommunicationRecord = z.infer<typeof CommunicationRecordSchema>;

export const PartnershipRecordSchema = z.strictObject({
  ...RecordBaseShape,
  partnerName: z.string().min(1).max(255),
  ownerId: IdSchema.optional(),
  milestones: z
    .array(
      z.strictObject({
        id: IdSchema,
        label: z.string().min(1).max(255),
        milestoneType: PartnershipMilestoneDetailsSchema.shape.milestoneType,
        dueDate: IsoDateSchema,
        status: z.string().default('pending'),
      }),
    )
    .max(200),
});
export type PartnershipRecord = z.infer<typeof PartnershipRecordSchema>;

export function projectCoordinationEvent(record: CoordinationEventRecord): EntryDraft[] {
  return [timedDraft(record, { projectionKey: key('coordination', 'event', record.id), module: 'coordination', kind: 'event', title: record.title, status: record.status, organizerId: record.organizerId, details: record.details }, record.start, record.end)];
}

export function projectStakeholderEngagement(record: StakeholderEngagementRecord): EntryDraft[] {
  return [
    timedDraft(
      record,
      { projectionKey: key('coordination', 'engagement', record.id), module: 'coordination', kind: 'stakeholder_engagement', title: record.title, status: record.status, organizerId: record.organizerId, details: record.details },
      record.start,
      record.end,
    ),
  ];
}

export function projectCommunication(record: CommunicationRecord): EntryDraft[] {
  return [
    allDayDraft(
      record,
      { projectionKey: key('coordination', 'communication', record.id), module: 'coordination', kind: 'communication_follow_up', title: `Follow up: ${record.title}`, status: record.status, organizerId: record.details.assigneeId ?? null, details: { ...record.details, communicationId: record.id } },
      record.details.dueDate,
    ),
  ];
}

export function projectPartnership(record: PartnershipRecord): EntryDraft[] {
  return record.milestones.map((m) =>
    allDayDraft(
      record,
      {
        projectionKey: key('coordination', 'partnership', record.id, m.id),
        module: 'coordination',
        kind: 'partnership_milestone',
        title: `${record.partnerName}: ${m.label}`,
        status: m.status,
        organizerId: record.ownerId ?? null,
        details: { partnershipId: record.id, partnerName: record.partnerName, milestoneType: m.milestoneType, dueDate: m.dueDate, ...(record.ownerId ? { ownerId: record.ownerId } : {}) },
      },
      m.dueDate,
    ),
  );
}
