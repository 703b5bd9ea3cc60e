import type { FastifyInstance, FastifyRequest } from 'fastify';
import { forbidden, unauthorized } from '../../http/problem.js';
import { acquireActorCache } from './actor-cache.js';
import { actorFromApiToken, actorFromSession } from './repository.js';
import { safeEqual, sha256 } from './secrets.js';

export const SESSION_COOKIE = 'kal_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// Routes that exist to obtain a session or are reached by signed links cannot carry a CSRF token.
const CSRF_EXEMPT = new Set(['/api/v1/auth/login']);

/**
 * Resolves request.actor from a Bearer token or the session cookie. Cookie-authenticated writes must
 * repeat the session's CSRF token in a header that a cross-site form cannot set.
 */
export async function registerAuthentication(app: FastifyInstance): Promise<void> {
  app.decorateRequest('actor', null);
  const { cache, release } = acquireActorCache(app.ctx.database);
  app.addHook('onClose', release);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    if (!request.url.startsWith('/api/')) return;
    const { db, now } = app.ctx;
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      if (!match?.[1]) throw unauthorized('The Authorization header must be "Bearer <token>".');
      const hash = sha256(match[1]);
      // Session cookies are not counted: as unguessable as tokens, and an expired one is routine.
      request.actor = await app.ctx.attempts.guardFailures(app.ctx.attempts.keysFor('api-token', request.ip), async () => {
        const actor = await cache.resolve(`token:${hash}`, now().getTime(), () => actorFromApiToken(db, hash));
        if (!actor) throw unauthorized('The API token is not valid or has been revoked.');
        return actor;
      });
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) return;
    const hash = sha256(cookie);
    const at = now();
    request.actor = await cache.resolve(`session:${hash}`, at.getTime(), () => actorFromSession(db, hash, at));
    if (!request.actor || SAFE_METHODS.has(request.method) || CSRF_EXEMPT.has(request.url.split('?')[0]!)) return;
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !request.actor.csrfToken || !safeEqual(sent, request.actor.csrfToken)) {
      throw forbidden('This change needs the X-CSRF-Token header from GET /api/v1/me.');
    }
  });
}
