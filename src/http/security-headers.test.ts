import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_CSP, registerSecurityHeaders } from './security-headers.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = Fastify();
  registerSecurityHeaders(app);
  app.get('/page', async (_request, reply) => reply.type('text/html; charset=utf-8').send('<p>hi</p>'));
  app.get('/json', async () => ({ ok: true }));
  app.get('/own', async (_request, reply) => reply.type('text/html').header('content-security-policy', "frame-ancestors https://portal.example.org").header('referrer-policy', 'no-referrer').send('<p>embedded</p>'));
  await app.register(async (child) => {
    child.get('/child/page', async (_request, reply) => reply.type('text/html').send('<p>child</p>'));
  });
  await app.ready();
});
afterAll(() => app.close());

describe('security headers on every response', () => {
  it('gives an HTML page a script policy without inline scripts, no framing and nosniff, in nested plugins too', async () => {
    for (const url of ['/page', '/child/page']) {
      const res = await app.inject({ url });
      expect(res.headers['content-security-policy']).toBe(PAGE_CSP);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('same-origin');
      expect(res.headers['x-frame-options']).toBe('DENY');
    }
    const scripts = /script-src ([^;]*)/.exec(PAGE_CSP)![1]!;
    expect(scripts).toBe("'self'");
    expect(PAGE_CSP).toContain("frame-ancestors 'none'");
  });

  it('marks JSON nosniff without a page policy, and keeps the values a route set itself', async () => {
    const json = await app.inject({ url: '/json' });
    expect(json.headers['x-content-type-options']).toBe('nosniff');
    expect(json.headers['content-security-policy']).toBeUndefined();
    const own = await app.inject({ url: '/own' });
    expect(own.headers['content-security-policy']).toBe('frame-ancestors https://portal.example.org');
    expect(own.headers['referrer-policy']).toBe('no-referrer');
  });

  it('covers answers of the not-found handler too', async () => {
    const res = await app.inject({ url: '/nowhere' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
