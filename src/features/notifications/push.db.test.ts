import { execFileSync } from 'node:child_process';
import { createECDH, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import webpush from 'web-push';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.js';
import { createAppWorker } from '../../app-worker.js';
import { createGuardedFetch } from '../../net/guarded-fetch.js';
import { defaultChannels } from './jobs.js';
import { enqueueNotification } from './enqueue.js';
import { liveBusFor } from './live.js';
import { createPushChannel } from './push-channel.js';

// A real HTTPS server (self-signed certificate made by openssl) on 127.0.0.1 standing in for a push
// service, let through by OUTBOUND_ALLOW=127.0.0.1/32; and a canary on 127.0.0.3 that must hear nothing.
const hits: { path: string; encoding: string | undefined; authorization: string | undefined; bytes: number }[] = [];
let server: Server;
let canary: TcpServer;
let canaryHits = 0;
let port = 0;
let canaryPort = 0;
let dir = '';
let cert: Buffer;
let t: TestApp;
let staff: Session;
const vapid = webpush.generateVAPIDKeys();
const ALLOW = '127.0.0.1/32';
const keys = () => ({ p256dh: createECDH('prime256v1').generateKeys().toString('base64url'), auth: randomBytes(16).toString('base64url') });

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'push-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { stdio: 'ignore' });
  cert = readFileSync(path.join(dir, 'cert.pem'));
  let tightSeen = 0;
  server = createServer({ key: readFileSync(path.join(dir, 'key.pem')), cert }, (req, res) => {
    let bytes = 0;
    req.on('data', (c: Buffer) => (bytes += c.length));
    req.on('end', () => {
      hits.push({ path: req.url!, encoding: req.headers['content-encoding'], authorization: req.headers.authorization, bytes });
      // "tight" takes only what comes after two refusals for size.
      const tooLarge = req.url!.includes('tight') && tightSeen++ < 2;
      res.writeHead(req.url!.includes('gone') ? 410 : tooLarge ? 413 : 201).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
  canary = createTcpServer((socket) => {
    canaryHits++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => canary.listen(0, '127.0.0.3', resolve));
  canaryPort = (canary.address() as { port: number }).port;
  t = await createTestApp({ VAPID_PUBLIC_KEY: vapid.publicKey, VAPID_PRIVATE_KEY: vapid.privateKey, VAPID_SUBJECT: 'mailto:ops@example.org', OUTBOUND_ALLOW: ALLOW,
    // One user tries more endpoints here than the 10 a minute a person may register.
    CREATION_LIMIT_FACTOR: '5' });
  staff = await t.userSession('staff');
});
afterAll(async () => {
  await t?.close();
  await new Promise((resolve) => server?.close(resolve));
  await new Promise((resolve) => canary?.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

/** Enqueues one push for `session` and runs a worker whose push channel trusts the test service's certificate. */
async function deliver(session: Session, dedupeKey: string) {
  await t.testDb.database.db.transaction((tx) => enqueueNotification(tx, { organizationId: t.organizationId, recipientUserId: session.userId, type: 'booking_decision', dedupeKey, payload: { title: 'Boat approved' } }));
  const { database, config } = t.app.ctx;
  const live = liveBusFor(database);
  const outbound = createGuardedFetch({ allow: ALLOW, ca: cert });
  const channels = defaultChannels(config, database, live).map((c) => (c.channel === 'push' ? createPushChannel(config, database, { outbound }) : c));
  const worker = createAppWorker({ database, signingKey: t.app.ctx.signingKey, config, live, channels, now: () => new Date(Date.now() + 1000), periodic: false });
  await worker.drain();
  await worker.stop();
  outbound.close();
  const [row] = await database.query<{ status: string }>(`select status from notifications where dedupe_key = $1 and channel = 'push'`, [dedupeKey]);
  return row!.status;
}

const subscribe = (session: Session, endpoint: string) => t.as(session, { method: 'POST', url: '/api/v1/me/push-subscriptions', payload: { endpoint, keys: keys() } });
const devicesOf = async (session: Session) => (await t.as(session, { method: 'GET', url: '/api/v1/me/push-subscriptions' })).json().items.map((d: { endpoint: string }) => d.endpoint);

describe('web push', () => {
  it('encrypts and signs (VAPID) a notification to every registered device, and forgets a device the service calls gone (410)', async () => {
    for (const name of ['phone', 'gone']) {
      const response = await subscribe(staff, `https://127.0.0.1:${port}/${name}`);
      expect(response.statusCode, response.body).toBe(201);
    }
    expect((await t.as(staff, { method: 'GET', url: '/api/v1/push/vapid-public-key' })).json()).toEqual({ publicKey: vapid.publicKey });
    expect(await deliver(staff, 'booking:push')).toBe('sent');
    expect(hits.map((h) => h.path).sort()).toEqual(['/gone', '/phone']);
    expect(hits.every((h) => h.encoding === 'aes128gcm' && /^vapid t=.+, k=.+/.test(h.authorization ?? '') && h.bytes > 0)).toBe(true);
    expect(await devicesOf(staff)).toEqual([`https://127.0.0.1:${port}/phone`]);
  });

  it('sends a smaller notification to a service that refuses the payload as too large (413), not the same one again', async () => {
    const user = await t.userSession('staff');
    expect((await subscribe(user, `https://127.0.0.1:${port}/tight`)).statusCode).toBe(201);
    hits.length = 0;
    expect(await deliver(user, 'booking:tight')).toBe('sent');
    const sizes = hits.filter((h) => h.path === '/tight').map((h) => h.bytes);
    expect(sizes).toHaveLength(3);
    expect(sizes[0]!).toBeGreaterThan(sizes[1]!);
    expect(sizes[1]!).toBeGreaterThan(sizes[2]!);
  });
});

describe('push endpoints inside our network', () => {
  it('are refused at registration in every spelling, naming endpoint (400)', async () => {
    const endpoints = ['https://127.0.0.2/x', 'https://2130706434/x', 'https://0x7f000002/x', 'https://0177.0.0.2/x', 'https://[::1]/x', 'https://[::ffff:127.0.0.2]/x',
      'https://169.254.169.254/latest/meta-data', 'https://10.1.2.3/x', 'https://192.168.1.1/x', 'https://100.64.0.1/x', 'https://[fd00::1]/x', 'https://0.0.0.0/x', 'http://push.example.org/x'];
    for (const endpoint of endpoints) {
      const response = await subscribe(staff, endpoint);
      expect(response.statusCode, endpoint).toBe(400);
      expect(response.json().errors[0].field, endpoint).toBe('endpoint');
    }
    expect(await devicesOf(staff)).not.toContain('https://127.0.0.2/x');
  });

  it('are never connected to when sending, and their registration is dropped (a loopback canary hears nothing)', async () => {
    const user = await t.userSession('staff');
    // Stored as an older version of the server would have accepted it.
    const { p256dh, auth } = keys();
    await t.testDb.database.query('insert into push_subscriptions (organization_id, user_id, endpoint, p256dh, auth) values ($1, $2, $3, $4, $5)',
      [t.organizationId, user.userId, `https://127.0.0.3:${canaryPort}/inside`, p256dh, auth]);
    expect(await deliver(user, 'booking:inside')).toBe('cancelled');
    expect(canaryHits).toBe(0);
    expect(await devicesOf(user)).toEqual([]);
  });
});
