import { describe, expect, it } from 'vitest';
import { allDaySpan, DAY_MS } from './dates.js';
import type { EntryLike } from './model.js';
import { workflowAlertsOf } from './registry.js';

const TZ = 'Asia/Manila';
const NOW = Date.parse('2026-03-10T09:00:00+08:00');

function entry(module: EntryLike['module'], kind: string, status: string, details: Record<string, unknown>, over: Partial<EntryLike> = {}): EntryLike {
  return { id: `${kind}-1`, calendarId: 'c', module, kind, title: kind, status, priority: 'normal', startMs: NOW, endMs: NOW + 3_600_000, allDay: false, timeZone: TZ, organizerId: 'boss', communityId: null, location: null, details, ...over };
}
const onDate = (date: string) => ({ ...allDaySpan(date, TZ), allDay: true });
const types = (e: EntryLike, now = NOW) => workflowAlertsOf(e, now).map((a) => `${a.type}:${a.actorIds.join(',')}`);

describe('workflow alerts', () => {
  it('reminds the assignee of a task due tomorrow, flags it overdue after the day, escalates after 3 days', () => {
    const task = entry('staff', 'task', 'in_progress', { assigneeId: 'ana', dueDate: '2026-03-11' }, onDate('2026-03-11'));
    expect(types(task)).toEqual(['follow_up:ana']);
    expect(types(task, Date.parse('2026-03-11T23:59:00+08:00'))).toEqual(['follow_up:ana']);
    expect(types(task, Date.parse('2026-03-12T00:00:00+08:00'))).toEqual(['overdue:ana']);
    expect(types(task, Date.parse('2026-03-16T00:00:00+08:00'))).toEqual(['overdue:ana', 'escalation:ana']);
  });

  it('raises nothing for a completed or cancelled task, however late', () => {
    for (const status of ['completed', 'cancelled']) {
      expect(types(entry('staff', 'task', status, { assigneeId: 'ana', dueDate: '2026-01-01' }, onDate('2026-01-01')))).toEqual([]);
    }
  });

  it('escalates a blocked task to whoever set it', () => {
    const task = entry('staff', 'task', 'blocked', { assigneeId: 'ana', dueDate: '2026-04-01', blockedReason: 'no vehicle' }, onDate('2026-04-01'));
    expect(workflowAlertsOf(task, NOW)).toEqual([expect.objectContaining({ type: 'escalation', actorIds: ['boss'], message: expect.stringContaining('no vehicle') })]);
  });

  it('asks the named manager to decide pending leave, and escalates two days before it starts', () => {
    const leave = entry('staff', 'leave', 'pending', { staffId: 'ana', leaveType: 'vacation', approverId: 'mgr' }, onDate('2026-03-20'));
    expect(types(leave)).toEqual(['approval:mgr']);
    expect(types(leave, Date.parse('2026-03-18T12:00:00+08:00'))).toEqual(['approval:mgr', 'escalation:mgr']);
    expect(types({ ...leave, status: 'approved' })).toEqual([]);
  });

  it('asks approvers of a workflow stage in review, and escalates when its date passed undecided', () => {
    const stage = entry('planning', 'workflow_stage_deadline', 'in_review', { monitoringEntryId: 'm', stage: 'Budget', stageOrder: 1, approverIds: ['dir'] }, onDate('2026-03-09'));
    expect(types(stage)).toEqual(['approval:dir', 'escalation:dir']);
    expect(types(stage, Date.parse('2026-03-08T10:00:00+08:00'))).toEqual(['approval:dir']);
  });

  it('asks for the follow-up owed after a completed coordination event', () => {
    const ev = entry('coordination', 'event', 'completed', { followUpRequired: true, followUpDate: '2026-03-12', followUpAssigneeId: 'ben' });
    expect(types(ev)).toEqual(['follow_up:ben']);
    expect(types(ev, NOW + 3 * DAY_MS)).toEqual(['overdue:ben']);
    expect(types({ ...ev, details: { ...ev.details, followUpDone: true } })).toEqual([]);
    expect(types({ ...ev, status: 'scheduled' })).toEqual([]);
  });

  it('keeps reminding about a need in progress', () => {
    const need = entry('mana', 'need_follow_up', 'in_progress', { needId: 'n', needStatus: 'in_progress', assigneeId: 'cy', dueDate: '2026-04-30' }, onDate('2026-04-30'));
    expect(types(need)).toEqual(['follow_up:cy']);
  });

  it('escalates a late MANA report sooner than other milestones', () => {
    const ms = (milestone: string) => entry('mana', 'assessment_milestone', 'pending', { assessmentId: 'a', milestone, leadFacilitatorId: 'lead' }, onDate('2026-03-05'));
    expect(types(ms('report_due'))).toEqual(['overdue:lead', 'escalation:lead']);
    expect(types(ms('analysis'))).toEqual(['overdue:lead']);
  });

  it('flags a delayed monitoring milestone as critical', () => {
    const m = entry('planning', 'monitoring_milestone', 'delayed', { monitoringEntryId: 'm', milestone: 'milestone', ownerId: 'own' }, onDate('2026-06-30'));
    expect(workflowAlertsOf(m, NOW)).toEqual([expect.objectContaining({ type: 'escalation', severity: 'critical', actorIds: ['own'] })]);
  });

  it('raises nothing for entries whose details do not validate', () => {
    expect(workflowAlertsOf(entry('staff', 'task', 'in_progress', { dueDate: 'soon' }), NOW)).toEqual([]);
  });
});
