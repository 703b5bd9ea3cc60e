import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { createTestApp, testConfig, type Session, type TestApp } from '../../../test/support/app.js';
import { buildApp } from '../../app.js';
import { attendanceSteps } from '../attendance/test-helpers.js';

/**
 * Attempts at secrets are limited per account (5 here) and per client address (8 here) in 15
 * minutes, counted in the database, with the address taken from X-Forwarded-For only as far as
 * TRUST_PROXY trusts it. Addresses are set per request (light-my-request's remoteAddress).
 */
const LIMITS = { LOGIN_RATE_LIMIT: '5', LOGIN_ADDRESS_LIMIT: '8' };
let t: TestApp;
let behindProxy: FastifyInstance;
let behindListedProxy: FastifyInstance;
let staff: Session & { email: string; password: string };
let net = 0;
/** A fresh client address, so tests do not share counters. */
const address = () => `198.51.100.${++net}`;

beforeAll(async () => {
  t = await createTestApp(LIMITS);
  staff = await t.userSession('staff');
  const config = (env: Record<string, string>) => testConfig({ ...LIMITS, ...env });
  behindProxy = await buildApp({ database: t.testDb.database, config: config({ TRUST_PROXY: 'true' }), logger: false });
  behindListedProxy = await buildApp({ database: t.testDb.database, config: config({ TRUST_PROXY: '10.0.0.0/8' }), logger: false });
});
afterAll(async () => {
  await behindProxy?.close();
  await behindListedProxy?.close();
  await t?.close();
});

const signIn = (app: FastifyInstance, email: string, password: string, options: Partial<InjectOptions> = {}) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, ...options });

function expectTooMany(res: { statusCode: number; headers: Record<string, unknown>; body: string }) {
  expect(res.statusCode, res.body).toBe(429);
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(JSON.parse(res.body)).toMatchObject({ status: 429, title: 'Too Many Requests' });
}

describe('sign-in limits', () => {
  it('lock an account after 5 wrong passwords from any mix of addresses, even for the right password (429), not other accounts', async () => {
    const victim = await t.userSession('manager');
    for (let i = 0; i < 5; i++) expect((await signIn(t.app, victim.email, `guess-${i}`, { remoteAddress: address() })).statusCode).toBe(401);
    expectTooMany(await signIn(t.app, victim.email, 'guess-5', { remoteAddress: address() }));
    expectTooMany(await signIn(t.app, victim.email, victim.password, { remoteAddress: address() }));
    expect((await signIn(t.app, staff.email, staff.password, { remoteAddress: address() })).statusCode).toBe(200);
  });

  it('refuse an address spraying many accounts after 8 failures (429), while another address signs in', async () => {
    const sprayer = address();
    const codes: number[] = [];
    for (let i = 0; i < 30; i++) codes.push((await signIn(t.app, `person${i}@test.local`, 'Summer2026!', { remoteAddress: sprayer })).statusCode);
    expect(codes.slice(0, 8)).toEqual(Array(8).fill(401));
    expect(codes.slice(8)).toEqual(Array(22).fill(429));
    expectTooMany(await signIn(t.app, staff.email, staff.password, { remoteAddress: sprayer }));
    expect((await signIn(t.app, staff.email, staff.password, { remoteAddress: address() })).statusCode).toBe(200);
  });

  it('start an account afresh after a success: the owner\'s typos do not add up over the day', async () => {
    const user = await t.userSession('staff');
    for (let round = 0; round < 3; round++) {
      const from = address();
      for (let i = 0; i < 4; i++) expect((await signIn(t.app, user.email, 'typo', { remoteAddress: from })).statusCode).toBe(401);
      expect((await signIn(t.app, user.email, user.password, { remoteAddress: from })).statusCode).toBe(200);
    }
  });

  it('cannot be dodged by a forged X-Forwarded-For: one trusted hop counts the address the proxy saw', async () => {
    const proxy = '10.0.0.5';
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) {
      // The client writes the left part; the proxy appends the address it saw (203.0.113.7).
      const res = await signIn(behindProxy, `spoof${i}@test.local`, 'x', { remoteAddress: proxy, headers: { 'x-forwarded-for': `192.0.2.${i}, 203.0.113.7` } });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, 8)).toEqual(Array(8).fill(401));
    expect(codes.slice(8)).toEqual(Array(4).fill(429));
    // Another client behind the same proxy is not locked out.
    expect((await signIn(behindProxy, staff.email, staff.password, { remoteAddress: proxy, headers: { 'x-forwarded-for': '203.0.113.8' } })).statusCode).toBe(200);
  });

  it('believe X-Forwarded-For only from a listed proxy: a client that connects directly is counted as itself', async () => {
    const direct = address();
    const codes: number[] = [];
    for (let i = 0; i < 10; i++) {
      codes.push((await signIn(behindListedProxy, `direct${i}@test.local`, 'x', { remoteAddress: direct, headers: { 'x-forwarded-for': `192.0.2.${100 + i}` } })).statusCode);
    }
    expect(codes.slice(8)).toEqual([429, 429]);
    // Through the listed proxy, the forwarded address counts.
    expect((await signIn(behindListedProxy, staff.email, staff.password, { remoteAddress: '10.1.1.1', headers: { 'x-forwarded-for': '203.0.113.99' } })).statusCode).toBe(200);
  });

  it('are counted in the database: attempts spread over two app processes add up', async () => {
    const victim = await t.userSession('staff');
    for (let i = 0; i < 5; i++) {
      const app = i % 2 === 0 ? t.app : behindListedProxy;
      expect((await signIn(app, victim.email, `guess-${i}`, { remoteAddress: address() })).statusCode).toBe(401);
    }
    expectTooMany(await signIn(behindListedProxy, victim.email, victim.password, { remoteAddress: address() }));
    expectTooMany(await signIn(t.app, victim.email, victim.password, { remoteAddress: address() }));
  });
});

describe('other secrets', () => {
  it('refuse an address after 8 bad API tokens, even with a good token then (429); others keep working', async () => {
    const created = await t.as(staff, { method: 'POST', url: '/api/v1/me/tokens', payload: { name: 'integration' } });
    const token = created.json().token as string;
    const from = address();
    const codes: number[] = [];
    for (let i = 0; i < 10; i++) codes.push((await t.app.inject({ url: '/api/v1/me', remoteAddress: from, headers: { authorization: `Bearer kal_guess${i}` } })).statusCode);
    expect(codes).toEqual([...Array(8).fill(401), 429, 429]);
    expectTooMany(await t.app.inject({ url: '/api/v1/me', remoteAddress: from, headers: { authorization: `Bearer ${token}` } }));
    expect((await t.app.inject({ url: '/api/v1/me', remoteAddress: address(), headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);
  });

  it('refuse an address after 8 tampered RSVP links, on the API and the page (429)', async () => {
    const from = address();
    const codes: number[] = [];
    for (let i = 0; i < 8; i++) codes.push((await t.app.inject({ method: 'POST', url: '/api/v1/rsvp', remoteAddress: from, payload: { token: `eyJ4IjoxfQ.forged${i}`, response: 'going' } })).statusCode);
    expect(codes).toEqual(Array(8).fill(400));
    expectTooMany(await t.app.inject({ url: '/api/v1/rsvp?token=eyJ4IjoxfQ.more', remoteAddress: from }));
    const page = await t.app.inject({ url: '/rsvp?token=eyJ4IjoxfQ.more', remoteAddress: from });
    expect(page.statusCode).toBe(429);
    expect(page.headers['retry-after']).toBeDefined();
  });

  it('refuse a person after 5 forged event codes at self check-in (429)', async () => {
    const steps = attendanceSteps(t);
    const member = await t.userSession('staff');
    const entry = await steps.entry(staff, { start: '2027-03-02T09:00:00+08:00', end: '2027-03-02T12:00:00+08:00' });
    await steps.participant(staff, entry.id, { userId: member.userId, notify: false });
    const code = (await t.as(staff, { method: 'GET', url: `/api/v1/entries/${entry.id}/event-code` })).json().code as string;
    const forged = `${code.split('.')[0]}.${'A'.repeat(43)}`;
    const reasons: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await t.as(member, { method: 'POST', url: '/api/v1/attendance/self-check-in', payload: { eventCode: forged }, remoteAddress: address() });
      reasons.push(res.json().reason);
    }
    expect(reasons).toEqual(Array(5).fill('forged'));
    expectTooMany(await t.as(member, { method: 'POST', url: '/api/v1/attendance/self-check-in', payload: { eventCode: code }, remoteAddress: address() }));
  });
});
