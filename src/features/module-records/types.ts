import type { z } from 'zod';
import { CommunityEventRecordSchema, projectCommunityEvent } from '../modules/community/records.js';
import {
  CommunicationRecordSchema, CoordinationEventRecordSchema, PartnershipRecordSchema, projectCommunication, projectCoordinationEvent,
  projectPartnership, projectStakeholderEngagement, StakeholderEngagementRecordSchema,
} from '../modules/coordination/records.js';
import { AssessmentRecordSchema, BaselineDataCollectionRecordSchema, NeedRecordSchema, projectAssessment, projectBaselineDataCollection, projectNeed } from '../modules/mana/records.js';
import type { EntryDraft, ModuleKey } from '../modules/model.js';
import { MonitoringEntryRecordSchema, projectMonitoringEntry } from '../modules/planning/records.js';
import { PolicyRecommendationRecordSchema, projectPolicyRecommendation } from '../modules/policy/records.js';
import {
  PerformanceReviewRecordSchema, projectPerformanceReview, projectStaffLeave, projectStaffTask, projectTrainingEnrollment,
  projectTrainingSession, StaffLeaveRecordSchema, StaffTaskRecordSchema, TrainingEnrollmentRecordSchema, TrainingSessionRecordSchema,
} from '../modules/staff/records.js';

/** One kind of module record: its path segment, schema, and how it projects onto entries. */
export interface RecordType {
  module: ModuleKey;
  type: string;
  label: string;
  schema: z.ZodType<{ id: string } & Record<string, unknown>>;
  project: (record: never) => EntryDraft[];
}

const t = (module: ModuleKey, type: string, label: string, schema: z.ZodType, project: (record: never) => EntryDraft[]): RecordType =>
  ({ module, type, label, schema: schema as RecordType['schema'], project });

/** `/api/v1/modules/<module>/<type>`: every record type of every module, in one list. */
export const RECORD_TYPES: readonly RecordType[] = [
  t('coordination', 'events', 'Coordination event', CoordinationEventRecordSchema, projectCoordinationEvent as never),
  t('coordination', 'engagements', 'Stakeholder engagement', StakeholderEngagementRecordSchema, projectStakeholderEngagement as never),
  t('coordination', 'communications', 'Communication follow-up', CommunicationRecordSchema, projectCommunication as never),
  t('coordination', 'partnerships', 'Partnership', PartnershipRecordSchema, projectPartnership as never),
  t('mana', 'assessments', 'Assessment', AssessmentRecordSchema, projectAssessment as never),
  t('mana', 'baseline-collections', 'Baseline data collection', BaselineDataCollectionRecordSchema, projectBaselineDataCollection as never),
  t('mana', 'needs', 'Need', NeedRecordSchema, projectNeed as never),
  t('staff', 'tasks', 'Task', StaffTaskRecordSchema, projectStaffTask as never),
  t('staff', 'trainings', 'Training session', TrainingSessionRecordSchema, projectTrainingSession as never),
  t('staff', 'enrollments', 'Training enrollment', TrainingEnrollmentRecordSchema, projectTrainingEnrollment as never),
  t('staff', 'leave', 'Leave', StaffLeaveRecordSchema, projectStaffLeave as never),
  t('staff', 'reviews', 'Performance review', PerformanceReviewRecordSchema, projectPerformanceReview as never),
  t('policy', 'recommendations', 'Policy recommendation', PolicyRecommendationRecordSchema, projectPolicyRecommendation as never),
  t('planning', 'monitoring', 'Monitoring entry', MonitoringEntryRecordSchema, projectMonitoringEntry as never),
  t('community', 'events', 'Community event', CommunityEventRecordSchema, projectCommunityEvent as never),
];

export function findRecordType(module: string, type: string): RecordType | undefined {
  return RECORD_TYPES.find((r) => r.module === module && r.type === type);
}
