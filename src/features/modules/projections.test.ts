import { describe, expect, it } from 'vitest';
import { philippineHolidays } from '../../core/holidays/philippine-holidays.js';
import { projectHolidays, projectCommunityEvent, CommunityEventRecordSchema } from './community/records.js';
import { CoordinationEventRecordSchema, PartnershipRecordSchema, projectCoordinationEvent, projectPartnership } from './coordination/records.js';
import { AssessmentRecordSchema, NeedRecordSchema, projectAssessment, projectNeed } from './mana/records.js';
import type { EntryDraft } from './model.js';
import { MonitoringEntryRecordSchema, projectMonitoringEntry } from './planning/records.js';
import { PolicyRecommendationRecordSchema, projectPolicyRecommendation } from './policy/records.js';
import { parseDetails, getKind } from './registry.js';
import { projectStaffLeave, StaffLeaveRecordSchema } from './staff/records.js';

const at = (iso: string) => Date.parse(iso);

/** Every draft must be an entry the registry accepts: known kind and status, valid details. */
function expectValid(drafts: EntryDraft[]) {
  for (const d of drafts) {
    expect(getKind(d.module, d.kind)?.statuses[d.status], `${d.projectionKey} status ${d.status}`).toBeDefined();
    const check = parseDetails(d.module, d.kind, d.details);
    expect(check.ok ? true : check.issues, d.projectionKey).toBe(true);
    expect(d.endMs).toBeGreaterThanOrEqual(d.startMs);
  }
  expect(new Set(drafts.map((d) => d.projectionKey)).size).toBe(drafts.length);
}

describe('projections', () => {
  const assessment = AssessmentRecordSchema.parse({
    id: 'a1',
    title: 'Datu Piang MANA',
    leadFacilitatorId: 'u1',
    teamMemberIds: ['u2'],
    planningCompletionDate: '2026-03-02',
    dataCollectionEndDate: '2026-03-20',
    analysisCompletionDate: '2026-04-10',
    reportDueDate: '2026-04-30',
    milestoneStatus: { planning: 'completed' },
  });

  it('projects an assessment onto its four milestone dates, all-day in Manila', () => {
    const drafts = projectAssessment(assessment);
    expectValid(drafts);
    expect(drafts.map((d) => [d.projectionKey, d.status])).toEqual([
      ['mana:assessment:a1:planning', 'completed'],
      ['mana:assessment:a1:data_collection_end', 'pending'],
      ['mana:assessment:a1:analysis', 'pending'],
      ['mana:assessment:a1:report_due', 'pending'],
    ]);
    expect(drafts[3]).toMatchObject({ allDay: true, startMs: at('2026-04-30T00:00:00+08:00'), endMs: at('2026-05-01T00:00:00+08:00'), title: 'Datu Piang MANA: Report due' });
  });

  it('keeps projection keys when dates move, and drops a milestone whose date is cleared', () => {
    const moved = projectAssessment({ ...assessment, reportDueDate: '2026-05-15', analysisCompletionDate: null });
    expect(moved.map((d) => d.projectionKey)).toEqual(['mana:assessment:a1:planning', 'mana:assessment:a1:data_collection_end', 'mana:assessment:a1:report_due']);
    expect(moved[2]!.startMs).toBe(at('2026-05-15T00:00:00+08:00'));
  });

  it('projects a timed coordination event with its participants', () => {
    const drafts = projectCoordinationEvent(
      CoordinationEventRecordSchema.parse({ id: 'ev1', title: 'Inter-agency meeting', start: '2026-03-10T09:00:00+08:00', end: '2026-03-10T11:00:00+08:00', organizerId: 'u1', details: { participantIds: ['u2', 'u3'], resourceIds: ['room-a'] } }),
    );
    expectValid(drafts);
    expect(drafts[0]).toMatchObject({ kind: 'event', allDay: false, startMs: at('2026-03-10T01:00:00Z'), organizerId: 'u1', status: 'scheduled' });
  });

  it('projects one entry per partnership milestone and a need only while it has a follow-up date', () => {
    expectValid(projectPartnership(PartnershipRecordSchema.parse({ id: 'p1', title: 'MOA', partnerName: 'UNICEF', milestones: [{ id: 'm1', label: 'Signing', milestoneType: 'signing', dueDate: '2026-06-01' }, { id: 'm2', label: 'Review', milestoneType: 'review', dueDate: '2026-12-01' }] })));
    const need = NeedRecordSchema.parse({ id: 'n1', title: 'Water system', needStatus: 'in_progress', followUpDate: '2026-03-15', assigneeId: 'u4' });
    expectValid(projectNeed(need));
    expect(projectNeed(need)).toHaveLength(1);
    expect(projectNeed({ ...need, followUpDate: null })).toEqual([]);
    expect(projectNeed({ ...need, needStatus: 'addressed' })).toEqual([]);
  });

  it('projects a monitoring entry: start, milestones, end, stages, hearings and quarterly reports', () => {
    const drafts = projectMonitoringEntry(
      MonitoringEntryRecordSchema.parse({
        id: 'me1',
        title: 'Livelihood programme',
        ownerId: 'u5',
        start: { date: '2026-01-15' },
        end: { date: '2026-12-15' },
        milestones: [{ id: 'ms1', label: 'Mid-term review', date: '2026-06-30', status: 'on_track' }],
        workflowStages: [{ id: 's1', stage: 'Budget approval', order: 1, dueDate: '2026-02-01', approverIds: ['u9'] }],
        budgetHearings: [{ id: 'h1', start: '2026-08-03T13:00:00+08:00', end: '2026-08-03T16:00:00+08:00', details: { fiscalYear: 2027, participantIds: ['u5'], resourceIds: [] } }],
        reportingDeadlines: [1, 2, 3, 4].map((q) => ({ fiscalYear: 2026, quarter: q, dueDate: `2026-${String(q * 3 + 1).padStart(2, '0')}-15`.replace('2026-13', '2027-01') })),
      }),
    );
    expectValid(drafts);
    expect(drafts.map((d) => d.kind)).toEqual(['monitoring_milestone', 'monitoring_milestone', 'monitoring_milestone', 'workflow_stage_deadline', 'budget_hearing', ...Array(4).fill('quarterly_report_deadline')]);
    expect(drafts.at(-1)!.projectionKey).toBe('planning:monitoring:me1:report:2026:Q4');
  });

  it('projects policy deadlines, consultations and review meetings', () => {
    const drafts = projectPolicyRecommendation(
      PolicyRecommendationRecordSchema.parse({
        id: 'r1',
        title: 'Madrasah teachers',
        approverIds: ['u7'],
        deadlines: { submission: { date: '2026-03-31' }, implementation: { date: '2026-09-30' } },
        consultations: [{ id: 'c1', start: '2026-03-05T09:00:00+08:00', end: '2026-03-05T12:00:00+08:00', details: { participantIds: ['u1'] } }],
        reviewMeetings: [{ id: 'rv1', start: '2026-04-07T14:00:00+08:00', end: '2026-04-07T15:00:00+08:00' }],
      }),
    );
    expectValid(drafts);
    expect(drafts.map((d) => d.kind)).toEqual(['recommendation_deadline', 'recommendation_deadline', 'consultation', 'review_meeting']);
  });

  it('projects leave as a private all-day span through its last day', () => {
    const [d] = projectStaffLeave(StaffLeaveRecordSchema.parse({ id: 'l1', title: 'Vacation', startDate: '2026-03-16', endDate: '2026-03-18', details: { staffId: 'u2', leaveType: 'vacation', approverId: 'u9' } }));
    expectValid([d!]);
    expect(d).toMatchObject({ visibility: 'private', status: 'pending', startMs: at('2026-03-16T00:00:00+08:00'), endMs: at('2026-03-19T00:00:00+08:00') });
  });

  it('projects public community events as public entries and refuses a timed one without times', () => {
    const [d] = projectCommunityEvent(CommunityEventRecordSchema.parse({ id: 'ce1', title: 'Kalilang festival', communityId: 'brgy-1', startDate: '2026-07-01', endDate: '2026-07-03', details: { eventType: 'cultural' } }));
    expectValid([d!]);
    expect(d).toMatchObject({ visibility: 'public', communityId: 'brgy-1', organizerId: null });
    expect(CommunityEventRecordSchema.safeParse({ id: 'x', title: 'x', communityId: 'c', allDay: false, details: { eventType: 'meeting' } }).success).toBe(false);
  });

  it('projects holidays as public observances on their dates', () => {
    const drafts = projectHolidays(philippineHolidays(2026, 2026));
    expectValid(drafts);
    const fitr = drafts.find((d) => d.projectionKey === 'holiday:islamic:1447:eid_al_fitr')!;
    expect(fitr).toMatchObject({ kind: 'observance', visibility: 'public', allDay: true, startMs: at('2026-03-20T00:00:00+08:00'), details: { observanceType: 'islamic', holidayType: 'public', hijri: { year: 1447, month: 10, day: 1 } } });
  });
});
