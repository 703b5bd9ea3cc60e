import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.js';
import { attendanceSteps } from './test-helpers.js';

// On PostgreSQL the batches below really run at once on separate connections; on PGlite they are
// serialised, and the outcome must be the same.
let t: TestApp;
let staff: Session;
let steps: ReturnType<typeof attendanceSteps>;
beforeAll(async () => {
  t = await createTestApp();
  staff = await t.userSession('staff');
  steps = attendanceSteps(t);
});
afterAll(async () => t?.close());

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
type Result = { status: string; resent: boolean; attendance: { checkedInAt: string } | null };

describe('concurrent check-in batches', () => {
  it('gives one check-in, the earliest, when devices send the same people at once', async () => {
    const entry = await steps.entry(staff, { start: '2027-03-02T09:00:00+08:00', end: '2027-03-02T12:00:00+08:00' });
    const people: { id: string }[] = [];
    for (let i = 0; i < 5; i++) people.push(await steps.participant(staff, entry.id, { name: `P${i}`, notify: false }));
    // Each device sends the people in its own order (a deadlock would show as a 500 here).
    const devices = Array.from({ length: 6 }, (_, d) => (d % 2 ? [...people].reverse() : people).map((p) => ({ idempotencyKey: randomUUID(), clientTime: ago(10 + d), entryId: entry.id, participantId: p.id })));
    const responses = await Promise.all(devices.map((scans, d) => t.as(staff, { method: 'POST', url: '/api/v1/attendance/check-ins', payload: { deviceId: `d${d}`, scans } })));
    expect(responses.map((r) => r.statusCode)).toEqual(devices.map(() => 200));
    const results = responses.flatMap((r) => r.json().results as Result[]);
    expect(results.filter((r) => r.status === 'applied')).toHaveLength(people.length);
    expect(results.filter((r) => r.status === 'duplicate')).toHaveLength(people.length * (devices.length - 1));
    const rows = await t.testDb.database.query<{ checked_in_at: Date }>('select checked_in_at from attendance_records where entry_id = $1', [entry.id]);
    expect(rows).toHaveLength(people.length);
    expect(new Set(rows.map((r) => new Date(r.checked_in_at).toISOString()))).toEqual(new Set([new Date(devices[5]![0]!.clientTime).toISOString()]));

    const [counts] = await t.testDb.database.query<{ attended: number }>('select attended from attendance_occurrences where entry_id = $1', [entry.id]);
    expect(counts!.attended).toBe(people.length);
  });

  it('counts every check-in when devices check in different people at once', async () => {
    const entry = await steps.entry(staff, { start: '2027-03-04T09:00:00+08:00', end: '2027-03-04T12:00:00+08:00' });
    const people: { id: string }[] = [];
    for (let i = 0; i < 8; i++) people.push(await steps.participant(staff, entry.id, { name: `Q${i}`, notify: false }));
    await Promise.all(people.map((p) => t.as(staff, { method: 'POST', url: '/api/v1/attendance/check-ins', payload: { scans: [{ idempotencyKey: randomUUID(), clientTime: ago(1), entryId: entry.id, participantId: p.id }] } })));
    const [counts] = await t.testDb.database.query<{ attended: number }>('select attended from attendance_occurrences where entry_id = $1', [entry.id]);
    expect(counts!.attended).toBe(people.length);
  });

  it('applies a batch sent twice at once only once', async () => {
    const entry = await steps.entry(staff, { start: '2027-03-03T09:00:00+08:00', end: '2027-03-03T12:00:00+08:00' });
    const p = await steps.participant(staff, entry.id, { name: 'Once', notify: false });
    const scans = [{ idempotencyKey: randomUUID(), clientTime: ago(3), entryId: entry.id, participantId: p.id }];
    const responses = await Promise.all([1, 2, 3].map(() => t.as(staff, { method: 'POST', url: '/api/v1/attendance/check-ins', payload: { scans } })));
    const results = responses.map((r) => r.json().results[0] as Result);
    expect(results.filter((r) => !r.resent)).toHaveLength(1);
    expect(results.every((r) => r.status === 'applied')).toBe(true);
    expect(await steps.count('select count(*)::int as n from attendance_scans where participant_id = $1', [p.id])).toBe(1);
  });
});
