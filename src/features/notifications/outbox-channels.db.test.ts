import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.js';
import { calendarIdOf, entryPayload } from '../../../test/support/fixtures.js';
import { createAppWorker } from '../../app-worker.js';
import { enqueueNotification } from './enqueue.js';
import { liveBusFor } from './live.js';
import { planDigests } from './plan-digests.js';
import { planReminders } from './plan-reminders.js';

// No SMTP_URL: the embedded default, e-mail lands in the mail outbox admins read.
let t: TestApp;
let staff: Session & { email: string };
let manager: Session;
let admin: Session;
let clock = new Date('2026-03-06T12:00:00Z');
beforeAll(async () => {
  t = await createTestApp();
  staff = await t.userSession('staff');
  manager = await t.userSession('manager');
  admin = await t.login(t.admin.email, t.admin.password);
});
afterAll(async () => t?.close());

const worker = (concurrency = 4) => {
  const { database, config } = t.app.ctx;
  return createAppWorker({ database, signingKey: t.app.ctx.signingKey, config, live: liveBusFor(database), databaseClock: async () => clock, periodic: false, concurrency });
};
const mailOutbox = async () => (await t.as(admin, { method: 'GET', url: '/api/v1/admin/mail-outbox' })).json().items as { recipient: string; subject: string; text: string; html: string; ics: string | null }[];

describe('leave decisions', () => {
  it('tell the requester in the decision\'s transaction, once, by e-mail (mail outbox) and in-app', async () => {
    clock = new Date();
    const created = await t.as(staff, { method: 'POST', url: '/api/v1/modules/staff/leave', payload: { title: 'Vacation leave', startDate: '2026-07-06', endDate: '2026-07-08', details: { staffId: staff.userId, leaveType: 'vacation' } } });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const decided = await t.as(manager, { method: 'POST', url: `/api/v1/modules/staff/leave/${id}/decision`, payload: { action: 'reject', reason: 'Team <offsite> that week' } });
    expect(decided.statusCode, decided.body).toBe(200);
    const rows = await t.testDb.database.query<{ channel: string; dedupe_key: string }>(`select channel, dedupe_key from notifications where type = 'leave_decision' order by channel`);
    expect(rows).toEqual([
      { channel: 'email', dedupe_key: `leave:${id}:rejected` }, { channel: 'in_app', dedupe_key: `leave:${id}:rejected` }, { channel: 'push', dedupe_key: `leave:${id}:rejected` },
    ]);
    clock = new Date(Date.now() + 1000);
    await worker().drain();
    const mail = (await mailOutbox()).find((m) => m.recipient === staff.email)!;
    expect(mail.subject).toBe('Leave request rejected: Vacation leave');
    expect(mail.html).toContain('Reason: Team &lt;offsite&gt; that week');
    expect((await t.as(staff, { method: 'GET', url: '/api/v1/admin/mail-outbox' })).statusCode).toBe(403);
    expect((await t.as(staff, { method: 'GET', url: '/api/v1/notifications' })).json().items[0].title).toBe('Leave request rejected: Vacation leave');
  });
});

describe('several workers', () => {
  it('share 300 due notifications without sending any twice', async () => {
    clock = new Date();
    const { db } = t.testDb.database;
    await db.transaction(async (tx) => {
      for (let i = 0; i < 300; i++) await enqueueNotification(tx, { organizationId: t.organizationId, recipientEmail: `p${i}@example.org`, type: 'booking_decision', dedupeKey: `booking:many:${i}`, payload: { decision: 'approved' } });
    });
    clock = new Date(Date.now() + 1000);
    const workers = [worker(8), worker(8), worker(8)];
    const sent = await Promise.all(workers.map((w) => w.drain()));
    expect(sent.reduce((a, b) => a + b, 0)).toBe(300);
    const [count] = await t.testDb.database.query<{ n: number; d: number }>(`select count(*)::int as n, count(distinct notification_id)::int as d from mail_outbox where recipient like 'p%@example.org'`);
    expect(count).toEqual({ n: 300, d: 300 });
  });
});

describe('time zones and DST', () => {
  it('reminds at 09:00 the day before a 09:00 New York meeting the day after the DST change, and 1 hour before', async () => {
    const nyer = await t.userSession('staff');
    await t.as(nyer, { method: 'PATCH', url: '/api/v1/me/notification-preferences', payload: { timeZone: 'America/New_York', channels: { push: false, in_app: false } } });
    const calendarId = await calendarIdOf(t, nyer, 'personal');
    // Monday 9 March 2026, 09:00 EDT (DST began Sunday 8 March at 02:00).
    const created = await t.as(nyer, { method: 'POST', url: '/api/v1/entries', payload: entryPayload(calendarId, { start: '2026-03-09T09:00:00-04:00', end: '2026-03-09T10:00:00-04:00', timeZone: 'America/New_York' }) });
    expect(created.statusCode, created.body).toBe(201);
    clock = new Date('2026-03-06T12:00:00Z');
    await planReminders(t.testDb.database, clock);
    const rows = await t.testDb.database.query<{ scheduled_at: Date }>('select scheduled_at from notifications where entry_id = $1 order by scheduled_at', [created.json().id]);
    // 09:00 EDT on Sunday 8 March is 13:00Z (23 hours before, not 24); 08:00 EDT on the 9th is 12:00Z.
    expect(rows.map((r) => r.scheduled_at.toISOString())).toEqual(['2026-03-08T13:00:00.000Z', '2026-03-09T12:00:00.000Z']);
  });
});

describe('participants get reminders', () => {
  it('staff participants with their own times and channels, outside participants by e-mail, not those who declined', async () => {
    const organiser = await t.userSession('staff');
    const colleague = await t.userSession('staff');
    await t.as(colleague, { method: 'PATCH', url: '/api/v1/me/notification-preferences', payload: { reminderMinutes: [30], channels: { push: false, email: false } } });
    const calendarId = await calendarIdOf(t, organiser, 'personal');
    const created = await t.as(organiser, { method: 'POST', url: '/api/v1/entries', payload: entryPayload(calendarId, { start: '2026-05-20T09:00:00+08:00', end: '2026-05-20T10:00:00+08:00' }) });
    const entryId = created.json().id as string;
    for (const payload of [{ userId: colleague.userId, notify: false }, { name: 'Outside Guest', email: 'Guest@Example.org', notify: false }, { name: 'No Thanks', email: 'no@example.org', notify: false }]) {
      expect((await t.as(organiser, { method: 'POST', url: `/api/v1/entries/${entryId}/participants`, payload })).statusCode).toBe(201);
    }
    await t.testDb.database.query(`update entry_participants set rsvp = 'declined' where email = 'no@example.org'`);
    await planReminders(t.testDb.database, new Date('2026-05-15T00:00:00Z'));
    const rows = await t.testDb.database.query<{ who: string; channel: string; minutes: number }>(
      `select coalesce(recipient_email, recipient_user_id::text) as who, channel, (payload->>'minutesBefore')::int as minutes
         from notifications where entry_id = $1 order by who, channel, minutes`, [entryId]);
    const summary = rows.map((r) => `${r.who === organiser.userId ? 'organiser' : r.who === colleague.userId ? 'colleague' : r.who}:${r.channel}:${r.minutes}`);
    expect(summary.sort()).toEqual([
      'colleague:in_app:30',
      'guest@example.org:email:1440', 'guest@example.org:email:60',
      'organiser:email:1440', 'organiser:email:60', 'organiser:in_app:1440', 'organiser:in_app:60', 'organiser:push:1440', 'organiser:push:60',
    ]);
  });
});

describe('digests', () => {
  it('plan a daily digest for 07:00 in the user zone and list the day\'s entries when delivered', async () => {
    const reader = await t.userSession('manager');
    await t.as(reader, { method: 'PATCH', url: '/api/v1/me/notification-preferences', payload: { dailyDigest: true, timeZone: 'Asia/Manila' } });
    const calendarId = await calendarIdOf(t, reader, 'personal');
    await t.as(reader, { method: 'POST', url: '/api/v1/entries', payload: entryPayload(calendarId, { title: 'Budget hearing', start: '2026-04-15T10:00:00+08:00', end: '2026-04-15T11:00:00+08:00' }) });
    clock = new Date('2026-04-14T20:00:00Z'); // 04:00 in Manila on the 15th
    expect(await planDigests(t.testDb.database, clock)).toBeGreaterThan(0);
    expect(await planDigests(t.testDb.database, clock)).toBe(0);
    const [row] = await t.testDb.database.query<{ scheduled_at: Date; dedupe_key: string }>(`select scheduled_at, dedupe_key from notifications where type = 'digest' and channel = 'email' and recipient_user_id = $1`, [reader.userId]);
    expect(row!.scheduled_at.toISOString()).toBe('2026-04-14T23:00:00.000Z');
    clock = new Date('2026-04-14T23:00:30Z');
    await worker().drain();
    const mail = (await mailOutbox()).find((m) => m.subject.startsWith('Your daily agenda'))!;
    expect(mail.subject).toBe('Your daily agenda: 1 item(s) today');
    expect(mail.text).toContain('Budget hearing');
  });
});

describe('live delivery', () => {
  it('streams the unread count, then each in-app notification, as server-sent events', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const controller = new AbortController();
    const response = await fetch(`${address}/api/v1/notifications/stream`, { headers: { cookie: staff.cookie }, signal: controller.signal });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    let text = '';
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) text += new TextDecoder().decode((await reader.read()).value);
    };
    await readUntil('event: unread');
    await t.testDb.database.db.transaction((tx) => enqueueNotification(tx, { organizationId: t.organizationId, recipientUserId: staff.userId, type: 'booking_decision', dedupeKey: 'booking:live', payload: { title: 'Vehicle approved' } }));
    clock = new Date(Date.now() + 1000);
    await worker().drain();
    await readUntil('Vehicle approved');
    expect(text).toMatch(/event: notification\ndata: \{"userId":"[^"]+","id":"[^"]+","type":"booking_decision","title":"Vehicle approved"\}/);
    controller.abort();
  });
});
