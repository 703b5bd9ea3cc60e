import { describe, expect, it } from 'vitest';
import { findConflicts } from '../../core/conflicts/find-conflicts.js';
import { buildOverview } from '../../core/overview/build-overview.js';
import { allDaySpan } from './dates.js';
import type { EntryLike } from './model.js';
import { MODULES } from './registry.js';
import { conflictSpanOf, conflictSpansOf, occupancyOf } from './people.js';
import { overviewInputsOf } from './overview-items.js';

const TZ = 'Asia/Manila';
const t = (hhmm: string, day = '2026-03-17') => Date.parse(`${day}T${hhmm}:00+08:00`);
let n = 0;
function entry(module: EntryLike['module'], kind: string, status: string, details: Record<string, unknown>, over: Partial<EntryLike> = {}): EntryLike {
  n++;
  return { id: `${kind}-${n}`, calendarId: 'c', module, kind, title: `${kind} ${n}`, status, priority: 'normal', startMs: t('09:00'), endMs: t('10:00'), allDay: false, timeZone: TZ, organizerId: null, communityId: null, location: null, details, ...over };
}

describe('people and resources of entries', () => {
  it('collects organizer, participants, facilitators and resources, once each', () => {
    const e = entry('coordination', 'stakeholder_engagement', 'scheduled', { participantIds: ['ana', 'ben', 'ana'], facilitatorId: 'cy', resourceIds: ['van'] }, { organizerId: 'ana' });
    expect(occupancyOf(e)).toEqual({ personIds: ['ana', 'ben', 'cy'], resourceIds: ['van'] });
  });

  it('treats the same typed-in venue as one resource, whatever its spacing or case', () => {
    const a = entry('coordination', 'event', 'scheduled', { venue: 'Conference  Room A' });
    const b = entry('policy', 'consultation', 'scheduled', { venue: 'conference room a ' }, { startMs: t('09:30'), endMs: t('10:30') });
    expect(findConflicts(conflictSpansOf([a, b])).map((c) => [c.type, c.subjectId])).toEqual([['resource_double_booked', 'venue:conference room a']]);
  });

  it('frees the time of cancelled entries, pending leave and all-day deadlines', () => {
    expect(conflictSpanOf(entry('coordination', 'event', 'cancelled', { participantIds: ['ana'] }))).toBeNull();
    expect(conflictSpanOf(entry('staff', 'leave', 'pending', { staffId: 'ana', leaveType: 'vacation' }))).toBeNull();
    expect(conflictSpanOf(entry('staff', 'task', 'not_started', { assigneeId: 'ana', dueDate: '2026-03-17' }, { ...allDaySpan('2026-03-17', TZ), allDay: true }))).toBeNull();
    expect(conflictSpanOf(entry('staff', 'task', 'not_started', { assigneeId: 'ana', dueDate: '2026-03-17' }))?.personIds).toEqual(['ana']);
  });

  it('finds cross-module double bookings, scheduling during approved leave and a van used twice', () => {
    const leave = entry('staff', 'leave', 'approved', { staffId: 'ana', leaveType: 'vacation' }, { ...allDaySpan('2026-03-17', TZ), allDay: true, organizerId: 'ana' });
    const meeting = entry('coordination', 'event', 'scheduled', { participantIds: ['ana', 'ben'], resourceIds: ['van'] });
    const fieldwork = entry('mana', 'baseline_data_collection', 'scheduled', { enumeratorIds: ['ben'], resourceIds: ['van'] }, { startMs: t('09:30'), endMs: t('16:00') });
    const next = entry('policy', 'consultation', 'scheduled', { participantIds: ['ben'] }, { startMs: t('16:00'), endMs: t('17:00') });
    const conflicts = findConflicts(conflictSpansOf([leave, meeting, fieldwork, next]));
    expect(conflicts.map((c) => [c.type, c.subjectId, c.entryIds])).toEqual([
      ['person_on_leave', 'ana', [meeting.id, leave.id]],
      ['person_double_booked', 'ben', [meeting.id, fieldwork.id].sort()],
      ['resource_double_booked', 'van', [meeting.id, fieldwork.id].sort()],
    ]);
  });

  it('feeds the overview: counts, alerts and compliance from entries', () => {
    const now = t('08:00');
    const entries = [
      entry('staff', 'task', 'in_progress', { assigneeId: 'ana', dueDate: '2026-03-16' }, { ...allDaySpan('2026-03-16', TZ), allDay: true }),
      entry('staff', 'task', 'completed', { assigneeId: 'ana', dueDate: '2026-03-13', completedOn: '2026-03-12' }, { ...allDaySpan('2026-03-13', TZ), allDay: true }),
      entry('staff', 'leave', 'pending', { staffId: 'ben', leaveType: 'sick', approverId: 'mgr' }, { ...allDaySpan('2026-03-20', TZ), allDay: true }),
      entry('coordination', 'event', 'scheduled', { participantIds: ['ana'] }, { priority: 'high' }),
    ];
    const { items, alerts } = overviewInputsOf(entries, now);
    const o = buildOverview({ items, alerts, conflicts: [], nowMs: now, window: { startMs: t('00:00', '2026-03-01'), endMs: t('00:00', '2026-04-01') }, timeZone: TZ, modules: MODULES });
    expect(o.modules.find((m) => m.module === 'staff')!.byStatus).toEqual({ in_progress: 1, completed: 1, pending: 1 });
    expect(o.workflow.overdue.map((a) => a.actorIds)).toEqual([['ana']]);
    expect(o.workflow.approvals.map((a) => a.actorIds)).toEqual([['mgr']]);
    expect(o.compliance.tasks).toMatchObject({ due: 2, completedOnTime: 1, overdue: 1, onTimeRate: 0.5 });
    expect(o.upcoming[0]!.title).toBe(entries[3]!.title);
  });
});
