import ICAL from 'ical.js';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.js';
import { calendarIdOf, entryPayload } from '../../../test/support/fixtures.js';
import { type SmtpSink, startSmtpSink } from '../../../test/support/smtp.js';
import { createAppWorker } from '../../app-worker.js';
import type { Worker } from '../../jobs/worker.js';
import { enqueueNotification } from './enqueue.js';
import { liveBusFor, type LiveEvent } from './live.js';
import { planChangeNotices } from './plan-changes.js';
import { planReminders } from './plan-reminders.js';

let t: TestApp;
let sink: SmtpSink;
let staff: Session & { email: string };
let calendarId: string;
let clock = new Date();
let worker: Worker;

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await createTestApp({ SMTP_URL: sink.url, PUBLIC_URL: 'https://kalendaryo.example.org' });
  staff = await t.userSession('staff');
  calendarId = await calendarIdOf(t, staff, 'personal');
  const { database, config } = t.app.ctx;
  worker = createAppWorker({ database, signingKey: t.app.ctx.signingKey, config, live: liveBusFor(database), databaseClock: async () => clock, periodic: false, concurrency: 4 });
});
afterAll(async () => {
  await worker?.stop();
  await t?.close();
  await sink?.close();
});

const rows = (where: string, params: unknown[] = []) =>
  t.testDb.database.query<{ id: string; type: string; channel: string; status: string; scheduled_at: Date; attempts: number; last_error: string | null; dedupe_key: string }>(
    `select id, type, channel, status, scheduled_at, attempts, last_error, dedupe_key from notifications where ${where} order by scheduled_at`, params);

async function createEntry(session: Session, start: Date, minutes = 60, extra: Record<string, unknown> = {}) {
  const response = await t.as(session, {
    method: 'POST', url: '/api/v1/entries',
    payload: entryPayload(calendarId, { start: start.toISOString(), end: new Date(start.getTime() + minutes * 60_000).toISOString(), ...extra }),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; version: number };
}

const calendarPart = async (raw: string) => {
  const mail = await simpleParser(raw);
  const part = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  return { mail, ics: part?.content.toString('utf8') ?? null };
};

describe('reminders by e-mail and in-app', () => {
  it('plans reminders for the organiser, delivers them once over SMTP and in-app, and reschedules them when the entry moves', async () => {
    clock = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 3600_000 * 24 * 3);
    const start = new Date(clock.getTime() + 3 * 3600_000);
    const entry = await createEntry(staff, start, 60, { title: 'Water system <handover> & review' });
    expect(await planReminders(t.testDb.database, clock)).toBeGreaterThan(0);
    await planReminders(t.testDb.database, clock); // idempotent
    const planned = await rows(`entry_id = $1 and status = 'pending'`, [entry.id]);
    // 1 day before is already past: only it (sent now) and 1 hour before; email + in_app + push each.
    expect(planned.map((r) => `${r.channel}:${r.dedupe_key.split(':').at(-2)}`).sort()).toEqual(['email:1440', 'email:60', 'in_app:1440', 'in_app:60', 'push:1440', 'push:60']);

    // Moving the entry cancels the pending reminders (trigger) and the planner writes new ones.
    const moved = new Date(start.getTime() + 2 * 3600_000);
    const patch = await t.as(staff, { method: 'PATCH', url: `/api/v1/entries/${entry.id}`, headers: { 'if-match': `"${entry.version}"` }, payload: { start: moved.toISOString(), end: new Date(moved.getTime() + 3600_000).toISOString() } });
    expect(patch.statusCode, patch.body).toBe(200);
    expect(await rows(`entry_id = $1 and status = 'pending'`, [entry.id])).toEqual([]);
    await planReminders(t.testDb.database, clock);
    const replanned = await rows(`entry_id = $1 and status = 'pending' and channel = 'email'`, [entry.id]);
    expect(replanned.map((r) => r.scheduled_at.getTime())).toContain(moved.getTime() - 3600_000);

    const events: LiveEvent[] = [];
    const bus = liveBusFor(t.testDb.database);
    const off = bus.subscribe(staff.userId, (e) => events.push(e));
    await bus.heard();
    expect(await worker.drain()).toBeGreaterThan(0);
    // On PostgreSQL the event comes back through NOTIFY, a moment after the delivery.
    await expect.poll(() => events.length).toBe(1);
    off();
    const mails = await sink.waitFor(1);
    const reminder = mails.find((m) => m.subject?.startsWith('Reminder:'))!;
    expect(reminder.to).toEqual([staff.email]);
    const { mail } = await calendarPart(reminder.raw!);
    expect(mail.html).toContain('Water system &lt;handover&gt; &amp; review');
    expect(mail.text).toContain('Water system <handover> & review');
    expect(events.map((e) => e.title)).toEqual(['Reminder: Water system <handover> & review']);
    // Push has no device registered (and no VAPID keys here): cancelled, not failed.
    expect((await rows(`entry_id = $1 and channel = 'push' and status <> 'pending' and last_error not like 'preferences%'`, [entry.id])).map((r) => [r.status, r.last_error]))
      .toContainEqual(['cancelled', 'web push is not configured (VAPID keys)']);
    expect(await rows(`entry_id = $1 and status = 'failed'`, [entry.id])).toEqual([]);

    // The notification centre: unread, then read.
    const list = await t.as(staff, { method: 'GET', url: '/api/v1/notifications' });
    expect(list.statusCode, list.body).toBe(200);
    const inbox = list.json() as { items: { id: string; title: string; readAt: string | null }[]; unreadCount: number };
    expect(inbox.unreadCount).toBe(1);
    expect(inbox.items[0]!.title).toBe('Reminder: Water system <handover> & review');
    expect((await t.as(staff, { method: 'POST', url: `/api/v1/notifications/${inbox.items[0]!.id}/read` })).statusCode).toBe(204);
    expect((await t.as(staff, { method: 'GET', url: '/api/v1/notifications/unread-count' })).json()).toEqual({ unreadCount: 0 });
    const other = await t.userSession('staff');
    expect((await t.as(other, { method: 'POST', url: `/api/v1/notifications/${inbox.items[0]!.id}/read` })).statusCode).toBe(404);

    // Delivering again sends nothing: every row is sent, cancelled or not yet due.
    const before = sink.mails.length;
    await worker.drain();
    expect(sink.mails.length).toBe(before);
  });

  it('cancels the pending reminders of a cancelled or deleted entry', async () => {
    const start = new Date(clock.getTime() + 30 * 3600_000);
    const entry = await createEntry(staff, start);
    await planReminders(t.testDb.database, clock);
    expect((await rows(`entry_id = $1 and status = 'pending'`, [entry.id])).length).toBeGreaterThan(0);
    const deleted = await t.as(staff, { method: 'DELETE', url: `/api/v1/entries/${entry.id}`, headers: { 'if-match': `"${entry.version}"` } });
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect(await rows(`entry_id = $1 and status = 'pending'`, [entry.id])).toEqual([]);
    await planReminders(t.testDb.database, clock);
    expect(await rows(`entry_id = $1 and status = 'pending'`, [entry.id])).toEqual([]);
  });
});

describe('invitations and cancellations carry iTIP', () => {
  it('sends METHOD:REQUEST with the recipient as ATTENDEE, then METHOD:CANCEL, both parsed by ical.js', async () => {
    const start = new Date(clock.getTime() + 50 * 3600_000);
    const entry = await createEntry(staff, start, 90, { title: 'Barangay consultation', location: 'Datu Piang hall' });
    const { db } = t.testDb.database;
    await db.transaction((tx) => enqueueNotification(tx, { organizationId: t.organizationId, recipientEmail: 'guest@example.org', type: 'invitation', entryId: entry.id, dedupeKey: 'invitation:test-1' }));
    await db.transaction((tx) => enqueueNotification(tx, { organizationId: t.organizationId, recipientEmail: 'guest@example.org', type: 'cancellation', entryId: entry.id, dedupeKey: 'cancellation:test-1' }));
    const count = sink.mails.length;
    await worker.drain();
    const mails = (await sink.waitFor(count + 2)).slice(count);
    const methods: string[] = [];
    for (const m of mails) {
      const { ics, mail } = await calendarPart(m.raw!);
      expect(ics, m.subject ?? '').not.toBeNull();
      const calendar = new ICAL.Component(ICAL.parse(ics!));
      methods.push(String(calendar.getFirstPropertyValue('method')));
      const event = calendar.getFirstSubcomponent('vevent')!;
      expect(event.getFirstPropertyValue('summary')).toBe('Barangay consultation');
      expect(String(event.getFirstProperty('attendee')!.getFirstValue())).toBe('mailto:guest@example.org');
      expect(new ICAL.Event(event).startDate.toJSDate().getTime()).toBe(start.getTime());
      expect(mail.messageId).toMatch(/@kalendaryo\.notifications>?$/);
    }
    expect(methods.sort()).toEqual(['CANCEL', 'REQUEST']);
  });
});

describe('an invitation through attendance, answered by link and by iTIP REPLY', () => {
  it('mails the signed RSVP link and the REQUEST; the link answers, and a REPLY from the mail client updates the RSVP', async () => {
    const start = new Date(clock.getTime() + 70 * 3600_000);
    const entry = await createEntry(staff, start, 60, { title: 'Health mission planning' });
    const added = await t.as(staff, { method: 'POST', url: `/api/v1/entries/${entry.id}/participants`, payload: { name: 'Amina Guest', email: 'amina@example.org' } });
    expect(added.statusCode, added.body).toBe(201);
    const count = sink.mails.length;
    clock = new Date(Math.max(clock.getTime(), Date.now() + 1000));
    await worker.drain();
    const invitation = (await sink.waitFor(count + 1)).slice(count).find((m) => m.to.includes('amina@example.org'))!;
    expect(invitation.subject).toBe('Invitation: Health mission planning');
    const { mail, ics } = await calendarPart(invitation.raw!);
    expect(new ICAL.Component(ICAL.parse(ics!)).getFirstPropertyValue('method')).toBe('REQUEST');
    const link = /https:\/\/kalendaryo\.example\.org\/rsvp\?token=[\w.-]+/.exec(mail.text!)![0];
    expect(mail.html).toContain(link);
    // Follow the link: the page, then the answer it posts.
    const token = new URL(link).searchParams.get('token')!;
    const page = await t.app.inject({ method: 'GET', url: `/rsvp?token=${encodeURIComponent(token)}` });
    expect(page.statusCode).toBe(200);
    const answered = await t.app.inject({ method: 'POST', url: '/api/v1/rsvp', payload: { token, response: 'going' } });
    expect(answered.statusCode, answered.body).toBe(200);
    const rsvpOf = async () => ((await t.as(staff, { method: 'GET', url: `/api/v1/entries/${entry.id}/participants` })).json().participants as { email: string; rsvp: string }[]).find((p) => p.email === 'amina@example.org')!.rsvp;
    expect(await rsvpOf()).toBe('going');

    // The mail client's Decline: an iTIP REPLY the mail gateway posts with an admin token.
    const uid = new ICAL.Component(ICAL.parse(ics!)).getFirstSubcomponent('vevent')!.getFirstPropertyValue('uid');
    const reply = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//Mail client//EN', 'METHOD:REPLY', 'BEGIN:VEVENT', `UID:${String(uid)}`, 'DTSTAMP:20260101T000000Z',
      'ATTENDEE;PARTSTAT=DECLINED;CN=Amina Guest:mailto:Amina@example.org', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
    const admin = await t.login(t.admin.email, t.admin.password);
    const posted = await t.as(admin, { method: 'POST', url: '/api/v1/itip/reply', payload: { ics: reply } });
    expect(posted.statusCode, posted.body).toBe(200);
    expect(posted.json()).toEqual({ entryId: entry.id, email: 'amina@example.org', response: 'declined' });
    expect(await rsvpOf()).toBe('declined');
    const stranger = await t.as(admin, { method: 'POST', url: '/api/v1/itip/reply', payload: { ics: reply.replace('Amina@example.org', 'nobody@example.org') } });
    expect(stranger.statusCode).toBe(404);
    const notReply = await t.as(admin, { method: 'POST', url: '/api/v1/itip/reply', payload: { ics: reply.replace('METHOD:REPLY', 'METHOD:REQUEST') } });
    expect(notReply.statusCode).toBe(400);
    expect(notReply.json().errors[0].field).toBe('ics');
    expect((await t.as(staff, { method: 'POST', url: '/api/v1/itip/reply', payload: { ics: reply } })).statusCode).toBe(403);
  });
});

describe('participants hear of changes', () => {
  it('sends an update (REQUEST, higher SEQUENCE) when the entry moves and a cancellation (CANCEL) when it is deleted, once each', async () => {
    const start = new Date(clock.getTime() + 90 * 3600_000);
    const entry = await createEntry(staff, start, 60, { title: 'Livelihood training' });
    expect((await t.as(staff, { method: 'POST', url: `/api/v1/entries/${entry.id}/participants`, payload: { name: 'Bob Guest', email: 'bob@example.org' } })).statusCode).toBe(201);
    clock = new Date(Math.max(clock.getTime(), Date.now() + 1000));
    await worker.drain();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const moved = new Date(start.getTime() + 3600_000);
    const patch = await t.as(staff, { method: 'PATCH', url: `/api/v1/entries/${entry.id}`, headers: { 'if-match': `"${entry.version}"` }, payload: { start: moved.toISOString(), end: new Date(moved.getTime() + 3600_000).toISOString() } });
    expect(patch.statusCode, patch.body).toBe(200);
    expect(await planChangeNotices(t.testDb.database, new Date())).toBe(1);
    await planChangeNotices(t.testDb.database, new Date());
    clock = new Date(Date.now() + 1000);
    const count = sink.mails.length;
    await worker.drain();
    const update = (await sink.waitFor(count + 1)).slice(count).find((m) => m.to.includes('bob@example.org'))!;
    expect(update.subject).toBe('Updated: Livelihood training');
    const updateEvent = new ICAL.Component(ICAL.parse((await calendarPart(update.raw!)).ics!));
    expect(updateEvent.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(Number(updateEvent.getFirstSubcomponent('vevent')!.getFirstPropertyValue('sequence'))).toBeGreaterThan(0);

    const version = (patch.json() as { version: number }).version;
    expect((await t.as(staff, { method: 'DELETE', url: `/api/v1/entries/${entry.id}`, headers: { 'if-match': `"${version}"` } })).statusCode).toBe(204);
    await planChangeNotices(t.testDb.database, new Date());
    clock = new Date(Date.now() + 1000);
    await worker.drain();
    const cancel = (await sink.waitFor(count + 2)).slice(count).find((m) => m.subject === 'Cancelled: Livelihood training')!;
    expect(new ICAL.Component(ICAL.parse((await calendarPart(cancel.raw!)).ics!)).getFirstPropertyValue('method')).toBe('CANCEL');
    expect(sink.mails.filter((m) => m.to.includes('bob@example.org')).map((m) => m.subject)).toEqual([
      'Invitation: Livelihood training', 'Updated: Livelihood training', 'Cancelled: Livelihood training',
    ]);
  });
});

describe('failures and quiet hours', () => {
  it('retries with backoff, then leaves the notification failed and visible to admins', async () => {
    const { database, config } = t.app.ctx;
    const broken = createAppWorker({ database, signingKey: t.app.ctx.signingKey, config: { ...config, SMTP_URL: 'smtp://127.0.0.1:9' }, live: liveBusFor(database), databaseClock: async () => clock, periodic: false });
    await database.db.transaction((tx) => enqueueNotification(tx, { organizationId: t.organizationId, recipientEmail: 'nobody@example.org', type: 'leave_decision', dedupeKey: 'leave:fail', scheduledAt: clock, payload: { decision: 'approved' } }));
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 5; attempt++) {
      await broken.drain();
      const [row] = await rows(`dedupe_key = 'leave:fail'`);
      expect(row!.attempts).toBe(attempt);
      if (attempt < 5) {
        expect(row!.status).toBe('pending');
        waits.push(Math.round((row!.scheduled_at.getTime() - clock.getTime()) / 1000));
        clock = row!.scheduled_at;
      } else expect(row!.status).toBe('failed');
    }
    await broken.stop();
    expect(waits.map((w, i) => w >= 30 * 4 ** i && w <= 33 * 4 ** i)).toEqual([true, true, true, true]);
    const admin = await t.login(t.admin.email, t.admin.password);
    const failed = await t.as(admin, { method: 'GET', url: '/api/v1/admin/notifications?status=failed' });
    expect(failed.statusCode).toBe(200);
    expect(failed.json().items).toEqual([expect.objectContaining({ type: 'leave_decision', recipient: 'nobody@example.org', attempts: 5, lastError: expect.stringMatching(/ECONNREFUSED|connect/i) })]);
    expect((await t.as(staff, { method: 'GET', url: '/api/v1/admin/notifications' })).statusCode).toBe(403);
  });

  it('defers delivery during quiet hours to their end in the user zone, without counting an attempt', async () => {
    const night = await t.userSession('staff');
    const saved = await t.as(night, { method: 'PATCH', url: '/api/v1/me/notification-preferences', payload: { quietHours: { start: '22:00', end: '07:00' }, timeZone: 'America/New_York', channels: { push: false } } });
    expect(saved.statusCode, saved.body).toBe(200);
    // 23:30 in New York on 2026-03-07 (EST) → 07:00 EDT on 2026-03-08, the DST change day (11:00Z).
    clock = new Date('2026-03-08T04:30:00Z');
    await t.testDb.database.db.transaction((tx) => enqueueNotification(tx, { organizationId: t.organizationId, recipientUserId: night.userId, type: 'booking_decision', dedupeKey: 'booking:quiet', scheduledAt: clock }));
    await worker.drain();
    const byChannel = Object.fromEntries((await rows(`dedupe_key = 'booking:quiet'`)).map((r) => [r.channel, r]));
    expect(byChannel.email).toMatchObject({ status: 'pending', attempts: 0, scheduled_at: new Date('2026-03-08T11:00:00Z') });
    expect(byChannel.in_app!.status).toBe('sent'); // the centre is silent: no need to wait
    const bad = await t.as(night, { method: 'PATCH', url: '/api/v1/me/notification-preferences', payload: { quietHours: { start: '25:00', end: '07:00' } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('quietHours.start');
  });
});
