import rateLimit from '@fastify/rate-limit';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerCreationLimits } from './creation-limits.js';
import { registerErrorHandling } from './errors.js';

async function appWith(factor: number) {
  const app = Fastify();
  app.decorateRequest('actor', null);
  registerErrorHandling(app);
  await app.register(rateLimit, { global: false, hook: 'preHandler' });
  registerCreationLimits(app, factor, { 'POST /things': { perMinute: 100, perHour: 3 } });
  app.post('/things', async (_request, reply) => reply.status(201).send({ ok: true }));
  app.post('/other', async (_request, reply) => reply.status(201).send({ ok: true }));
  await app.ready();
  return app;
}

describe('creation limits', () => {
  it('hold the hourly window too, and leave routes without a limit alone (429 naming the window)', async () => {
    const app = await appWith(1);
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await app.inject({ method: 'POST', url: '/things' })).statusCode);
    expect(codes).toEqual([201, 201, 201, 429]);
    expect((await app.inject({ method: 'POST', url: '/things' })).json().detail).toContain('in an hour (at most 3)');
    for (let i = 0; i < 5; i++) expect((await app.inject({ method: 'POST', url: '/other' })).statusCode).toBe(201);
    await app.close();
  });

  it('scale with the factor, and are off at 0', async () => {
    const doubled = await appWith(2);
    const codes = [];
    for (let i = 0; i < 7; i++) codes.push((await doubled.inject({ method: 'POST', url: '/things' })).statusCode);
    expect(codes).toEqual([...Array(6).fill(201), 429]);
    await doubled.close();
    const off = await appWith(0);
    for (let i = 0; i < 10; i++) expect((await off.inject({ method: 'POST', url: '/things' })).statusCode).toBe(201);
    await off.close();
  });
});
