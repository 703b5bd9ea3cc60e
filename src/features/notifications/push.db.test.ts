import { execFileSync } from 'node:child_process';
import { createECDH, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import webpush from 'web-push';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.js';
import { createAppWorker } from '../../app-worker.js';
import { defaultChannels } from './jobs.js';
import { enqueueNotification } from './enqueue.js';
import { liveBusFor } from './live.js';
import { createPushChannel } from './push-channel.js';

// A real HTTPS server (self-signed certificate made by openssl) standing in for a push service.
const hits: { path: string; encoding: string | undefined; authorization: string | undefined; bytes: number }[] = [];
let server: Server;
let port = 0;
let dir = '';
let t: TestApp;
let staff: Session;
const vapid = webpush.generateVAPIDKeys();

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'push-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
    '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { stdio: 'ignore' });
  server = createServer({ key: readFileSync(path.join(dir, 'key.pem')), cert: readFileSync(path.join(dir, 'cert.pem')) }, (req, res) => {
    let bytes = 0;
    req.on('data', (c: Buffer) => (bytes += c.length));
    req.on('end', () => {
      hits.push({ path: req.url!, encoding: req.headers['content-encoding'], authorization: req.headers.authorization, bytes });
      res.writeHead(req.url!.includes('gone') ? 410 : 201).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
  t = await createTestApp({ VAPID_PUBLIC_KEY: vapid.publicKey, VAPID_PRIVATE_KEY: vapid.privateKey, VAPID_SUBJECT: 'mailto:ops@example.org' });
  staff = await t.userSession('staff');
});
afterAll(async () => {
  await t?.close();
  await new Promise((resolve) => server?.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('web push', () => {
  it('encrypts and signs (VAPID) a notification to every registered device, and forgets a device the service calls gone (410)', async () => {
    const keys = () => ({ p256dh: createECDH('prime256v1').generateKeys().toString('base64url'), auth: randomBytes(16).toString('base64url') });
    for (const name of ['phone', 'gone']) {
      const response = await t.as(staff, { method: 'POST', url: '/api/v1/me/push-subscriptions', payload: { endpoint: `https://127.0.0.1:${port}/${name}`, keys: keys() } });
      expect(response.statusCode, response.body).toBe(201);
    }
    expect((await t.as(staff, { method: 'GET', url: '/api/v1/push/vapid-public-key' })).json()).toEqual({ publicKey: vapid.publicKey });
    await t.testDb.database.db.transaction((tx) => enqueueNotification(tx, { organizationId: t.organizationId, recipientUserId: staff.userId, type: 'booking_decision', dedupeKey: 'booking:push', payload: { title: 'Boat approved' } }));
    const { database, config } = t.app.ctx;
    const live = liveBusFor(database);
    // The self-signed test service needs an agent that trusts it; production uses the default.
    const channels = defaultChannels(config, database, live).map((c) => (c.channel === 'push' ? createPushChannel(config, database, { agent: new Agent({ rejectUnauthorized: false }) }) : c));
    const worker = createAppWorker({ database, signingKey: t.app.ctx.signingKey, config, live, channels, periodic: false });
    await worker.drain();
    await worker.stop();
    expect(hits.map((h) => h.path).sort()).toEqual(['/gone', '/phone']);
    expect(hits.every((h) => h.encoding === 'aes128gcm' && /^vapid t=.+, k=.+/.test(h.authorization ?? '') && h.bytes > 0)).toBe(true);
    const [row] = await database.query<{ status: string }>(`select status from notifications where dedupe_key = 'booking:push' and channel = 'push'`);
    expect(row!.status).toBe('sent');
    expect((await t.as(staff, { method: 'GET', url: '/api/v1/me/push-subscriptions' })).json().items.map((d: { endpoint: string }) => d.endpoint)).toEqual([`https://127.0.0.1:${port}/phone`]);
  });
});
