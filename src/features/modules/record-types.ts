/**
 * Every module record type in one table: its zod schema and its projection. The calendar feature
 * stores a record and calls projectRecord; the drafts' projectionKeys say which entries to create,
 * update or delete.
 */
import type { z } from 'zod';
import { CommunityEventRecordSchema, projectCommunityEvent } from './community/records.js';
import * as coordination from './coordination/records.js';
import * as mana from './mana/records.js';
import type { EntryDraft } from './model.js';
import { MonitoringEntryRecordSchema, projectMonitoringEntry } from './planning/records.js';
import { PolicyRecommendationRecordSchema, projectPolicyRecommendation } from './policy/records.js';
import * as staff from './staff/records.js';

interface RecordType<S extends z.ZodType> {
  schema: S;
  project: (record: z.infer<S>) => EntryDraft[];
}

const recordType = <S extends z.ZodType>(schema: S, project: (record: z.infer<S>) => EntryDraft[]): RecordType<S> => ({ schema, project });

export const RECORD_TYPES = {
  'coordination.event': recordType(coordination.CoordinationEventRecordSchema, coordination.projectCoordinationEvent),
  'coordination.stakeholder_engagement': recordType(coordination.StakeholderEngagementRecordSchema, coordination.projectStakeholderEngagement),
  'coordination.communication': recordType(coordination.CommunicationRecordSchema, coordination.projectCommunication),
  'coordination.partnership': recordType(coordination.PartnershipRecordSchema, coordination.projectPartnership),
  'mana.assessment': recordType(mana.AssessmentRecordSchema, mana.projectAssessment),
  'mana.baseline_data_collection': recordType(mana.BaselineDataCollectionRecordSchema, mana.projectBaselineDataCollection),
  'mana.need': recordType(mana.NeedRecordSchema, mana.projectNeed),
  'staff.task': recordType(staff.StaffTaskRecordSchema, staff.projectStaffTask),
  'staff.training_session': recordType(staff.TrainingSessionRecordSchema, staff.projectTrainingSession),
  'staff.training_enrollment': recordType(staff.TrainingEnrollmentRecordSchema, staff.projectTrainingEnrollment),
  'staff.leave': recordType(staff.StaffLeaveRecordSchema, staff.projectStaffLeave),
  'staff.performance_review': recordType(staff.PerformanceReviewRecordSchema, staff.projectPerformanceReview),
  'policy.recommendation': recordType(PolicyRecommendationRecordSchema, projectPolicyRecommendation),
  'planning.monitoring_entry': recordType(MonitoringEntryRecordSchema, projectMonitoringEntry),
  'community.event': recordType(CommunityEventRecordSchema, projectCommunityEvent),
} as const;

export type RecordTypeName = keyof typeof RECORD_TYPES;

export type ProjectionResult = { ok: true; record: unknown; drafts: EntryDraft[] } | { ok: false; issues: { path: string; message: string }[] };

/** Validates a module record (filling defaults) and projects it; bad input gives the fields at fault. */
export function projectRecord(type: string, input: unknown): ProjectionResult {
  const def = (RECORD_TYPES as Record<string, RecordType<z.ZodType>>)[type];
  if (!def) return { ok: false, issues: [{ path: 'type', message: `unknown record type ${type}` }] };
  const parsed = def.schema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) };
  return { ok: true, record: parsed.data, drafts: def.project(parsed.data) };
}

/** What changes when a record is projected again: keys to create, update and delete. */
export function diffProjection(existingKeys: Iterable<string>, drafts: readonly EntryDraft[]): { create: EntryDraft[]; update: EntryDraft[]; deleteKeys: string[] } {
  const existing = new Set(existingKeys);
  const next = new Set(drafts.map((d) => d.projectionKey));
  return {
    create: drafts.filter((d) => !existing.has(d.projectionKey)),
    update: drafts.filter((d) => existing.has(d.projectionKey)),
    deleteKeys: [...existing].filter((k) => !next.has(k)),
  };
}
