import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.js';
import { calendarIdOf, entryPayload } from '../../../test/support/fixtures.js';

let t: TestApp;
let staff: Session;
let manager: Session;
beforeAll(async () => {
  t = await createTestApp();
  staff = await t.userSession('staff');
  manager = await t.userSession('manager');
});
afterAll(async () => t?.close());

describe('the overview and conflicts', () => {
  it('counts per module, lists what comes next, and finds a person booked twice across modules and on approved leave', async () => {
    const coordination = await calendarIdOf(t, staff, 'coordination');
    const community = await calendarIdOf(t, staff, 'community');
    const a = (await t.as(staff, { method: 'POST', url: '/api/v1/entries', payload: entryPayload(coordination, { title: 'LGU coordination', start: '2026-09-07T09:00:00+08:00', end: '2026-09-07T11:00:00+08:00' }) })).json();
    const b = (await t.as(staff, { method: 'POST', url: '/api/v1/entries', payload: entryPayload(community, { title: 'Barangay assembly', start: '2026-09-07T10:00:00+08:00', end: '2026-09-07T12:00:00+08:00' }) })).json();
    // Adjacent, not overlapping: no conflict.
    await t.as(staff, { method: 'POST', url: '/api/v1/entries', payload: entryPayload(community, { title: 'Lunch with elders', start: '2026-09-07T12:00:00+08:00', end: '2026-09-07T13:00:00+08:00' }) });
    const leave = (await t.as(staff, { method: 'POST', url: '/api/v1/modules/staff/leave', payload: { title: 'Sick leave', startDate: '2026-09-08', endDate: '2026-09-08', details: { staffId: staff.userId, leaveType: 'sick' } } })).json();
    await t.as(manager, { method: 'POST', url: `/api/v1/modules/staff/leave/${leave.id}/decision`, payload: { action: 'approve' } });
    const onLeave = (await t.as(staff, { method: 'POST', url: '/api/v1/entries', payload: entryPayload(coordination, { title: 'Partners forum', start: '2026-09-08T14:00:00+08:00', end: '2026-09-08T16:00:00+08:00' }) })).json();

    const conflicts = (await t.as(staff, { method: 'GET', url: '/api/v1/calendar/conflicts?start=2026-09-07&end=2026-09-10' })).json().items as { type: string; subjectId: string; entryIds: string[] }[];
    expect(conflicts).toHaveLength(2);
    expect(conflicts).toContainEqual(expect.objectContaining({ type: 'person_double_booked', subjectId: staff.userId, entryIds: [a.id, b.id].sort() }));
    expect(conflicts).toContainEqual(expect.objectContaining({ type: 'person_on_leave', subjectId: staff.userId, entryIds: [onLeave.id, leave.entries[0].id] }));

    const overview = (await t.as(staff, { method: 'GET', url: '/api/v1/calendar/overview?start=2026-09-07&end=2026-09-14' })).json();
    expect(overview.totals.total).toBe(5);
    expect(overview.modules.find((m: { module: string }) => m.module === 'community').total).toBe(2);
    expect(overview.conflicts.total).toBe(2);
    expect(overview.heatmap.days).toHaveLength(7);
  });
});
