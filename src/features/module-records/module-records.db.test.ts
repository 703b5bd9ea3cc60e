import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.js';

let t: TestApp;
let staff: Session;
let manager: Session;
beforeAll(async () => {
  t = await createTestApp();
  staff = await t.userSession('staff');
  manager = await t.userSession('manager');
});
afterAll(async () => t?.close());

const titlesIn = async (session: Session, query: string) =>
  ((await t.as(session, { method: 'GET', url: `/api/v1/calendar?${query}` })).json() as { title: string; extendedProps: { kind: string } }[]).map((e) => e.title).sort();

describe('module records', () => {
  it('project an assessment onto one entry per milestone date, re-project on change, and remove them on delete', async () => {
    const created = await t.as(staff, {
      method: 'POST', url: '/api/v1/modules/mana/assessments',
      payload: { title: 'MANA Datu Piang', planningCompletionDate: '2026-04-03', dataCollectionEndDate: '2026-04-17', analysisCompletionDate: '2026-04-24', reportDueDate: '2026-04-30' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const record = created.json() as { id: string; entries: { kind: string; allDay: boolean }[] };
    expect(record.entries).toHaveLength(4);
    expect(record.entries.every((e) => e.kind === 'assessment_milestone' && e.allDay)).toBe(true);
    expect((await titlesIn(staff, 'start=2026-04-01&end=2026-05-01&modules=mana')).length).toBe(4);

    const changed = await t.as(staff, { method: 'PATCH', url: `/api/v1/modules/mana/assessments/${record.id}`, payload: { analysisCompletionDate: null, reportDueDate: '2026-05-08' } });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().entries).toHaveLength(3);
    expect((await titlesIn(staff, 'start=2026-04-01&end=2026-05-01&modules=mana')).length).toBe(2);
    expect((await titlesIn(staff, 'start=2026-05-01&end=2026-06-01&modules=mana')).length).toBe(1);

    expect((await t.as(staff, { method: 'DELETE', url: `/api/v1/modules/mana/assessments/${record.id}` })).statusCode).toBe(204);
    expect(await titlesIn(staff, 'start=2026-04-01&end=2026-06-01&modules=mana')).toEqual([]);
    expect((await t.as(staff, { method: 'GET', url: `/api/v1/modules/mana/assessments/${record.id}` })).statusCode).toBe(404);
  });

  it('validate a record by its type and write nothing when it is bad (400 naming the field)', async () => {
    const before = await t.testDb.database.query('select count(*)::int as n from entries');
    const bad = await t.as(staff, { method: 'POST', url: '/api/v1/modules/staff/trainings', payload: { title: 'Records training', start: '2026-05-05T09:00:00+08:00', end: '2026-05-05T08:00:00+08:00' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toContain('end');
    const unknownField = await t.as(staff, { method: 'POST', url: '/api/v1/modules/staff/trainings', payload: { title: 'x', start: '2026-05-05T09:00:00+08:00', end: '2026-05-05T10:00:00+08:00', budget: 5 } });
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json().errors[0].field).toBe('budget');
    expect((await t.as(staff, { method: 'POST', url: '/api/v1/modules/astrology/horoscopes', payload: { title: 'x' } })).statusCode).toBe(404);
    expect(await t.testDb.database.query('select count(*)::int as n from entries')).toEqual(before);
  });

  it('keep viewers to reading (403 on writes) and list with filters', async () => {
    const viewer = await t.userSession('viewer');
    const payload = { title: 'Budget hearing prep', start: '2026-06-01T09:00:00+08:00', end: '2026-06-01T11:00:00+08:00' };
    expect((await t.as(viewer, { method: 'POST', url: '/api/v1/modules/staff/trainings', payload })).statusCode).toBe(403);
    await t.as(staff, { method: 'POST', url: '/api/v1/modules/staff/trainings', payload });
    const list = await t.as(viewer, { method: 'GET', url: '/api/v1/modules/staff/trainings?q=budget' });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((r: { data: { title: string } }) => r.data.title)).toEqual(['Budget hearing prep']);
  });
});

describe('leave requests', () => {
  const request = (who: Session) => t.as(who, {
    method: 'POST', url: '/api/v1/modules/staff/leave',
    payload: { title: 'Vacation leave', startDate: '2026-07-06', endDate: '2026-07-08', details: { staffId: who.userId, leaveType: 'vacation' } },
  });

  it('go pending → approved by a manager, shown on the calendar with the new status', async () => {
    const created = await request(staff);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    expect(created.json().data.status).toBe('pending');
    const approved = await t.as(manager, { method: 'POST', url: `/api/v1/modules/staff/leave/${id}/decision`, payload: { action: 'approve' } });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ data: { status: 'approved', details: { decidedById: manager.userId } }, entries: [{ status: 'approved', allDay: true, start: '2026-07-06', end: '2026-07-09' }] });
    const again = await t.as(manager, { method: 'POST', url: `/api/v1/modules/staff/leave/${id}/decision`, payload: { action: 'reject' } });
    expect(again.statusCode).toBe(409);
  });

  it('cannot be approved by the requester (403); a colleague does not even find it (404)', async () => {
    const id = (await request(staff)).json().id as string;
    expect((await t.as(staff, { method: 'POST', url: `/api/v1/modules/staff/leave/${id}/decision`, payload: { action: 'approve' } })).statusCode).toBe(403);
    const colleague = await t.userSession('staff');
    expect((await t.as(colleague, { method: 'POST', url: `/api/v1/modules/staff/leave/${id}/decision`, payload: { action: 'approve' } })).statusCode).toBe(404);
    expect((await t.as(staff, { method: 'POST', url: `/api/v1/modules/staff/leave/${id}/decision`, payload: { action: 'cancel' } })).json().data.status).toBe('cancelled');
  });

  it('cannot be approved by writing the status (422 naming status), neither when filed nor by a change', async () => {
    const filed = await t.as(staff, {
      method: 'POST', url: '/api/v1/modules/staff/leave',
      payload: { title: 'Self-approved', startDate: '2026-08-03', endDate: '2026-08-04', status: 'approved', details: { staffId: staff.userId, leaveType: 'vacation' } },
    });
    expect(filed.statusCode).toBe(422);
    expect(filed.json().errors).toEqual([expect.objectContaining({ field: 'status' })]);
    const id = (await request(staff)).json().id as string;
    for (const who of [staff, manager]) {
      const patched = await t.as(who, { method: 'PATCH', url: `/api/v1/modules/staff/leave/${id}`, payload: { status: 'approved' } });
      expect(patched.statusCode, patched.body).toBe(422);
      expect(patched.json().errors).toEqual([expect.objectContaining({ field: 'status' })]);
    }
    // Sending the status it already has, with a real change, is fine: clients may send the record back whole.
    const renamed = await t.as(staff, { method: 'PATCH', url: `/api/v1/modules/staff/leave/${id}`, payload: { status: 'pending', title: 'Vacation leave, renamed' } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json().data).toMatchObject({ status: 'pending', title: 'Vacation leave, renamed' });
    expect((await t.as(staff, { method: 'GET', url: `/api/v1/modules/staff/leave/${id}` })).json().entries[0].status).toBe('pending');
  });
});

describe('private records', () => {
  const leaveOf = (staffId: string, extra: Record<string, unknown> = {}) => ({
    title: 'Family matter', startDate: '2026-09-07', endDate: '2026-09-07', details: { staffId, leaveType: 'emergency', reason: 'hospital visit', ...extra },
  });
  const count = async () => (await t.testDb.database.query<{ n: number }>("select count(*)::int as n from module_records where type = 'leave'"))[0]!.n;

  it("refuse staff filing leave in a colleague's name (403 naming details.staffId) and write nothing", async () => {
    const colleague = await t.userSession('staff');
    const before = await count();
    const res = await t.as(staff, { method: 'POST', url: '/api/v1/modules/staff/leave', payload: leaveOf(colleague.userId) });
    expect(res.statusCode).toBe(403);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'details.staffId' })]);
    expect(await count()).toBe(before);
  });

  it("refuse a change that moves one's leave onto someone else (403 naming details.staffId)", async () => {
    const colleague = await t.userSession('staff');
    const id = (await t.as(staff, { method: 'POST', url: '/api/v1/modules/staff/leave', payload: leaveOf(staff.userId) })).json().id;
    const res = await t.as(staff, { method: 'PATCH', url: `/api/v1/modules/staff/leave/${id}`, payload: { details: { staffId: colleague.userId, leaveType: 'sick' } } });
    expect(res.statusCode).toBe(403);
    expect(res.json().errors[0].field).toBe('details.staffId');
    expect((await t.as(colleague, { method: 'GET', url: `/api/v1/modules/staff/leave/${id}` })).statusCode).toBe(404);
  });

  it('let a manager file leave for a staff member, who then reads it and may cancel it but not approve it', async () => {
    const filed = await t.as(manager, { method: 'POST', url: '/api/v1/modules/staff/leave', payload: leaveOf(staff.userId) });
    expect(filed.statusCode, filed.body).toBe(201);
    expect(filed.json()).toMatchObject({ canEdit: true, canDelete: true, canDecide: true });
    const mine = await t.as(staff, { method: 'GET', url: `/api/v1/modules/staff/leave/${filed.json().id}` });
    expect(mine.json()).toMatchObject({ data: { details: { reason: 'hospital visit' } }, canEdit: true, canDecide: false });
  });

  it('tell a manager who is not the named approver that they may not decide (canDecide false, 403)', async () => {
    const named = await t.userSession('manager');
    const id = (await t.as(staff, { method: 'POST', url: '/api/v1/modules/staff/leave', payload: leaveOf(staff.userId, { approverId: named.userId }) })).json().id;
    const seen = await t.as(manager, { method: 'GET', url: `/api/v1/modules/staff/leave/${id}` });
    expect(seen.json()).toMatchObject({ canDecide: false, canEdit: true });
    expect((await t.as(manager, { method: 'POST', url: `/api/v1/modules/staff/leave/${id}/decision`, payload: { action: 'approve' } })).statusCode).toBe(403);
    expect((await t.as(named, { method: 'GET', url: `/api/v1/modules/staff/leave/${id}` })).json().canDecide).toBe(true);
  });

  it('let a viewer read the leave filed for them, never cancel it (403): viewers never write', async () => {
    const viewer = await t.userSession('viewer');
    const id = (await t.as(manager, { method: 'POST', url: '/api/v1/modules/staff/leave', payload: leaveOf(viewer.userId) })).json().id;
    const read = await t.as(viewer, { method: 'GET', url: `/api/v1/modules/staff/leave/${id}` });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ canEdit: false, canDelete: false, canDecide: false });
    expect((await t.as(viewer, { method: 'POST', url: `/api/v1/modules/staff/leave/${id}/decision`, payload: { action: 'cancel' } })).statusCode).toBe(403);
  });

  it('list a review to a person named among its approvers (a list field) and to no other colleague', async () => {
    const [hr, colleague] = [await t.userSession('staff'), await t.userSession('staff')];
    const review = {
      title: 'Probation review', start: '2026-10-05T09:00:00+08:00', end: '2026-10-05T10:00:00+08:00',
      details: { revieweeId: staff.userId, reviewerId: manager.userId, period: '2026-Q3', reviewType: 'probationary', approverIds: [hr.userId] },
    };
    const id = (await t.as(staff, { method: 'POST', url: '/api/v1/modules/staff/reviews', payload: review })).json().id;
    const listed = async (who: Session) => (await t.as(who, { method: 'GET', url: '/api/v1/modules/staff/reviews?q=probation' })).json().items.map((r: { id: string }) => r.id);
    expect(await listed(hr)).toContain(id);
    expect(await listed(colleague)).not.toContain(id);
  });
});
