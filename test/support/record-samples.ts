/**
 * A small valid record of every module record type, as a module form would send it (without the
 * id, which the server sets). `people.self` is the person the record is about or who runs it,
 * `people.approver` the one named to decide or review; `community` a community of the directory.
 * Shared by the pure every-record-type test and the access matrix.
 */
export interface SamplePeople {
  self: string;
  approver: string;
  community: string;
}

const span = { start: '2026-03-10T09:00:00+08:00', end: '2026-03-10T11:00:00+08:00' };

export function recordSamples(p: SamplePeople, title: string): Record<string, Record<string, unknown>> {
  return {
    'coordination/events': { title, ...span, details: { participantIds: [p.self] } },
    'coordination/engagements': { title, ...span, details: { facilitatorId: p.self } },
    'coordination/communications': { title, details: { channel: 'letter', recipient: 'DSWD XII', dueDate: '2026-03-15', assigneeId: p.self } },
    'coordination/partnerships': { title, partnerName: 'NGO', ownerId: p.self, milestones: [{ id: 'm1', label: 'Signing', milestoneType: 'signing', dueDate: '2026-04-01' }] },
    'mana/assessments': { title, reportDueDate: '2026-04-30', leadFacilitatorId: p.self },
    'mana/baseline-collections': { title, startDate: '2026-03-16', endDate: '2026-03-20', details: { enumeratorIds: [p.self], resourceIds: ['van'] } },
    'mana/needs': { title, needStatus: 'validated', followUpDate: '2026-03-30', category: 'WASH', assigneeId: p.self },
    'staff/tasks': { title, details: { assigneeId: p.self, dueDate: '2026-03-12' } },
    'staff/trainings': { title, ...span, details: { trainerId: p.approver, enrolleeIds: [p.self] } },
    'staff/enrollments': { title, ...span, staffId: p.self, approverId: p.approver },
    'staff/leave': { title, startDate: '2026-03-16', endDate: '2026-03-16', details: { staffId: p.self, leaveType: 'sick', reason: `${title}: reason` } },
    'staff/reviews': { title, ...span, details: { revieweeId: p.self, reviewerId: p.approver, period: '2026-H1', reviewType: 'mid_year' } },
    'policy/recommendations': { title, deadlines: { review: { date: '2026-05-01' } }, reviewMeetings: [{ id: 'm', ...span }] },
    'planning/monitoring': { title, start: { date: '2026-01-01' }, end: { date: '2026-12-31' }, reportingDeadlines: [{ fiscalYear: 2026, quarter: 1, dueDate: '2026-04-15' }] },
    'community/events': { title, communityId: p.community, allDay: false, ...span, details: { eventType: 'meeting', isPublic: false } },
  };
}
