import type { Database } from '../../db/client.js';
import type { Actor } from '../auth/actor.js';
import type { ActorCache } from '../auth/actor-cache.js';
import { actorFromApiToken } from '../auth/repository.js';
import { safeEqual, sha256 } from '../auth/secrets.js';
import { DavError } from './errors.js';
import type { FailureLimiter } from './failure-limiter.js';

export const REALM = 'Basic realm="Kalendaryo", charset="UTF-8"';

export function parseBasic(header: string | undefined): { email: string; secret: string } | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return null;
  return { email: decoded.slice(0, colon).trim(), secret: decoded.slice(colon + 1) };
}

const unauthorized = (message: string) => new DavError(401, message, null, { 'www-authenticate': REALM });

/**
 * HTTP Basic with the user's e-mail and a personal API token (an app password for the device):
 * the token is found by its hash, then the e-mail compared in constant time. Failures are counted
 * per address and e-mail (429 with Retry-After past the limit, checked before anything else).
 */
export async function authenticateBasic(
  deps: { database: Database; cache: ActorCache; limiter: FailureLimiter; nowMs: number },
  header: string | undefined,
  ip: string,
): Promise<Actor> {
  const credentials = parseBasic(header);
  if (!credentials) throw unauthorized('Sign in with your e-mail and a personal API token (an app password).');
  const key = `${ip}|${credentials.email.toLowerCase()}`;
  const wait = deps.limiter.retryAfter(key, deps.nowMs);
  if (wait > 0) throw new DavError(429, 'Too many failed sign-ins; wait a minute.', null, { 'retry-after': String(wait) });
  const hash = sha256(credentials.secret);
  const actor = await deps.cache.resolve(`token:${hash}`, deps.nowMs, () => actorFromApiToken(deps.database.db, hash));
  // Hashes of equal length: the comparison takes as long whatever the e-mail.
  if (!actor || !safeEqual(sha256(actor.email.toLowerCase()), sha256(credentials.email.toLowerCase()))) {
    deps.limiter.fail(key, deps.nowMs);
    throw unauthorized('The e-mail or the token is not right, or the token was revoked.');
  }
  return actor;
}
