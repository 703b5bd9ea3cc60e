import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.js';
import { signToken } from '../../core/signing/signed-token.js';
import { TICKET_PURPOSE } from './codes.js';
import { attendanceSteps } from './test-helpers.js';

let t: TestApp;
let staff: Session;
let member: Session;
let viewer: Session;
let steps: ReturnType<typeof attendanceSteps>;
beforeAll(async () => {
  t = await createTestApp();
  staff = await t.userSession('staff');
  member = await t.userSession('staff');
  viewer = await t.userSession('viewer');
  steps = attendanceSteps(t);
});
afterAll(async () => t?.close());

const future = { start: '2027-03-02T09:00:00+08:00', end: '2027-03-02T12:00:00+08:00' };
const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const batch = (session: Session, scans: Record<string, unknown>[], deviceId = 'tablet-1') =>
  t.as(session, { method: 'POST', url: '/api/v1/attendance/check-ins', payload: { deviceId, scans } });
const ticketOf = async (entryId: string, participantId: string, query = '') =>
  (await t.as(staff, { method: 'GET', url: `/api/v1/entries/${entryId}/participants/${participantId}/ticket${query}` })).json().code as string;
const records = (entryId: string) => steps.count('select count(*)::int as n from attendance_records where entry_id = $1', [entryId]);

async function eventWithPeople(n: number) {
  const entry = await steps.entry(staff, future);
  const people = [];
  for (let i = 0; i < n; i++) people.push(await steps.participant(staff, entry.id, { name: `Person ${i}`, notify: false }));
  return { entry, people };
}

describe('batch check-in', () => {
  it('checks in by ticket; the same batch sent again changes nothing and says so', async () => {
    const { entry, people } = await eventWithPeople(3);
    const scans = await Promise.all(people.map(async (p, i) => ({ idempotencyKey: randomUUID(), clientTime: ago(10 - i), entryId: entry.id, ticket: await ticketOf(entry.id, p.id) })));
    const first = await batch(staff, scans);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().summary).toEqual({ received: 3, applied: 3, duplicates: 0, resent: 0, refused: 0 });
    expect(first.json().results[0]).toMatchObject({ status: 'applied', resent: false, participantId: people[0]!.id, attendance: { status: 'checked_in', method: 'qr' } });
    const again = await batch(staff, scans);
    expect(again.json().summary).toEqual({ received: 3, applied: 0, duplicates: 0, resent: 3, refused: 0 });
    expect(again.json().results.every((r: { status: string; resent: boolean }) => r.status === 'applied' && r.resent)).toBe(true);
    expect(await records(entry.id)).toBe(3);
    expect((await steps.list(staff, entry.id)).counts).toMatchObject({ invited: 3, attended: 3, rate: 1 });
  });

  it('keeps the earliest check-in when two devices scan the same person, in either order', async () => {
    const { entry, people } = await eventWithPeople(1);
    const ticket = await ticketOf(entry.id, people[0]!.id);
    const later = await batch(staff, [{ idempotencyKey: randomUUID(), clientTime: ago(5), entryId: entry.id, ticket }], 'phone-a');
    expect(later.json().results[0].status).toBe('applied');
    const earlierTime = ago(20);
    const earlier = await batch(staff, [{ idempotencyKey: randomUUID(), clientTime: earlierTime, entryId: entry.id, ticket }], 'phone-b');
    expect(earlier.json().results[0]).toMatchObject({ status: 'duplicate', attendance: { checkedInAt: new Date(earlierTime).toISOString() } });
    const inOne = await batch(staff, [
      { idempotencyKey: randomUUID(), clientTime: ago(1), entryId: entry.id, participantId: people[0]!.id },
      { idempotencyKey: randomUUID(), clientTime: ago(2), entryId: entry.id, participantId: people[0]!.id },
    ]);
    expect(inOne.json().results.map((r: { status: string }) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect(await records(entry.id)).toBe(1);
  });

  it('marks the later scan of one person in one batch as a duplicate of the earliest', async () => {
    const { entry, people } = await eventWithPeople(1);
    const response = await batch(staff, [
      { idempotencyKey: randomUUID(), clientTime: ago(1), entryId: entry.id, participantId: people[0]!.id },
      { idempotencyKey: randomUUID(), clientTime: ago(3), entryId: entry.id, participantId: people[0]!.id },
    ]);
    expect(response.json().results.map((r: { status: string }) => r.status)).toEqual(['duplicate', 'applied']);
    expect(response.json().results[0].attendance.checkedInAt).toBe(response.json().results[1].attendance.checkedInAt);
  });

  it('gives each scan of a partly bad batch its own result and keeps the good ones', async () => {
    const { entry, people } = await eventWithPeople(2);
    const response = await batch(staff, [
      { idempotencyKey: randomUUID(), clientTime: ago(1), entryId: entry.id, participantId: people[0]!.id },
      { idempotencyKey: randomUUID(), clientTime: 'yesterday', entryId: entry.id, participantId: people[1]!.id },
      { idempotencyKey: randomUUID(), clientTime: ago(1), entryId: entry.id, participantId: randomUUID() },
      { idempotencyKey: randomUUID(), clientTime: new Date(Date.now() + 3_600_000).toISOString(), entryId: entry.id, participantId: people[1]!.id },
      { idempotencyKey: randomUUID(), clientTime: ago(1), entryId: entry.id },
    ]);
    expect(response.statusCode).toBe(200);
    expect(response.json().results.map((r: { status: string; reason: string | null }) => r.reason ?? r.status)).toEqual(['applied', 'invalid', 'not_participant', 'clock', 'invalid']);
    expect(response.json().results[1].message).toContain('clientTime');
    expect(await records(entry.id)).toBe(1);
  });

  it('refuses forged, expired, revoked, other-event, other-occurrence and wrong-kind codes, saying which', async () => {
    const { entry, people } = await eventWithPeople(2);
    const other = await eventWithPeople(1);
    const series = await steps.entry(staff, { ...future, rrule: 'FREQ=WEEKLY;COUNT=3' });
    const sp = await steps.participant(staff, series.id, { name: 'Weekly', notify: false });
    const good = await ticketOf(entry.id, people[0]!.id);
    const [body, mac] = good.split('.');
    const claims = JSON.parse(Buffer.from(body!, 'base64url').toString());
    const forged = `${Buffer.from(JSON.stringify({ ...claims, p: people[1]!.id })).toString('base64url')}.${mac}`;
    const expired = signToken(t.app.ctx.signingKey, TICKET_PURPOSE, claims, new Date(Date.now() - 1000));
    const revokedTicket = await ticketOf(entry.id, people[1]!.id);
    expect((await t.as(staff, { method: 'PATCH', url: `/api/v1/entries/${entry.id}/participants/${people[1]!.id}`, payload: { revokeTicket: true } })).statusCode).toBe(200);
    const otherEvent = await ticketOf(other.entry.id, other.people[0]!.id);
    const firstWeek = await ticketOf(series.id, sp.id, '?recurrenceId=2027-03-02T09:00:00');
    const eventCode = (await t.as(staff, { method: 'GET', url: `/api/v1/entries/${entry.id}/event-code` })).json().code;
    const scan = (ticket: string, extra: Record<string, unknown> = {}) => ({ idempotencyKey: randomUUID(), clientTime: ago(1), entryId: entry.id, ticket, ...extra });
    const response = await batch(staff, [
      scan(forged), scan(expired), scan(revokedTicket), scan(otherEvent),
      scan(firstWeek, { entryId: series.id, recurrenceId: '2027-03-09T09:00:00' }), scan(eventCode),
    ]);
    const results = response.json().results as { reason: string; message: string }[];
    expect(results.map((r) => r.reason)).toEqual(['forged', 'expired', 'revoked', 'other_event', 'other_occurrence', 'wrong_code_type']);
    expect(results[3]!.message).toBe('This code is for another event.');
    const fresh = await batch(staff, [scan(await ticketOf(entry.id, people[1]!.id)), scan(firstWeek, { entryId: series.id })]);
    expect(fresh.json().results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied']);
  });

  it('lets a participant with an account check themself in with the event code; refuses others and revoked codes', async () => {
    const entry = await steps.entry(staff, future);
    await steps.participant(staff, entry.id, { userId: member.userId, notify: false });
    const code = (await t.as(staff, { method: 'GET', url: `/api/v1/entries/${entry.id}/event-code` })).json().code;
    const png = await t.as(staff, { method: 'GET', url: `/api/v1/entries/${entry.id}/event-code?format=png` });
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    const self = await t.as(member, { method: 'POST', url: '/api/v1/attendance/self-check-in', payload: { eventCode: code } });
    expect(self.json()).toMatchObject({ status: 'applied', attendance: { method: 'qr' } });
    expect((await t.as(viewer, { method: 'POST', url: '/api/v1/attendance/self-check-in', payload: { eventCode: code } })).json().reason).toBe('not_found');
    const renewed = await t.as(staff, { method: 'POST', url: `/api/v1/entries/${entry.id}/event-code/revoke`, payload: {} });
    expect(renewed.statusCode).toBe(200);
    expect((await t.as(member, { method: 'POST', url: '/api/v1/attendance/self-check-in', payload: { eventCode: code } })).json().reason).toBe('revoked');
    expect((await t.as(member, { method: 'POST', url: '/api/v1/attendance/self-check-in', payload: { eventCode: renewed.json().code } })).json().status).toBe('duplicate');
  });

  it('registers a walk-in as a participant checked in at once, counted apart from the invited', async () => {
    const { entry } = await eventWithPeople(2);
    const walkIn = await t.as(staff, { method: 'POST', url: `/api/v1/entries/${entry.id}/walk-ins`, payload: { name: 'Walk-in farmer', organisation: 'Farmers association' } });
    expect(walkIn.statusCode, walkIn.body).toBe(201);
    expect(walkIn.json()).toMatchObject({ isWalkIn: true, attendance: { status: 'checked_in' } });
    expect((await steps.list(staff, entry.id)).counts).toMatchObject({ invited: 2, attended: 1, walkIns: 1, attendedInvited: 0, rate: 0 });
  });

  it('prints the ticket sheet (HTML and PDF) and a PNG ticket; outsiders get 404, a participant their own ticket only', async () => {
    const entry = await steps.entry(staff, future);
    const mine = await steps.participant(staff, entry.id, { userId: viewer.userId, notify: false });
    const other = await steps.participant(staff, entry.id, { name: '<b>Escaped</b>', notify: false });
    const html = await t.as(staff, { method: 'GET', url: `/api/v1/entries/${entry.id}/tickets` });
    expect(html.body).toContain('&lt;b&gt;Escaped&lt;/b&gt;');
    expect(html.body.match(/data:image\/png;base64/g)).toHaveLength(2);
    const pdf = await t.as(staff, { method: 'GET', url: `/api/v1/entries/${entry.id}/tickets?format=pdf` });
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const png = await t.as(viewer, { method: 'GET', url: `/api/v1/entries/${entry.id}/participants/${mine.id}/ticket?format=png` });
    expect(png.statusCode).toBe(200);
    expect((await t.as(viewer, { method: 'GET', url: `/api/v1/entries/${entry.id}/participants/${other.id}/ticket` })).statusCode).toBe(404);
    expect((await t.as(viewer, { method: 'GET', url: `/api/v1/entries/${entry.id}/tickets` })).statusCode).toBe(404);
    const refused = await batch(viewer, [{ idempotencyKey: randomUUID(), clientTime: ago(1), entryId: entry.id, participantId: other.id }]);
    expect(refused.json().results[0].reason).toBe('not_found');
    // A key is the sender's: someone else sending it learns nothing of the first scan.
    const key = randomUUID();
    await batch(staff, [{ idempotencyKey: key, clientTime: ago(1), entryId: entry.id, participantId: other.id }]);
    expect((await batch(viewer, [{ idempotencyKey: key, clientTime: ago(1), entryId: entry.id, participantId: other.id }])).json().results[0]).toMatchObject({ reason: 'key_in_use', participantId: null });
  });

  it('marks someone absent by hand and counts actual against expected', async () => {
    const { entry, people } = await eventWithPeople(3);
    await batch(staff, [{ idempotencyKey: randomUUID(), clientTime: ago(1), entryId: entry.id, participantId: people[0]!.id }]);
    const absent = await t.as(staff, { method: 'PUT', url: `/api/v1/entries/${entry.id}/participants/${people[1]!.id}/attendance`, payload: { status: 'absent' } });
    expect(absent.statusCode, absent.body).toBe(200);
    expect((await t.as(staff, { method: 'PUT', url: `/api/v1/entries/${entry.id}/attendance/expected`, payload: { expected: 5 } })).statusCode).toBe(200);
    expect((await steps.list(staff, entry.id)).counts).toMatchObject({ attended: 1, expected: 5, difference: -4 });
    const [row] = await t.testDb.database.query<{ attended: number; expected: number }>('select attended, expected from attendance_occurrences where entry_id = $1', [entry.id]);
    expect(row).toEqual({ attended: 1, expected: 5 });
    const back = await batch(staff, [{ idempotencyKey: randomUUID(), clientTime: ago(1), entryId: entry.id, participantId: people[1]!.id }]);
    expect(back.json().results[0].status).toBe('applied');
  });
});
