import type { Config } from '../config.js';
import type { OccurrenceCache } from '../features/calendar/occurrence-cache.js';
import type { Database, Db } from '../db/client.js';
import type { GuardedFetch } from '../net/guarded-fetch.js';
import type { Actor } from '../features/auth/actor.js';
import type { AttemptLimiter } from '../features/auth/attempt-limits.js';
import { unauthorized } from './problem.js';

/** What every route and use case may depend on, wired once in buildApp (the composition root). */
export interface AppContext {
  database: Database;
  db: Db;
  config: Config;
  now: () => Date;
  /** Signs links and codes that work without a login (src/core/signing). */
  signingKey: Uint8Array;
  /** Limits on attempts at secrets (sign-in, tokens, signed links, codes): features/auth/attempt-limits.ts. */
  attempts: AttemptLimiter;
  /** The one client for fetching user-given URLs (address guard, limits): src/net/guarded-fetch.ts. */
  outbound: GuardedFetch;
  /** Expanded occurrences kept in process (null when CALENDAR_CACHE_ITEMS=0). */
  occurrenceCache: OccurrenceCache | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
    /** "METHOD /api/v1/…" of every API route, in registration order. */
    apiRoutes: string[];
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export function requireActor(request: { actor: Actor | null }): Actor {
  if (!request.actor) throw unauthorized();
  return request.actor;
}
