import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.js';
import { calendarIdOf, entryPayload } from '../../../test/support/fixtures.js';
import { createAppWorker } from '../../app-worker.js';
import { liveBusFor } from './live.js';

let t: TestApp;
let staff: Session;
const logLines: string[] = [];
beforeAll(async () => {
  const stream = new Writable({ write: (chunk: Buffer, _encoding, done) => (logLines.push(chunk.toString('utf8')), done()) });
  // No SMTP_URL: e-mail is kept in the mail outbox.
  t = await createTestApp({ PUBLIC_URL: 'https://kalendaryo.example.org' }, { logger: { level: 'info', stream } });
  staff = await t.userSession('staff');
});
afterAll(async () => t?.close());

const TOKEN_IN_LINK = /\/rsvp\?token=([\w.-]+)/;

describe('reply links are neither logged nor stored readable', () => {
  it('the outbox rows and the kept mail hold no token; the admin reading the mail outbox gets a working link; the access log redacts it', async () => {
    const calendarId = await calendarIdOf(t, staff, 'coordination');
    const start = new Date(Date.now() + 5 * 86_400_000);
    const entry = (await t.as(staff, { method: 'POST', url: '/api/v1/entries', payload: entryPayload(calendarId, { title: 'Water board', start: start.toISOString(), end: new Date(start.getTime() + 3600_000).toISOString() }) })).json();
    const added = await t.as(staff, { method: 'POST', url: `/api/v1/entries/${entry.id}/participants`, payload: { name: 'Amina Guest', email: 'amina@example.org' } });
    expect(added.statusCode, added.body).toBe(201);
    const { database, config } = t.app.ctx;
    const worker = createAppWorker({ database, config, live: liveBusFor(database), signingKey: t.app.ctx.signingKey, periodic: false });
    await worker.drain();
    await worker.stop();

    const stored = await database.query<{ payload: unknown; text: string; html: string }>(
      `select n.payload, m.text, m.html from notifications n join mail_outbox m on m.notification_id = n.id where n.entry_id = $1 and n.type = 'invitation'`, [entry.id]);
    expect(stored).toHaveLength(1);
    const row = JSON.stringify(stored[0]);
    expect(row).not.toMatch(/token/i);
    expect(stored[0]!.text).toContain('Reply: going, maybe or not going: {{reply-link}}');

    const admin = await t.login(t.admin.email, t.admin.password);
    const mail = ((await t.as(admin, { method: 'GET', url: '/api/v1/admin/mail-outbox' })).json().items as { recipient: string; text: string; html: string }[]).find((m) => m.recipient === 'amina@example.org')!;
    const token = TOKEN_IN_LINK.exec(mail.text)![1]!;
    expect(mail.html).toContain(`https://kalendaryo.example.org/rsvp?token=${token}`);

    logLines.length = 0;
    const page = await t.app.inject({ method: 'GET', url: `/rsvp?token=${token}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Water board');
    const info = await t.app.inject({ method: 'GET', url: `/api/v1/rsvp?token=${encodeURIComponent(token)}` });
    expect(info.statusCode, info.body).toBe(200);
    const logged = logLines.join('');
    expect(logged).toContain('"url":"/rsvp?token=[redacted]"');
    expect(logged).toContain('"url":"/api/v1/rsvp?token=[redacted]"');
    expect(logged).not.toContain(token.split('.')[1]!);
  });
});
