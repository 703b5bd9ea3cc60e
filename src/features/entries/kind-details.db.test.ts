import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.js';
import { calendarIdOf, countEntries, entryPayload } from '../../../test/support/fixtures.js';

let t: TestApp;
let staff: Session;
let calendar: string;
beforeAll(async () => {
  t = await createTestApp();
  staff = await t.userSession('staff');
  calendar = await calendarIdOf(t, staff, 'staff');
});
afterAll(async () => t?.close());

const task = (details: Record<string, unknown>, extra: Record<string, unknown> = {}) => entryPayload(calendar, { title: 'Prepare travel report', module: 'staff', kind: 'task', details, ...extra });

describe("a registered kind's details through the entries API", () => {
  it('refuses details that miss or misstate what the kind needs, naming each field, and writes nothing', async () => {
    const before = await countEntries(t);
    const missing = await t.as(staff, { method: 'POST', url: '/api/v1/entries', payload: task({ dueDate: '2026-03-09' }) });
    expect(missing.statusCode).toBe(422);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.json().errors.map((e: { field: string }) => e.field)).toEqual(['details.assigneeId']);
    const wrong = await t.as(staff, { method: 'POST', url: '/api/v1/entries', payload: task({ assigneeId: staff.userId, dueDate: 'next Monday' }) });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors.map((e: { field: string }) => e.field)).toEqual(['details.dueDate']);
    expect(await countEntries(t)).toBe(before);
  });

  it("keeps keys the kind does not know (another system's data) and still reads the ones it knows", async () => {
    const created = await t.as(staff, { method: 'POST', url: '/api/v1/entries', payload: task({ assigneeId: staff.userId, dueDate: '2026-03-09', hrisRef: 'TR-7' }, { organizerId: null }) });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().details).toEqual({ assigneeId: staff.userId, dueDate: '2026-03-09', hrisRef: 'TR-7' });
    // The assignee (the only person on these tasks) still counts: a second timed task of theirs at the same time is a conflict.
    await t.as(staff, { method: 'POST', url: '/api/v1/entries', payload: task({ assigneeId: staff.userId, dueDate: '2026-03-09' }, { organizerId: null }) });
    const conflicts = (await t.as(staff, { method: 'GET', url: '/api/v1/calendar/conflicts?start=2026-03-02&end=2026-03-03' })).json().items as { subjectId: string }[];
    expect(conflicts.map((c) => c.subjectId)).toContain(staff.userId);
  });

  it('holds a change of details to the kind, and leaves the entry as it was when refused', async () => {
    const created = (await t.as(staff, { method: 'POST', url: '/api/v1/entries', payload: task({ assigneeId: staff.userId, dueDate: '2026-03-10' }) })).json();
    const refused = await t.as(staff, { method: 'PATCH', url: `/api/v1/entries/${created.id}`, payload: { details: { assigneeId: staff.userId } } });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors.map((e: { field: string }) => e.field)).toEqual(['details.dueDate']);
    const again = (await t.as(staff, { method: 'GET', url: `/api/v1/entries/${created.id}` })).json();
    expect(again).toMatchObject({ version: created.version, details: { assigneeId: staff.userId, dueDate: '2026-03-10' } });
    // Other fields of the entry stay editable without touching its details.
    expect((await t.as(staff, { method: 'PATCH', url: `/api/v1/entries/${created.id}`, payload: { title: 'Prepare the travel report' } })).statusCode).toBe(200);
  });
});
