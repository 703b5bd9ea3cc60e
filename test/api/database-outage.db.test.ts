import { randomBytes } from 'node:crypto';
import { createServer, type Server, type Socket, connect } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { type Database, openDatabase } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import { bootstrap } from '../../src/features/setup/bootstrap.js';
import { testConfig } from '../support/app.js';

/**
 * The database goes away under a running app. On PostgreSQL the app reaches the server through a
 * TCP relay that this test stops (every connection cut, new ones refused) and starts again; on
 * PGlite the embedded engine is closed. Requests get 503 with Retry-After, never 500.
 */
const url = process.env.DATABASE_URL;
const schema = `t_${randomBytes(6).toString('hex')}`;
let relay: { port: number; stop(): Promise<void>; start(): Promise<void> } | null = null;
let database: Database;
let app: FastifyInstance;
let admin: { email: string; password: string };

/** A relay on 127.0.0.1 to the PostgreSQL server of DATABASE_URL that can be cut and restored. */
async function startRelay(target: URL) {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  const listen = () => new Promise<void>((resolve) => {
    server = createServer((client) => {
      const upstream = connect(Number(target.port || 5432), target.hostname);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
        s.on('error', () => {});
      }
      client.pipe(upstream).pipe(client);
    });
    server.listen(port, '127.0.0.1', () => {
      port = (server!.address() as { port: number }).port;
      resolve();
    });
  });
  await listen();
  return {
    get port() {
      return port;
    },
    async stop() {
      const closing = new Promise((resolve) => server!.close(resolve));
      for (const s of sockets) s.destroy();
      await closing;
    },
    start: listen,
  };
}

beforeAll(async () => {
  if (url) {
    const owner = await openDatabase({ url, poolSize: 1 });
    await owner.query(`create schema ${schema}`);
    await owner.close();
    relay = await startRelay(new URL(url));
    const relayed = new URL(url);
    relayed.hostname = '127.0.0.1';
    relayed.port = String(relay.port);
    database = await openDatabase({ url: relayed.toString(), schema, poolSize: 4 });
  } else {
    database = await openDatabase({});
  }
  await migrate(database);
  const setup = await bootstrap(database.db, { adminEmail: 'admin@test.local' });
  admin = { email: 'admin@test.local', password: setup.createdAdmin!.password };
  app = await buildApp({ database, config: testConfig(), logger: false });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await database?.close().catch(() => {});
  await relay?.stop().catch(() => {});
  if (url) {
    const owner = await openDatabase({ url, poolSize: 1 });
    await owner.query(`drop schema if exists ${schema} cascade`);
    await owner.close();
  }
});

describe('losing the database', () => {
  it('answers 503 with Retry-After and a problem document, never 500, and /readyz says so; back when it returns', async () => {
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: admin });
    expect(login.statusCode).toBe(200);
    const cookie = `kal_session=${login.cookies.find((c) => c.name === 'kal_session')!.value}`;
    const csrf = (login.json() as { csrfToken: string }).csrfToken;
    const requests = () => [
      app.inject({ method: 'GET', url: '/api/v1/calendars', headers: { cookie } }),
      app.inject({ method: 'POST', url: '/api/v1/calendars', headers: { cookie, 'x-csrf-token': csrf }, payload: { name: 'During the outage' } }),
      app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'someone@test.local', password: 'x' } }),
      app.inject({ method: 'GET', url: '/api/v1/calendar?start=2026-03-01T00:00:00Z&end=2026-03-08T00:00:00Z', headers: { cookie } }),
    ];
    if (relay) await relay.stop();
    else await database.close();

    for (const res of await Promise.all(requests())) {
      expect(res.statusCode, `${res.raw.req.url}: ${res.body}`).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ status: 503, title: 'Service Unavailable' });
    }
    const ready = await app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.headers['retry-after']).toBeDefined();

    if (!relay) return; // a closed embedded engine does not come back in this process
    await relay.start();
    await expect.poll(async () => (await app.inject({ method: 'GET', url: '/readyz' })).statusCode, { timeout: 10_000 }).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/v1/calendars', headers: { cookie } })).statusCode).toBe(200);
  });
});
