/**
 * Policy records: a recommendation projects one all-day entry per deadline it has, plus one timed
 * entry per consultation and per review meeting held about it.
 */
import { z } from 'zod';
import type { EntryDraft } from '../model.js';
import { allDayDraft, key, timedDraft } from '../projection.js';
import { IdListSchema, IdSchema, IsoDateSchema, TimedSpanShape, RecordBaseShape, endNotBeforeStart } from '../schema-parts.js';
import { PolicyConsultationDetailsSchema, PolicyReviewMeetingDetailsSchema, RECOMMENDATION_DEADLINES } from './kinds.js';

const MeetingBaseShape = { id: IdSchema, title: z.string().min(1).max(255).optional(), ...TimedSpanShape, status: z.string().default('scheduled'), organizerId: IdSchema.nullable().default(null) };
const ConsultationSchema = z.strictObject({ ...MeetingBaseShape, details: PolicyConsultationDetailsSchema.default(PolicyConsultationDetailsSchema.parse({})) }).refine(...endNotBeforeStart);
const ReviewMeetingSchema = z.strictObject({ ...MeetingBaseShape, details: PolicyReviewMeetingDetailsSchema.default(PolicyReviewMeetingDetailsSchema.parse({})) }).refine(...endNotBeforeStart);

export const PolicyRecommendationRecordSchema = z.strictObject({
  ...RecordBaseShape,
  ownerId: IdSchema.optional(),
  approverIds: IdListSchema,
  deadlines: z.partialRecord(z.enum(RECOMMENDATION_DEADLINES), z.strictObject({ date: IsoDateSchema, status: z.string().default('draft') })).default({}),
  consultations: z.array(ConsultationSchema).max(100).default([]),
  reviewMeetings: z.array(ReviewMeetingSchema).max(100).default([]),
});
export type PolicyRecommendationRecord = z.infer<typeof PolicyRecommendationRecordSchema>;

const DEADLINE_LABELS = { submission: 'Submission', review: 'Review', approval: 'Approval', implementation: 'Implementation' } as const;

export function projectPolicyRecommendation(record: PolicyRecommendationRecord): EntryDraft[] {
  const drafts: EntryDraft[] = [];
  for (const type of RECOMMENDATION_DEADLINES) {
    const deadline = record.deadlines[type];
    if (!deadline) continue;
    drafts.push(
      allDayDraft(
        record,
        {
          projectionKey: key('policy', 'recommendation', record.id, type),
          module: 'policy',
          kind: 'recommendation_deadline',
          title: `${DEADLINE_LABELS[type]} deadline: ${record.title}`,
          status: deadline.status,
          organizerId: record.ownerId ?? null,
          details: { recommendationId: record.id, deadlineType: type, approverIds: record.approverIds, ...(record.ownerId ? { ownerId: record.ownerId } : {}) },
        },
        deadline.date,
      ),
    );
  }
  for (const m of record.consultations) {
    drafts.push(
      timedDraft(
        record,
        { projectionKey: key('policy', 'recommendation', record.id, 'consultation', m.id), module: 'policy', kind: 'consultation', title: m.title ?? `Consultation: ${record.title}`, status: m.status, organizerId: m.organizerId, details: { ...m.details, recommendationId: record.id } },
        m.start,
        m.end,
      ),
    );
  }
  for (const m of record.reviewMeetings) {
    drafts.push(
      timedDraft(
        record,
        { projectionKey: key('policy', 'recommendation', record.id, 'review', m.id), module: 'policy', kind: 'review_meeting', title: m.title ?? `Review meeting: ${record.title}`, status: m.status, organizerId: m.organizerId, details: { ...m.details, recommendationId: record.id } },
        m.start,
        m.end,
      ),
    );
  }
  return drafts;
}
