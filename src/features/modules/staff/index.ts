/**
 * Staff: tasks, trainings and enrollments, leave and performance reviews. Leave, reviews and
 * enrollments are about one person: private to them, the people named to decide, managers and admins.
 */
import { defineModule, type ModuleDefinition, privateTo, recordType } from '../define-module.js';
import { staffKinds } from './kinds.js';
import * as records from './records.js';

export const staffModule: ModuleDefinition<'staff'> = defineModule({
  module: 'staff',
  label: 'Staff',
  colour: '#6d28d9',
  kinds: staffKinds,
  recordTypes: [
    recordType({ type: 'tasks', label: 'Task', schema: records.StaffTaskRecordSchema, project: records.projectStaffTask }),
    recordType({ type: 'trainings', label: 'Training session', schema: records.TrainingSessionRecordSchema, project: records.projectTrainingSession }),
    recordType({
      type: 'enrollments', label: 'Training enrollment', schema: records.TrainingEnrollmentRecordSchema, project: records.projectTrainingEnrollment,
      privacy: privateTo('staffId', 'approverId'),
    }),
    recordType({
      type: 'leave', label: 'Leave', schema: records.StaffLeaveRecordSchema, project: records.projectStaffLeave,
      privacy: privateTo('details.staffId', 'details.approverId'),
      decidedStatus: { initial: 'pending', through: 'POST /api/v1/modules/staff/leave/{id}/decision' },
    }),
    recordType({
      type: 'reviews', label: 'Performance review', schema: records.PerformanceReviewRecordSchema, project: records.projectPerformanceReview,
      privacy: privateTo('details.revieweeId', 'details.reviewerId', 'details.approverIds'),
    }),
  ],
});
