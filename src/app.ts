import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { attendanceRoutes } from './features/attendance/routes.js';
import { AttemptLimiter } from './features/auth/attempt-limits.js';
import { registerAuthentication } from './features/auth/plugin.js';
import { authRoutes } from './features/auth/routes.js';
import { OccurrenceCache } from './features/calendar/occurrence-cache.js';
import { calendarFeedRoutes } from './features/calendar/routes.js';
import { addDavMethods, caldavRoutes } from './features/caldav/routes.js';
import { calendarRoutes } from './features/calendars/routes.js';
import { demoRoutes } from './features/demo/routes.js';
import { communityRoutes } from './features/communities/routes.js';
import { holidayRoutes } from './features/holidays/routes.js';
import { sourceRoutes } from './features/integration/routes.js';
import { entryRoutes } from './features/entries/routes.js';
import { exportRoutes } from './features/exports/routes.js';
import { feedPublicRoutes } from './features/feeds/public-routes.js';
import { feedRoutes } from './features/feeds/routes.js';
import { icsImportRoutes } from './features/ics-import/routes.js';
import { registerOps } from './features/ops/routes.js';
import { moduleRecordRoutes } from './features/module-records/routes.js';
import { moduleSchemaRoutes } from './features/module-records/schema-routes.js';
import { moduleKindRoutes } from './features/modules/kind-routes.js';
import { notificationRoutes } from './features/notifications/routes.js';
import { presetRoutes } from './features/presets/routes.js';
import { recurrenceRoutes } from './features/recurrence/routes.js';
import { resourceRoutes } from './features/resources/routes.js';
import { loadSigningKey } from './features/setup/signing-key.js';
import { peopleRoutes } from './features/users/people-routes.js';
import { userRoutes } from './features/users/routes.js';
import type { AppContext } from './http/context.js';
import { answerClientError } from './http/client-errors.js';
import { registerCreationLimits } from './http/creation-limits.js';
import { registerErrorHandling } from './http/errors.js';
import { registerHostileInputGuard } from './http/hostile-input.js';
import { serializeRequest } from './http/log-redaction.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { registerWebApp } from './http/static.js';
import { createGuardedFetch } from './net/guarded-fetch.js';

export interface BuildAppOptions {
  database: Database;
  config: Config;
  now?: () => Date;
  logger?: boolean | object;
}

/** A hop count as the function Fastify makes of one itself (its types take no number). */
function trustedProxies(setting: Config['TRUST_PROXY']): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof setting === 'number' ? (_address, hop) => hop < setting : setting;
}

/** The composition root: every dependency is wired here and nowhere else. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const logger = options.logger ?? { level: options.config.LOG_LEVEL };
  const app = Fastify({
    // One request serializer for every log line: the URL with secrets (reply-link tokens) redacted.
    logger: logger === false ? false : { ...(logger === true ? {} : logger), serializers: { req: serializeRequest } },
    trustProxy: trustedProxies(options.config.TRUST_PROXY),
    bodyLimit: 5 * 1024 * 1024,
    clientErrorHandler: answerClientError,
  }).withTypeProvider<ZodTypeProvider>();
  addDavMethods(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const ctx: AppContext = {
    database: options.database,
    db: options.database.db,
    config: options.config,
    now: options.now ?? (() => new Date()),
    signingKey: await loadSigningKey(options.database.db, options.config),
    attempts: new AttemptLimiter(options.database, options.config),
    outbound: createGuardedFetch({ allow: options.config.OUTBOUND_ALLOW }),
    occurrenceCache: options.config.CALENDAR_CACHE_ITEMS > 0 ? new OccurrenceCache(options.config.CALENDAR_CACHE_ITEMS) : null,
  };
  app.decorate('ctx', ctx);
  app.addHook('onClose', async () => ctx.outbound.close());
  // Kept so a test can hold the OpenAPI document to every route that exists.
  const apiRoutes: string[] = [];
  app.decorate('apiRoutes', apiRoutes);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1')) return;
    for (const method of [route.method].flat()) if (method !== 'HEAD') apiRoutes.push(`${method} ${route.url}`);
  });
  registerErrorHandling(app);
  registerSecurityHeaders(app);
  registerHostileInputGuard(app);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Kalendaryo API', version: '1', description: 'The organisation-wide integrated calendar. Errors are application/problem+json (RFC 9457), naming the field at fault. ' +
        '429 with Retry-After: too many failed attempts at a secret (sign-in, tokens, signed links, event codes) or too many things created in a minute or hour. ' +
        '503 with Retry-After: the database cannot be reached just now. Strings holding NUL and values nested deeper than 32 levels are refused (400).' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'A personal API token (POST /api/v1/me/tokens)' },
          session: { type: 'apiKey', in: 'cookie', name: 'kal_session', description: 'Browser session; writes also need X-CSRF-Token' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(cookie);
  // Only for the creation limits (preHandler: after authentication, so they count per user).
  await app.register(rateLimit, { global: false, hook: 'preHandler' });
  registerCreationLimits(app, options.config.CREATION_LIMIT_FACTOR);
  await registerAuthentication(app);
  await registerOps(app);

  await app.register(authRoutes);
  await app.register(userRoutes);
  await app.register(peopleRoutes);
  await app.register(calendarRoutes);
  await app.register(entryRoutes);
  await app.register(calendarFeedRoutes);
  await app.register(recurrenceRoutes);
  await app.register(icsImportRoutes);
  await app.register(exportRoutes);
  await app.register(feedRoutes);
  await app.register(feedPublicRoutes);
  await app.register(caldavRoutes);
  await app.register(moduleSchemaRoutes);
  await app.register(moduleKindRoutes);
  await app.register(moduleRecordRoutes);
  await app.register(notificationRoutes);
  await app.register(communityRoutes);
  await app.register(holidayRoutes);
  await app.register(resourceRoutes);
  await app.register(attendanceRoutes);
  await app.register(sourceRoutes);
  await app.register(presetRoutes);
  await app.register(demoRoutes);
  await registerWebApp(app, {});
  return app;
}
