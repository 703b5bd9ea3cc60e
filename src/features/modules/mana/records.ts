/**
 * MANA records: an assessment projects one entry per milestone date it has (up to four), a baseline
 * data collection one all-day span, a need one follow-up deadline when it has a follow-up date.
 */
import { z } from 'zod';
import type { EntryDraft } from '../model.js';
import { allDayDraft, key } from '../projection.js';
import { IdListSchema, IdSchema, IsoDateSchema, RecordBaseShape, endDateNotBeforeStartDate } from '../schema-parts.js';
import { ASSESSMENT_MILESTONES, BaselineDataCollectionDetailsSchema, NeedFollowUpDetailsSchema } from './kinds.js';

export const AssessmentRecordSchema = z.strictObject({
  ...RecordBaseShape,
  leadFacilitatorId: IdSchema.optional(),
  teamMemberIds: IdListSchema,
  planningCompletionDate: IsoDateSchema.nullable().default(null),
  dataCollectionEndDate: IsoDateSchema.nullable().default(null),
  analysisCompletionDate: IsoDateSchema.nullable().default(null),
  reportDueDate: IsoDateSchema.nullable().default(null),
  /** Status per milestone (pending, in_progress, delayed, completed, cancelled). */
  milestoneStatus: z.partialRecord(z.enum(ASSESSMENT_MILESTONES), z.string()).default({}),
});
export type AssessmentRecord = z.infer<typeof AssessmentRecordSchema>;

export const BaselineDataCollectionRecordSchema = z.strictObject({
  ...RecordBaseShape,
  startDate: IsoDateSchema,
  endDate: IsoDateSchema,
  organizerId: IdSchema.nullable().default(null),
  status: z.string().default('planned'),
  details: BaselineDataCollectionDetailsSchema.default(BaselineDataCollectionDetailsSchema.parse({})),
}).refine(...endDateNotBeforeStartDate);
export type BaselineDataCollectionRecord = z.infer<typeof BaselineDataCollectionRecordSchema>;

export const NeedRecordSchema = z.strictObject({
  ...RecordBaseShape,
  category: z.string().max(100).optional(),
  needStatus: NeedFollowUpDetailsSchema.shape.needStatus,
  assigneeId: IdSchema.optional(),
  followUpDate: IsoDateSchema.nullable().default(null),
  followUpStatus: z.string().default('open'),
});
export type NeedRecord = z.infer<typeof NeedRecordSchema>;

const MILESTONE_SOURCES = [
  ['planning', 'planningCompletionDate', 'Planning phase complete'],
  ['data_collection_end', 'dataCollectionEndDate', 'Data collection end'],
  ['analysis', 'analysisCompletionDate', 'Analysis complete'],
  ['report_due', 'reportDueDate', 'Report due'],
] as const;

export function projectAssessment(record: AssessmentRecord): EntryDraft[] {
  const drafts: EntryDraft[] = [];
  for (const [milestone, field, label] of MILESTONE_SOURCES) {
    const date = record[field];
    if (!date) continue;
    drafts.push(
      allDayDraft(
        record,
        {
          projectionKey: key('mana', 'assessment', record.id, milestone),
          module: 'mana',
          kind: 'assessment_milestone',
          title: `${record.title}: ${label}`,
          status: record.milestoneStatus[milestone] ?? 'pending',
          organizerId: record.leadFacilitatorId ?? null,
          details: { assessmentId: record.id, milestone, teamMemberIds: record.teamMemberIds, ...(record.leadFacilitatorId ? { leadFacilitatorId: record.leadFacilitatorId } : {}) },
        },
        date,
      ),
    );
  }
  return drafts;
}

export function projectBaselineDataCollection(record: BaselineDataCollectionRecord): EntryDraft[] {
  return [
    allDayDraft(
      record,
      { projectionKey: key('mana', 'baseline', record.id), module: 'mana', kind: 'baseline_data_collection', title: record.title, status: record.status, organizerId: record.organizerId, details: record.details },
      record.startDate,
      record.endDate,
    ),
  ];
}

export function projectNeed(record: NeedRecord): EntryDraft[] {
  if (!record.followUpDate || record.needStatus === 'addressed') return [];
  return [
    allDayDraft(
      record,
      {
        projectionKey: key('mana', 'need', record.id),
        module: 'mana',
        kind: 'need_follow_up',
        title: `Follow up need: ${record.title}`,
        status: record.followUpStatus,
        organizerId: record.assigneeId ?? null,
        details: { needId: record.id, needStatus: record.needStatus, dueDate: record.followUpDate, ...(record.category ? { needCategory: record.category } : {}), ...(record.assigneeId ? { assigneeId: record.assigneeId } : {}) },
      },
      record.followUpDate,
    ),
  ];
}
