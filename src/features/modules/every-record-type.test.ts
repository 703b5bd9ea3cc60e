import { describe, expect, it } from 'vitest';
import { getKind, parseDetails } from './registry.js';
import { projectRecord, RECORD_TYPES, type RecordTypeName } from './record-types.js';

const span = { start: '2026-03-10T09:00:00+08:00', end: '2026-03-10T11:00:00+08:00' };

/** A small valid record of each type, as a module form would send it. */
const SAMPLES: Record<RecordTypeName, unknown> = {
  'coordination.event': { id: 'e1', title: 'Coordination meeting', ...span, details: { participantIds: ['u1'] } },
  'coordination.stakeholder_engagement': { id: 's1', title: 'Dialogue with elders', ...span, details: { facilitatorId: 'u2' } },
  'coordination.communication': { id: 'c1', title: 'Letter to DSWD', details: { channel: 'letter', recipient: 'DSWD XII', dueDate: '2026-03-15', assigneeId: 'u1' } },
  'coordination.partnership': { id: 'p1', title: 'MOA', partnerName: 'NGO', ownerId: 'u3', milestones: [{ id: 'm1', label: 'Signing', milestoneType: 'signing', dueDate: '2026-04-01' }] },
  'mana.assessment': { id: 'a1', title: 'MANA', reportDueDate: '2026-04-30', leadFacilitatorId: 'u1' },
  'mana.baseline_data_collection': { id: 'b1', title: 'Baseline', startDate: '2026-03-16', endDate: '2026-03-20', details: { enumeratorIds: ['u4'], resourceIds: ['van'] } },
  'mana.need': { id: 'n1', title: 'Water', needStatus: 'validated', followUpDate: '2026-03-30', category: 'WASH' },
  'staff.task': { id: 't1', title: 'Report', details: { assigneeId: 'u1', dueDate: '2026-03-12' } },
  'staff.training_session': { id: 'ts1', title: 'GIS training', ...span, details: { trainerId: 'u9', enrolleeIds: ['u1', 'u2'] } },
  'staff.training_enrollment': { id: 'te1', title: 'GIS training', ...span, staffId: 'u1', approverId: 'u9' },
  'staff.leave': { id: 'l1', title: 'Leave', startDate: '2026-03-16', endDate: '2026-03-16', details: { staffId: 'u1', leaveType: 'sick' } },
  'staff.performance_review': { id: 'r1', title: 'Mid-year review', ...span, details: { revieweeId: 'u1', reviewerId: 'u9', period: '2026-H1', reviewType: 'mid_year' } },
  'policy.recommendation': { id: 'pr1', title: 'Halal policy', deadlines: { review: { date: '2026-05-01' } }, reviewMeetings: [{ id: 'm', ...span }] },
  'planning.monitoring_entry': { id: 'me1', title: 'PPA', start: { date: '2026-01-01' }, end: { date: '2026-12-31' }, reportingDeadlines: [{ fiscalYear: 2026, quarter: 1, dueDate: '2026-04-15' }] },
  'community.event': { id: 'ce1', title: 'Barangay assembly', communityId: 'b1', allDay: false, ...span, details: { eventType: 'meeting', isPublic: false } },
};

describe('every record type', () => {
  it('has a sample here', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(Object.keys(RECORD_TYPES).sort());
  });

  it.each(Object.entries(SAMPLES))('%s projects onto valid entries with known statuses', (type, sample) => {
    const result = projectRecord(type, sample);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.drafts.length).toBeGreaterThan(0);
    for (const d of result.drafts) {
      expect(getKind(d.module, d.kind)?.statuses[d.status]).toBeDefined();
      const details = parseDetails(d.module, d.kind, d.details);
      expect(details.ok ? true : details.issues).toBe(true);
      expect(d.projectionKey.startsWith(`${d.module}:`)).toBe(true);
    }
    // projecting the same record twice gives the same drafts (idempotent upserts)
    const again = projectRecord(type, sample);
    expect(again.ok && again.drafts).toEqual(result.drafts);
  });
});
