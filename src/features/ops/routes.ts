import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { notFound, Problem, serviceUnavailable } from '../../http/problem.js';
import { safeEqual } from '../auth/secrets.js';

/**
 * Liveness, readiness (the database answers) and Prometheus metrics. Metrics tell an outsider the
 * routes, the traffic and the process's memory, so they need the operator's METRICS_TOKEN as a
 * Bearer token, and are off (404) without one.
 */
export async function registerOps(app: FastifyInstance): Promise<void> {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'kalendaryo_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    duration.observe({ method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async () => {
    try {
      await app.ctx.database.ping();
      return { status: 'ready', database: app.ctx.database.kind };
    } catch {
      throw serviceUnavailable('The database does not answer.', 5);
    }
  });
  const token = app.ctx.config.METRICS_TOKEN;
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (!token) throw notFound('Metrics (set METRICS_TOKEN to turn them on)');
    const sent = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!sent || !safeEqual(sent, token)) {
      void reply.header('WWW-Authenticate', 'Bearer realm="metrics"');
      throw new Problem(401, 'Unauthorized', 'Metrics need Authorization: Bearer <METRICS_TOKEN>.');
    }
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}
