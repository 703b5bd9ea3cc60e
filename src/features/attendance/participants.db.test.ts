import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.js';
import { signToken } from '../../core/signing/signed-token.js';
import { recordRsvpByEmail } from './record-rsvp.js';
import { RSVP_PURPOSE, rsvpLink } from './rsvp-links.js';
import { attendanceSteps } from './test-helpers.js';

let t: TestApp;
let staff: Session;
let colleague: Session & { email: string };
let viewer: Session;
let steps: ReturnType<typeof attendanceSteps>;
beforeAll(async () => {
  t = await createTestApp();
  staff = await t.userSession('staff');
  colleague = await t.userSession('staff');
  viewer = await t.userSession('viewer');
  steps = attendanceSteps(t);
});
afterAll(async () => t?.close());

const tokenOf = (url: string) => new URL(url).searchParams.get('token')!;

describe('participants and RSVP', () => {
  it('invites a staff user and an external contact, enqueues their invitations, counts them (201)', async () => {
    const entry = await steps.entry(staff);
    const user = await steps.participant(staff, entry.id, { userId: colleague.userId, role: 'facilitator' });
    expect(user).toMatchObject({ name: expect.stringContaining('Test staff'), email: colleague.email, role: 'facilitator', rsvp: 'invited' });
    await steps.participant(staff, entry.id, { name: 'Datu Ali', organisation: 'Barangay council', phone: '+63 917 000 0000', email: 'ali@example.org' });
    const outbox = await t.testDb.database.query<{ type: string; dedupe_key: string; payload: { participantId: string; rsvpExpiresAt: string } }>(
      'select type, dedupe_key, payload from notifications where entry_id = $1 order by dedupe_key', [entry.id]);
    expect(outbox.length).toBeGreaterThanOrEqual(2);
    // What makes the reply link is kept, not the link (it is signed at delivery).
    expect(outbox.every((n) => n.type === 'invitation' && n.payload.participantId && Date.parse(n.payload.rsvpExpiresAt) > Date.now() && !JSON.stringify(n.payload).includes('token'))).toBe(true);
    const list = await steps.list(staff, entry.id);
    expect(list.counts).toMatchObject({ invited: 2, going: 0, attended: 0, rate: 0 });
    expect(list.participants).toHaveLength(2);
  });

  it('refuses the same person twice (409) and a bad field by name (400)', async () => {
    const entry = await steps.entry(staff);
    await steps.participant(staff, entry.id, { name: 'A', email: 'a@example.org' });
    const again = await t.as(staff, { method: 'POST', url: `/api/v1/entries/${entry.id}/participants`, payload: { name: 'A again', email: 'A@example.org' } });
    expect(again.statusCode).toBe(409);
    const bad = await t.as(staff, { method: 'POST', url: `/api/v1/entries/${entry.id}/participants`, payload: { name: 'B', email: 'not-mail' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('email');
  });

  it('validates report fields against the organisation\'s definitions (400 naming the field)', async () => {
    const admin = await t.login(t.admin.email, t.admin.password);
    const put = await t.as(admin, { method: 'PUT', url: '/api/v1/attendance/report-fields', payload: { fields: [{ key: 'sex', label: 'Sex', type: 'select', options: ['female', 'male'], required: true }] } });
    expect(put.statusCode, put.body).toBe(200);
    expect((await t.as(staff, { method: 'PUT', url: '/api/v1/attendance/report-fields', payload: { fields: [] } })).statusCode).toBe(403);
    const entry = await steps.entry(staff);
    const missing = await t.as(staff, { method: 'POST', url: `/api/v1/entries/${entry.id}/participants`, payload: { name: 'C', reportValues: { sex: 'x' } } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].field).toBe('reportValues.sex');
    await steps.participant(staff, entry.id, { name: 'C', reportValues: { sex: 'female' } });
    await t.as(admin, { method: 'PUT', url: '/api/v1/attendance/report-fields', payload: { fields: [] } });
  });

  it('lets a participant answer for themself, for one occurrence or the whole series', async () => {
    const series = await steps.entry(staff, { rrule: 'FREQ=WEEKLY;COUNT=4' });
    await steps.participant(staff, series.id, { userId: colleague.userId });
    const whole = await t.as(colleague, { method: 'POST', url: `/api/v1/entries/${series.id}/rsvp`, payload: { response: 'going' } });
    expect(whole.statusCode, whole.body).toBe(200);
    const one = await t.as(colleague, { method: 'POST', url: `/api/v1/entries/${series.id}/rsvp`, payload: { response: 'declined', recurrenceId: '2026-03-09T09:00:00' } });
    expect(one.statusCode, one.body).toBe(200);
    expect((await steps.list(staff, series.id, '2026-03-09T09:00:00')).counts).toMatchObject({ going: 0, declined: 1 });
    expect((await steps.list(staff, series.id, '2026-03-16T09:00:00')).counts).toMatchObject({ going: 1, declined: 0 });
    expect((await steps.list(staff, series.id)).counts).toMatchObject({ going: 1 });
    const notOne = await t.as(colleague, { method: 'POST', url: `/api/v1/entries/${series.id}/rsvp`, payload: { response: 'going', recurrenceId: '2026-03-10T09:00:00' } });
    expect(notOne.statusCode).toBe(404);
    // Someone who takes no part gets 404, as if the entry did not exist.
    expect((await t.as(viewer, { method: 'POST', url: `/api/v1/entries/${series.id}/rsvp`, payload: { response: 'going' } })).statusCode).toBe(404);
  });

  it('answers through a signed link without signing in; refuses a tampered (400) and an expired (410) one', async () => {
    const entry = await steps.entry(staff);
    const p = await steps.participant(staff, entry.id, { name: 'Bai Fatima', email: 'fatima@example.org' });
    const ctx = { signingKey: t.app.ctx.signingKey, publicUrl: 'https://cal.example.org' };
    const url = rsvpLink(ctx, { organizationId: t.organizationId, entryId: entry.id, participantId: p.id, expiresAt: new Date(Date.now() + 86_400_000) });
    expect(url.startsWith('https://cal.example.org/rsvp?token=')).toBe(true);
    const token = tokenOf(url);
    const info = await t.app.inject({ method: 'GET', url: `/api/v1/rsvp?token=${token}` });
    expect(info.json()).toMatchObject({ entryTitle: 'Community consultation', participantName: 'Bai Fatima', response: 'invited' });
    const page = await t.app.inject({ method: 'GET', url: `/rsvp?token=${token}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Bai Fatima');
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/rsvp', payload: { token, response: 'going' } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await steps.list(staff, entry.id)).counts).toMatchObject({ going: 1 });

    const [body, mac] = token.split('.');
    const claims = JSON.parse(Buffer.from(body!, 'base64url').toString());
    const otherBody = Buffer.from(JSON.stringify({ ...claims, p: '00000000-0000-4000-8000-000000000000' })).toString('base64url');
    const tampered = await t.app.inject({ method: 'POST', url: '/api/v1/rsvp', payload: { token: `${otherBody}.${mac}`, response: 'declined' } });
    expect(tampered.statusCode).toBe(400);
    expect(tampered.json().reason).toBe('invalid');
    const expired = signToken(t.app.ctx.signingKey, RSVP_PURPOSE, { o: t.organizationId, e: entry.id, p: p.id, t: null }, new Date(Date.now() - 1000));
    const late = await t.app.inject({ method: 'POST', url: '/api/v1/rsvp', payload: { token: expired, response: 'declined' } });
    expect(late.statusCode).toBe(410);
    expect(late.json().reason).toBe('expired');
    const expiredPage = await t.app.inject({ method: 'GET', url: `/rsvp?token=${expired}` });
    expect(expiredPage.statusCode).toBe(410);
    expect((await steps.list(staff, entry.id)).counts).toMatchObject({ going: 1, declined: 0 });
  });

  it('records an answer by e-mail for other features (recordRsvpByEmail), false for a stranger', async () => {
    const entry = await steps.entry(staff);
    await steps.participant(staff, entry.id, { name: 'Guest', email: 'guest@example.org' });
    const db = t.testDb.database.db;
    expect(await db.transaction((tx) => recordRsvpByEmail(tx, { organizationId: t.organizationId, entryId: entry.id, email: 'GUEST@example.org', response: 'maybe' }))).toBe(true);
    expect(await db.transaction((tx) => recordRsvpByEmail(tx, { organizationId: t.organizationId, entryId: entry.id, email: 'nobody@example.org', response: 'maybe' }))).toBe(false);
    expect((await steps.list(staff, entry.id)).counts).toMatchObject({ maybe: 1 });
  });

  it('keeps participants from outsiders (404) and contact details from mere viewers', async () => {
    const personal = await steps.entry(staff, {}, 'personal');
    expect((await t.as(colleague, { method: 'GET', url: `/api/v1/entries/${personal.id}/participants` })).statusCode).toBe(404);
    expect((await t.as(colleague, { method: 'POST', url: `/api/v1/entries/${personal.id}/participants`, payload: { name: 'X' } })).statusCode).toBe(404);
    const entry = await steps.entry(staff);
    const p = await steps.participant(staff, entry.id, { name: 'Private person', phone: '123' });
    expect((await t.as(viewer, { method: 'POST', url: `/api/v1/entries/${entry.id}/participants`, payload: { name: 'X' } })).statusCode).toBe(404);
    expect((await t.as(viewer, { method: 'DELETE', url: `/api/v1/entries/${entry.id}/participants/${p.id}` })).statusCode).toBe(404);
    const seen = await t.as(viewer, { method: 'GET', url: `/api/v1/entries/${entry.id}/participants` });
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ canManage: false, participants: [], counts: { invited: 1 } });
  });
});
