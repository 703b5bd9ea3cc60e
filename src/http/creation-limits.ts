import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { tooManyRequests } from './problem.js';

/** How many of one thing one user may create, per minute and per hour. */
export interface CreationLimit { perMinute: number; perHour: number }

/**
 * The routes that make lasting records, and the limits one user (or, signed out, one address) has
 * on each: far above what a person does by hand, low enough that a loop cannot fill the database.
 * Bulk work has its own doors (ICS import, the integration API's NDJSON bulk), each one request.
 * Counted in each process (@fastify/rate-limit's memory store): with N processes behind a load
 * balancer a user can reach N times these before every process refuses.
 */
export const CREATION_LIMITS: Readonly<Record<string, CreationLimit>> = {
  'POST /api/v1/me/tokens': { perMinute: 10, perHour: 50 },
  'POST /api/v1/me/push-subscriptions': { perMinute: 10, perHour: 50 },
  // Above the 50 views a user may keep, so that cap answers first (422 naming the name).
  'POST /api/v1/me/presets': { perMinute: 60, perHour: 300 },
  'POST /api/v1/calendars': { perMinute: 20, perHour: 200 },
  'POST /api/v1/users': { perMinute: 30, perHour: 500 },
  'POST /api/v1/communities': { perMinute: 60, perHour: 1000 },
  'POST /api/v1/communities/:id/observances': { perMinute: 60, perHour: 1000 },
  'POST /api/v1/resources': { perMinute: 30, perHour: 300 },
  'POST /api/v1/resources/:id/blackouts': { perMinute: 60, perHour: 600 },
  'POST /api/v1/bookings': { perMinute: 120, perHour: 1000 },
  'POST /api/v1/entries': { perMinute: 120, perHour: 2000 },
  'POST /api/v1/modules/:module/:type': { perMinute: 120, perHour: 2000 },
  'POST /api/v1/entries/:id/participants': { perMinute: 120, perHour: 2000 },
  'POST /api/v1/entries/:id/walk-ins': { perMinute: 120, perHour: 2000 },
  'POST /api/v1/calendars/:id/import': { perMinute: 10, perHour: 100 },
};

const who = (request: FastifyRequest): string => (request.actor ? `user:${request.actor.userId}` : `address:${request.ip}`);

/**
 * Adds the limits to their routes as they are registered (call before any route, after
 * @fastify/rate-limit): 429 with Retry-After when either window is used up. `factor` scales every
 * limit (CREATION_LIMIT_FACTOR; 0 turns them off).
 */
export function registerCreationLimits(app: FastifyInstance, factor: number, limits: Readonly<Record<string, CreationLimit>> = CREATION_LIMITS): void {
  if (factor <= 0) return;
  app.addHook('onRoute', (route) => {
    const limit = [route.method].flat().map((method) => limits[`${method} ${route.url}`]).find(Boolean);
    if (!limit) return;
    const windows = [
      { check: app.createRateLimit({ max: Math.ceil(limit.perMinute * factor), timeWindow: 60_000, keyGenerator: who }), what: 'a minute' },
      { check: app.createRateLimit({ max: Math.ceil(limit.perHour * factor), timeWindow: 3_600_000, keyGenerator: who }), what: 'an hour' },
    ];
    const hook: preHandlerAsyncHookHandler = async (request) => {
      for (const { check, what } of windows) {
        const result = await check(request);
        if (!result.isAllowed && result.isExceeded) {
          throw tooManyRequests(`You have created too many of these in ${what} (at most ${result.max}); try again later.`, result.ttlInSeconds);
        }
      }
    };
    route.preHandler = [...[route.preHandler ?? []].flat(), hook];
  });
}
