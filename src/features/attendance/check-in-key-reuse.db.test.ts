import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.js';
import { attendanceSteps } from './test-helpers.js';

let t: TestApp;
let staff: Session;
let member: Session;
let steps: ReturnType<typeof attendanceSteps>;
beforeAll(async () => {
  t = await createTestApp();
  staff = await t.userSession('staff');
  member = await t.userSession('staff');
  steps = attendanceSteps(t);
});
afterAll(async () => t?.close());

const future = { start: '2027-04-02T09:00:00+08:00', end: '2027-04-02T12:00:00+08:00' };
const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const batch = (session: Session, scans: Record<string, unknown>[]) =>
  t.as(session, { method: 'POST', url: '/api/v1/attendance/check-ins', payload: { deviceId: 'tablet-9', scans } });
const recordOf = async (participantId: string) =>
  (await t.testDb.database.query<{ status: string }>('select status from attendance_records where participant_id = $1', [participantId]))[0]?.status ?? null;

describe('an idempotency key sent again with another scan', () => {
  it('is refused (key_reused) in a later batch and within one batch, and the first scan stands alone', async () => {
    const entry = await steps.entry(staff, future);
    const [ana, ben, cy] = [await steps.participant(staff, entry.id, { name: 'Ana', notify: false }), await steps.participant(staff, entry.id, { name: 'Ben', notify: false }),
      await steps.participant(staff, entry.id, { name: 'Cy', notify: false })];
    const key = randomUUID();
    const first = { idempotencyKey: key, clientTime: ago(5), entryId: entry.id, participantId: ana.id };
    expect((await batch(staff, [first])).json().results[0]).toMatchObject({ status: 'applied' });

    const reused = await batch(staff, [first, { ...first, participantId: ben.id }]);
    expect(reused.statusCode, reused.body).toBe(200);
    expect(reused.json().results.map((r: { status: string; resent: boolean; reason: string | null }) => [r.status, r.resent, r.reason]))
      .toEqual([['applied', true, null], ['refused', false, 'key_reused']]);
    expect(reused.json().summary).toMatchObject({ resent: 1, refused: 1, applied: 0 });

    const inOne = randomUUID();
    const sameBatch = await batch(staff, [{ idempotencyKey: inOne, clientTime: ago(4), entryId: entry.id, participantId: cy.id }, { idempotencyKey: inOne, clientTime: ago(3), entryId: entry.id, participantId: ben.id }]);
    expect(sameBatch.json().results.map((r: { status: string; reason: string | null }) => [r.status, r.reason])).toEqual([['applied', null], ['refused', 'key_reused']]);
    expect([await recordOf(ana.id), await recordOf(ben.id), await recordOf(cy.id)]).toEqual(['checked_in', null, 'checked_in']);
  });

  it('is 422 naming idempotencyKey on the self check-in; the same body again is the first answer', async () => {
    const entry = await steps.entry(staff, future);
    const other = await steps.entry(staff, future);
    for (const e of [entry, other]) await steps.participant(staff, e.id, { userId: member.userId, notify: false });
    const codeOf = async (id: string) => (await t.as(staff, { method: 'GET', url: `/api/v1/entries/${id}/event-code` })).json().code as string;
    const key = randomUUID();
    const self = (eventCode: string) => t.as(member, { method: 'POST', url: '/api/v1/attendance/self-check-in', payload: { eventCode, idempotencyKey: key } });
    expect((await self(await codeOf(entry.id))).json()).toMatchObject({ status: 'applied', resent: false });
    // Without clientTime the server fills it in, and the device's clock reads later: the resend is still the same request.
    const resent = await t.as(member, { method: 'POST', url: '/api/v1/attendance/self-check-in', payload: { eventCode: await codeOf(entry.id), idempotencyKey: key, deviceTime: new Date().toISOString() } });
    expect(resent.json()).toMatchObject({ status: 'applied', resent: true });
    const reused = await self(await codeOf(other.id));
    expect(reused.statusCode, reused.body).toBe(422);
    expect(reused.headers['content-type']).toMatch(/problem\+json/);
    expect(reused.json().errors).toEqual([{ field: 'idempotencyKey', message: expect.stringContaining('another request') }]);
    expect(await steps.count('select count(*)::int as n from attendance_records where entry_id = $1', [other.id])).toBe(0);
  });
});
