import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.js';
import { attendanceSteps } from './test-helpers.js';

let t: TestApp;
let staff: Session;
let steps: ReturnType<typeof attendanceSteps>;
beforeAll(async () => {
  t = await createTestApp();
  staff = await t.userSession('staff');
  steps = attendanceSteps(t);
});
afterAll(async () => t?.close());

const HOURS_3 = 3 * 3600_000;
const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
const batch = (scans: Record<string, unknown>[], deviceTime?: string) =>
  t.as(staff, { method: 'POST', url: '/api/v1/attendance/check-ins', payload: { deviceId: 'tablet-7', ...(deviceTime ? { deviceTime } : {}), scans } });
const near = (actual: string | null, expectedMs: number) => expect(Math.abs(Date.parse(actual!) - expectedMs)).toBeLessThan(5000);

describe("offline check-ins from a device whose clock is wrong", () => {
  it('a batch from a device 3 hours fast or slow is accepted, each scan flagged with the offset and its time corrected; the report and the list say so', async () => {
    const entry = await steps.entry(staff, { start: iso(Date.now() - HOURS_3), end: iso(Date.now() + HOURS_3) });
    const [fastOne, fastTwo, slowOne, fine] = [
      await steps.participant(staff, entry.id, { name: 'Ana', notify: false }), await steps.participant(staff, entry.id, { name: 'Ben', notify: false }),
      await steps.participant(staff, entry.id, { name: 'Cy', notify: false }), await steps.participant(staff, entry.id, { name: 'Dee', notify: false }),
    ];
    const scan = (participantId: string, clientTimeMs: number) => ({ idempotencyKey: randomUUID(), clientTime: iso(clientTimeMs), entryId: entry.id, participantId });

    // 3 hours fast: scans 20 and 10 minutes ago read as 2 h 40 and 2 h 50 ahead (refused as future before).
    const now = Date.now();
    const fastScans = [scan(fastOne.id, now + HOURS_3 - 20 * MINUTE), scan(fastTwo.id, now + HOURS_3 - 10 * MINUTE)];
    const fast = await batch(fastScans, iso(now + HOURS_3));
    expect(fast.statusCode, fast.body).toBe(200);
    const fastResults = fast.json().results as { status: string; clockSkewSeconds: number; attendance: { checkedInAt: string } }[];
    expect(fastResults.map((r) => r.status)).toEqual(['applied', 'applied']);
    for (const r of fastResults) expect(r.clockSkewSeconds).toBeGreaterThan(10_790);
    near(fastResults[0]!.attendance.checkedInAt, now - 20 * MINUTE);
    near(fastResults[1]!.attendance.checkedInAt, now - 10 * MINUTE);
    // What the device said is kept with the scan.
    const [stored] = await t.testDb.database.query<{ client_time: Date; clock_skew_seconds: number }>('select client_time, clock_skew_seconds from attendance_scans where idempotency_key = $1', [fastScans[0]!.idempotencyKey]);
    near(stored!.client_time.toISOString(), now + HOURS_3 - 20 * MINUTE);

    // 3 hours slow, and a device within 10 minutes (not flagged, times as reported).
    const slow = await batch([scan(slowOne.id, Date.now() - HOURS_3 - 5 * MINUTE)], iso(Date.now() - HOURS_3));
    expect(slow.json().results[0].clockSkewSeconds).toBeLessThan(-10_790);
    near(slow.json().results[0].attendance.checkedInAt, Date.now() - 5 * MINUTE);
    const fineAt = Date.now() - 30 * MINUTE;
    const ok = await batch([scan(fine.id, fineAt)], iso(Date.now() + 4 * MINUTE));
    expect(ok.json().results[0]).toMatchObject({ status: 'applied', clockSkewSeconds: null });
    near(ok.json().results[0].attendance.checkedInAt, fineAt);

    // Sent again: the first answer, flag included.
    const again = await batch(fastScans, iso(Date.now() + HOURS_3));
    expect((again.json().results as { resent: boolean; clockSkewSeconds: number }[]).every((r) => r.resent && r.clockSkewSeconds > 10_790)).toBe(true);

    const report = await t.as(staff, { method: 'GET', url: `/api/v1/entries/${entry.id}/attendance/report` });
    expect(report.statusCode, report.body).toBe(200);
    expect(report.json().rows[0]).toMatchObject({ attended: 4, clockCorrected: 3 });
    const csv = await t.as(staff, { method: 'GET', url: `/api/v1/entries/${entry.id}/attendance/report?format=csv` });
    expect(csv.body).toContain('times corrected for a wrong device clock');
    const listed = (await steps.list(staff, entry.id)).participants as { name: string; attendance: { clockSkewSeconds: number | null } }[];
    expect(listed.map((p) => [p.name, p.attendance.clockSkewSeconds === null ? null : Math.sign(p.attendance.clockSkewSeconds)])).toEqual([['Ana', 1], ['Ben', 1], ['Cy', -1], ['Dee', null]]);

    // The organiser sets a time by hand: it is theirs, no longer flagged.
    const fixed = await t.as(staff, { method: 'PUT', url: `/api/v1/entries/${entry.id}/participants/${fastOne.id}/attendance`, payload: { status: 'checked_in', checkedInAt: iso(now - 25 * MINUTE) } });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect((await t.as(staff, { method: 'GET', url: `/api/v1/entries/${entry.id}/attendance/report` })).json().rows[0].clockCorrected).toBe(2);
  });

  it('refuses a deviceTime that is not a date-time with offset (400 naming it)', async () => {
    const bad = await batch([{ idempotencyKey: randomUUID(), clientTime: iso(Date.now()), participantId: randomUUID(), entryId: randomUUID() }], 'yesterday');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('deviceTime');
  });
});
