import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
const METRICS = 'metrics-token-0123456789';
beforeAll(async () => {
  t = await createTestApp({ METRICS_TOKEN: METRICS });
});
afterAll(async () => t?.close());

describe('the API description', () => {
  it('documents every API route at /api/openapi.json, with a summary each', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json() as { openapi: string; paths: Record<string, Record<string, { summary?: string }>> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(t.app.apiRoutes.length).toBeGreaterThan(10);
    for (const route of t.app.apiRoutes) {
      const [method, url] = route.split(' ') as [string, string];
      // "::" is Fastify's escaped literal colon (entries::bulk → entries:bulk); ":name" is a parameter.
      const path = url.replace(/::/g, '\u0000').replace(/:(\w+)/g, '{$1}').replace(/\u0000/g, ':');
      const operation = doc.paths[path]?.[method.toLowerCase()];
      expect(operation, `${route} is missing from the OpenAPI document`).toBeDefined();
      expect(operation!.summary, `${route} has no summary`).toBeTruthy();
    }
  });

  it('shows the browsable docs at /api/docs', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('swagger');
  });

  it('answers /healthz, /readyz with the database, and /metrics in Prometheus format to the metrics token only (401 without)', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ method: 'GET', url: '/readyz' })).json()).toMatchObject({ status: 'ready' });
    await t.app.inject({ method: 'GET', url: '/api/v1/me' });
    for (const headers of [{}, { authorization: 'Bearer wrong-token-0123456789' }]) {
      const refused = await t.app.inject({ method: 'GET', url: '/metrics', headers });
      expect(refused.statusCode).toBe(401);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.body).not.toContain('kalendaryo_http');
    }
    const metrics = await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${METRICS}` } });
    expect(metrics.body).toContain('kalendaryo_http_request_duration_seconds_bucket');
    expect(metrics.body).toContain('route="/api/v1/me",status="401"');
  });
});
