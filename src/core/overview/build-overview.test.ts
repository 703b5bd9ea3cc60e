import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import type { Conflict } from '../conflicts/find-conflicts.js';
import { buildOverview, firstOf } from './build-overview.js';
import type { OverviewAlert, OverviewInput, OverviewItem } from './types.js';

const TZ = 'Asia/Manila';
const at = (iso: string) => Temporal.Instant.from(iso).epochMilliseconds;
const NOW = at('2026-03-10T09:00:00+08:00');
const MODULES = ['coordination', 'staff', 'planning'];

let n = 0;
function item(over: Partial<OverviewItem>): OverviewItem {
  n++;
  return { entryId: `e${n}`, module: 'coordination', kind: 'event', title: `Item ${n}`, status: 'scheduled', lifecycle: 'scheduled', priority: 'normal', startMs: NOW, endMs: NOW + 3_600_000, allDay: false, timeZone: TZ, isDeadline: false, dueMs: null, completedAtMs: null, ...over };
}
function input(items: OverviewItem[], over: Partial<OverviewInput> = {}): OverviewInput {
  return { items, alerts: [], conflicts: [], nowMs: NOW, window: { startMs: at('2026-03-01T00:00:00+08:00'), endMs: at('2026-04-01T00:00:00+08:00') }, timeZone: TZ, modules: MODULES, ...over };
}

describe('buildOverview', () => {
  it('counts entries per module and status, and leaves out entries outside the window', () => {
    const o = buildOverview(
      input([
        item({ status: 'scheduled' }),
        item({ status: 'ongoing', lifecycle: 'in_progress' }),
        item({ module: 'staff', kind: 'task', status: 'blocked', lifecycle: 'in_progress' }),
        item({ startMs: at('2026-05-01T09:00:00+08:00'), endMs: at('2026-05-01T10:00:00+08:00') }),
      ]),
    );
    expect(o.totals.total).toBe(3);
    const coordination = o.modules.find((m) => m.module === 'coordination')!;
    expect(coordination).toMatchObject({ total: 2, byStatus: { scheduled: 1, ongoing: 1 } });
    expect(coordination.byLifecycle.in_progress).toBe(1);
    expect(o.modules.find((m) => m.module === 'planning')!.total).toBe(0);
  });

  it('lists upcoming open items by start, urgent first at the same time, up to the limit', () => {
    const t = at('2026-03-11T09:00:00+08:00');
    const low = item({ title: 'low', startMs: t, endMs: t + 1, priority: 'low' });
    const urgent = item({ title: 'urgent', startMs: t, endMs: t + 1, priority: 'urgent' });
    const earlier = item({ title: 'earlier', startMs: t - 3_600_000, endMs: t });
    const past = item({ title: 'past', startMs: NOW - 86_400_000, endMs: NOW - 82_800_000 });
    const cancelled = item({ title: 'cancelled', startMs: t, endMs: t + 1, lifecycle: 'cancelled' });
    const o = buildOverview(input([low, urgent, earlier, past, cancelled], { upcomingLimit: 2 }));
    expect(o.upcoming.map((i) => i.title)).toEqual(['earlier', 'urgent']);
  });

  it('groups workflow alerts and puts critical ones first', () => {
    const alert = (type: OverviewAlert['type'], severity: OverviewAlert['severity'], title: string): OverviewAlert => ({ type, entryId: title, module: 'staff', title, severity, dueMs: null, message: title, actorIds: [] });
    const o = buildOverview(input([], { alerts: [alert('approval', 'warning', 'leave'), alert('escalation', 'warning', 'blocked'), alert('escalation', 'critical', 'late report'), alert('follow_up', 'info', 'call back'), alert('overdue', 'warning', 'task')] }));
    expect(o.workflow.approvals.map((a) => a.title)).toEqual(['leave']);
    expect(o.workflow.escalations.map((a) => a.title)).toEqual(['late report', 'blocked']);
    expect(o.workflow.overdue).toHaveLength(1);
    expect(o.followUps.map((a) => a.title)).toEqual(['call back']);
  });

  it('summarises conflicts by type', () => {
    const c = (type: Conflict['type']): Conflict => ({ type, subjectId: 's', entryIds: ['a', 'b'], startMs: NOW, endMs: NOW + 1 });
    const o = buildOverview(input([], { conflicts: [c('person_on_leave'), c('resource_double_booked'), c('resource_double_booked')] }));
    expect(o.conflicts.total).toBe(3);
    expect(o.conflicts.byType).toEqual({ person_double_booked: 0, person_on_leave: 1, resource_double_booked: 2 });
  });

  it('computes the compliance snapshot: on time, late, overdue, not yet due', () => {
    const due = at('2026-03-05T00:00:00+08:00');
    const deadline = (over: Partial<OverviewItem>) => item({ module: 'staff', kind: 'task', isDeadline: true, dueMs: due, startMs: due - 86_400_000, endMs: due, allDay: true, ...over });
    const o = buildOverview(
      input([
        deadline({ lifecycle: 'completed', completedAtMs: due - 1000 }),
        deadline({ lifecycle: 'completed', completedAtMs: due + 86_400_000 }),
        deadline({ lifecycle: 'completed' }),
        deadline({ lifecycle: 'in_progress' }),
        deadline({ lifecycle: 'cancelled' }),
        deadline({ lifecycle: 'planned', dueMs: NOW + 86_400_000, startMs: NOW, endMs: NOW + 86_400_000 }),
      ]),
    );
    expect(o.compliance.tasks).toEqual({ due: 4, completedOnTime: 2, completedLate: 1, completionTimeUnknown: 1, overdue: 1, upcoming: 1, onTimeRate: 0.5 });
    expect(o.compliance.byModule['staff']).toEqual(o.compliance.tasks);
    expect(o.compliance.byModule['coordination']!.onTimeRate).toBeNull();
  });

  it('buckets the 7-day heatmap by day and hour band in the viewer zone', () => {
    // 23:30–00:30 Manila crosses midnight: it touches two days, evening then night
    const late = item({ startMs: at('2026-03-10T23:30:00+08:00'), endMs: at('2026-03-11T00:30:00+08:00') });
    const morning = item({ module: 'staff', startMs: at('2026-03-12T08:00:00+08:00'), endMs: at('2026-03-12T09:00:00+08:00') });
    const holiday = item({ module: 'planning', allDay: true, startMs: at('2026-03-13T00:00:00+08:00'), endMs: at('2026-03-14T00:00:00+08:00') });
    const h = buildOverview(input([late, morning, holiday])).heatmap;
    expect(h.days).toEqual(['2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13', '2026-03-14', '2026-03-15', '2026-03-16']);
    expect(h.byModule[0]).toEqual([1, 0, 0]);
    expect(h.byModule[1]).toEqual([1, 0, 0]);
    expect(h.byBand[0]).toEqual([0, 0, 0, 1]);
    expect(h.byBand[1]).toEqual([1, 0, 0, 0]);
    expect(h.byModule[2]).toEqual([0, 1, 0]);
    expect(h.byBand[2]).toEqual([0, 1, 0, 0]);
    expect(h.byModule[3]).toEqual([0, 0, 1]);
    expect(h.allDay).toEqual([0, 0, 0, 1, 0, 0, 0]);
    expect(h.max).toBe(1);
  });

  it('keeps an all-day item on its own date for a viewer in another zone', () => {
    const holiday = item({ allDay: true, startMs: at('2026-03-13T00:00:00+08:00'), endMs: at('2026-03-14T00:00:00+08:00') });
    const h = buildOverview(input([holiday], { timeZone: 'America/New_York', nowMs: at('2026-03-10T09:00:00-04:00') })).heatmap;
    expect(h.days[3]).toBe('2026-03-13');
    expect(h.allDay).toEqual([0, 0, 0, 1, 0, 0, 0]);
  });

  it('uses real day lengths on a DST change day in the viewer zone', () => {
    // 2026-03-08 in New York has 23 hours: 00:00–03:00 EST then EDT.
    const now = at('2026-03-08T00:30:00-05:00');
    const beforeJump = item({ startMs: at('2026-03-08T01:30:00-05:00'), endMs: at('2026-03-08T01:45:00-05:00') });
    const lateEvening = item({ startMs: at('2026-03-08T23:30:00-04:00'), endMs: at('2026-03-08T23:45:00-04:00') });
    const nextMorning = item({ startMs: at('2026-03-09T00:15:00-04:00'), endMs: at('2026-03-09T00:45:00-04:00') });
    const h = buildOverview(input([beforeJump, lateEvening, nextMorning], { timeZone: 'America/New_York', nowMs: now })).heatmap;
    expect(h.days[0]).toBe('2026-03-08');
    expect(h.byBand[0]).toEqual([1, 0, 0, 1]);
    expect(h.byBand[1]).toEqual([1, 0, 0, 0]);
  });
});

describe('firstOf', () => {
  it('gives what a stable sort and slice give, ties included (random lists)', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let round = 0; round < 200; round++) {
      const items = Array.from({ length: Math.floor(rnd() * 60) }, (_, i) => ({ key: Math.floor(rnd() * 12), i }));
      const k = Math.floor(rnd() * 15);
      const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;
      expect(firstOf(items, k, byKey)).toEqual([...items].sort(byKey).slice(0, k));
    }
  });
});
