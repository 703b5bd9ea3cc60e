import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.js';
import { smsLength } from '../../core/notifications/sms.js';
import { createAppWorker } from '../../app-worker.js';
import { enqueueNotification } from './enqueue.js';
import { liveBusFor } from './live.js';

// A real HTTP server standing in for the SMS provider: records what it is sent, answers 500 on demand.
const received: { auth: string | undefined; body: { to: string; message: string } }[] = [];
let failNext = false;
let provider: Server;
let t: TestApp;
let staff: Session;
beforeAll(async () => {
  provider = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      if (failNext) {
        failNext = false;
        res.writeHead(500).end();
        return;
      }
      received.push({ auth: req.headers.authorization, body: JSON.parse(body) as { to: string; message: string } });
      res.writeHead(202).end('{}');
    });
  });
  await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
  const port = (provider.address() as { port: number }).port;
  t = await createTestApp({ SMS_URL: `http://127.0.0.1:${port}/send`, SMS_API_KEY: 'sms-secret' });
  staff = await t.userSession('staff');
});
afterAll(async () => {
  await t?.close();
  await new Promise((resolve) => provider?.close(resolve));
});

describe('SMS through the generic HTTP provider', () => {
  it('sends one SMS (cut to fit) with the bearer key when the user turned SMS on with a phone number, retrying a provider error', async () => {
    const patch = await t.as(staff, { method: 'PATCH', url: '/api/v1/me/notification-preferences', payload: { channels: { sms: true, email: false, push: false }, phone: '+639171234567' } });
    expect(patch.statusCode, patch.body).toBe(200);
    const title = `Approved: ${'very long vehicle booking title '.repeat(10)}`;
    await t.testDb.database.db.transaction((tx) => enqueueNotification(tx, { organizationId: t.organizationId, recipientUserId: staff.userId, type: 'booking_decision', dedupeKey: 'booking:sms', payload: { title } }));
    let clock = new Date(Date.now() + 1000);
    const { database, config } = t.app.ctx;
    const worker = createAppWorker({ database, signingKey: t.app.ctx.signingKey, config, live: liveBusFor(database), databaseClock: async () => clock, periodic: false });
    failNext = true;
    await worker.drain();
    const [pending] = await database.query<{ status: string; attempts: number; last_error: string; scheduled_at: Date }>(`select status, attempts, last_error, scheduled_at from notifications where dedupe_key = 'booking:sms' and channel = 'sms'`);
    expect(pending).toMatchObject({ status: 'pending', attempts: 1, last_error: 'SMS provider answered 500' });
    clock = new Date(pending!.scheduled_at.getTime() + 1);
    await worker.drain();
    await worker.stop();
    expect(received).toHaveLength(1);
    expect(received[0]!.auth).toBe('Bearer sms-secret');
    expect(received[0]!.body.to).toBe('+639171234567');
    expect(received[0]!.body.message.startsWith('Approved: very long')).toBe(true);
    expect(smsLength(received[0]!.body.message).units).toBeLessThanOrEqual(160);
  });

  it('refuses a phone number that is not E.164 (400 naming it)', async () => {
    const bad = await t.as(staff, { method: 'PATCH', url: '/api/v1/me/notification-preferences', payload: { phone: '0917 123 4567' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('phone');
  });
});

describe('push devices', () => {
  it('registers a device once per endpoint, lists and forgets it, and hides other users\' devices (404)', async () => {
    const device = { endpoint: 'https://push.example.org/send/abc', keys: { p256dh: 'BN'.padEnd(87, 'x'), auth: 'authsecret12' } };
    const first = await t.as(staff, { method: 'POST', url: '/api/v1/me/push-subscriptions', payload: device });
    expect(first.statusCode, first.body).toBe(201);
    const again = await t.as(staff, { method: 'POST', url: '/api/v1/me/push-subscriptions', payload: device });
    expect(again.json().id).toBe(first.json().id);
    expect((await t.as(staff, { method: 'GET', url: '/api/v1/me/push-subscriptions' })).json().items).toHaveLength(1);
    const other = await t.userSession('staff');
    expect((await t.as(other, { method: 'DELETE', url: `/api/v1/me/push-subscriptions/${first.json().id}` })).statusCode).toBe(404);
    expect((await t.as(staff, { method: 'DELETE', url: `/api/v1/me/push-subscriptions/${first.json().id}` })).statusCode).toBe(204);
    const insecure = await t.as(staff, { method: 'POST', url: '/api/v1/me/push-subscriptions', payload: { ...device, endpoint: 'http://push.example.org/x' } });
    expect(insecure.statusCode).toBe(400);
    expect(insecure.json().errors[0].field).toBe('endpoint');
    expect((await t.as(staff, { method: 'GET', url: '/api/v1/push/vapid-public-key' })).json()).toEqual({ publicKey: null });
  });

  it('keeps per-entry reminder overrides to entries the user can see', async () => {
    const response = await t.as(staff, { method: 'PUT', url: `/api/v1/entries/${crypto.randomUUID()}/reminders`, payload: { reminderMinutes: [30] } });
    expect(response.statusCode).toBe(404);
    const tooLong = await t.as(staff, { method: 'PUT', url: `/api/v1/entries/${crypto.randomUUID()}/reminders`, payload: { reminderMinutes: [20_000] } });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().errors[0].field).toBe('reminderMinutes.0');
  });
});
