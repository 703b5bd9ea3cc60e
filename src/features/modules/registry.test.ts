import { describe, expect, it } from 'vitest';
import { LIFECYCLES, MODULE_DEFINITIONS, MODULE_META, MODULES, RECORD_TYPES, getKind, isKnownStatus, lifecycleOf, listKinds, parseDetails } from './registry.js';

describe('kind registry', () => {
  it('has every kind the design names, per module', () => {
    const kinds = Object.fromEntries(MODULES.map((m) => [m, listKinds(m).map((k) => k.kind)]));
    expect(kinds).toEqual({
      coordination: ['event', 'stakeholder_engagement', 'communication_follow_up', 'partnership_milestone'],
      mana: ['assessment_milestone', 'baseline_data_collection', 'need_follow_up'],
      staff: ['task', 'training_session', 'training_enrollment', 'leave', 'performance_review'],
      policy: ['recommendation_deadline', 'consultation', 'review_meeting'],
      planning: ['monitoring_milestone', 'workflow_stage_deadline', 'budget_hearing', 'quarterly_report_deadline'],
      community: ['community_event', 'observance'],
      general: ['event'],
    });
  });

  it('builds the module keys, labels, kinds and record types from the one list of modules', () => {
    expect(MODULES).toEqual(MODULE_DEFINITIONS.map((m) => m.module));
    expect(Object.keys(MODULE_META)).toEqual([...MODULES]);
    expect(listKinds()).toHaveLength(MODULE_DEFINITIONS.reduce((n, m) => n + m.kinds.length, 0));
    expect(RECORD_TYPES.map((r) => `${r.module}/${r.type}`)).toEqual(MODULE_DEFINITIONS.flatMap((m) => m.recordTypes.map((r) => `${m.module}/${r.type}`)));
  });

  it('maps every status of every kind onto the common lifecycle, default status included', () => {
    for (const k of listKinds()) {
      expect(Object.keys(k.statuses).length, `${k.module}.${k.kind}`).toBeGreaterThan(0);
      for (const l of Object.values(k.statuses)) expect(LIFECYCLES).toContain(l);
      expect(k.statuses[k.defaultStatus], `${k.module}.${k.kind}`).toBeDefined();
      expect(k.label.length).toBeGreaterThan(0);
    }
  });

  it('gives each kind a way to be closed (completed or cancelled)', () => {
    for (const k of listKinds()) expect(Object.values(k.statuses).some((l) => l === 'completed' || l === 'cancelled'), `${k.module}.${k.kind}`).toBe(true);
  });

  it('reads leave through the lifecycle: pending awaits approval, approved is scheduled', () => {
    expect(lifecycleOf('staff', 'leave', 'pending')).toBe('pending_approval');
    expect(lifecycleOf('staff', 'leave', 'approved')).toBe('scheduled');
    expect(lifecycleOf('staff', 'leave', 'rejected')).toBe('rejected');
    expect(lifecycleOf('planning', 'workflow_stage_deadline', 'in_review')).toBe('pending_approval');
  });

  it('treats an unknown status or kind as planned rather than dropping it', () => {
    expect(lifecycleOf('staff', 'task', 'something_new')).toBe('planned');
    expect(lifecycleOf('nowhere', 'nothing', 'x')).toBe('planned');
    expect(isKnownStatus('staff', 'task', 'something_new')).toBe(false);
    expect(getKind('nowhere', 'nothing')).toBeUndefined();
  });

  it('fills defaults in valid details', () => {
    const r = parseDetails('coordination', 'event', { participantIds: ['u1'] });
    expect(r).toEqual({ ok: true, details: expect.objectContaining({ participantIds: ['u1'], resourceIds: [], eventType: 'meeting', followUpRequired: false }) });
  });

  it('refuses unknown fields and names the field at fault', () => {
    const r = parseDetails('staff', 'task', { assigneeId: 'u1', dueDate: '2026-03-01', colour: 'red' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]!.message).toMatch(/colour|unrecognized/i);
  });

  it('refuses a task without assignee or with a bad due date', () => {
    const r = parseDetails('staff', 'task', { dueDate: '2026-02-30' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path).sort()).toEqual(['details.assigneeId', 'details.dueDate']);
  });

  it('refuses an unknown kind', () => {
    expect(parseDetails('staff', 'holiday_party', {})).toEqual({ ok: false, issues: [{ path: 'kind', message: 'unknown kind staff.holiday_party' }] });
  });
});
