import { createHash } from 'node:crypto';
import { clientKey } from '../../core/net/addresses.js';
import type { Database } from '../../db/client.js';
import { Problem, tooManyRequests } from '../../http/problem.js';

/**
 * Limits on attempts at secrets, for every surface that takes one: password sign-in (and the
 * password reset to come), API tokens, signed RSVP links, self check-in event codes. Each kind is
 * counted per client address (LOGIN_ADDRESS_LIMIT) and, where there is one, per account
 * (LOGIN_RATE_LIMIT), in windows of 15 minutes; past a limit the answer is 429 with Retry-After.
 * Kinds are counted apart, so an integration stuck on a revoked token does not lock its office out
 * of signing in. The counters live in the database (attempt_counters, migration 0016): every app
 * process counts the same attempts. The address is request.ip, which believes X-Forwarded-For only
 * from the proxies TRUST_PROXY names.
 *
 * Use `guard` for what can be guessed (a password, a reset code): the attempt counts before it is
 * checked, so parallel guesses cannot slip past the limit, and a success gives it back. Use
 * `guardFailures` for unguessable secrets (256-bit tokens, HMAC-signed links and codes), where
 * counting every use would cost a write per request: only failures count, and once a limit is
 * reached this process refuses that client at once, other processes after their next failure.
 */
export type SecretKind = 'sign-in' | 'password-reset' | 'api-token' | 'rsvp-link' | 'event-code';

export const ATTEMPT_WINDOW_SECONDS = 15 * 60;
const PURGE_EVERY_MS = 10 * 60_000;

interface AttemptKey {
  /** "<kind>:account" or "<kind>:address" */
  readonly rule: string;
  readonly subject: string;
  readonly max: number;
  /** After a success: an account starts again, an address gets this one attempt back. */
  readonly onSuccess: 'reset' | 'refund';
}

const counted = (error: unknown): boolean => error instanceof Problem && error.status >= 400 && error.status < 500 && error.status !== 429;
const storedKey = (key: AttemptKey): string => `${key.rule}:${createHash('sha256').update(key.subject).digest('base64url').slice(0, 32)}`;

export class AttemptLimiter {
  private readonly blockedUntil = new Map<string, number>();
  private lastPurge = 0;

  constructor(
    private readonly database: Database,
    private readonly limits: { LOGIN_RATE_LIMIT: number; LOGIN_ADDRESS_LIMIT: number },
  ) {}

  /** What one attempt at a secret of this kind is counted under: the client's address, and the account when it names one. */
  keysFor(kind: SecretKind, address: string, account?: string): AttemptKey[] {
    const keys: AttemptKey[] = [{ rule: `${kind}:address`, subject: clientKey(address), max: this.limits.LOGIN_ADDRESS_LIMIT, onSuccess: 'refund' }];
    if (account !== undefined) keys.push({ rule: `${kind}:account`, subject: account.trim().toLowerCase(), max: this.limits.LOGIN_RATE_LIMIT, onSuccess: 'reset' });
    return keys;
  }

  /** Counts the attempt, refuses it past a limit (429), runs it, and gives the count back on success. */
  async guard<T>(keys: readonly AttemptKey[], attempt: () => Promise<T>): Promise<T> {
    const over = await this.add(keys, 1, (key, hits) => hits > key.max);
    if (over !== null) throw this.refusal(over);
    let result: T;
    try {
      result = await attempt();
    } catch (error) {
      // Only a refused secret counts; an outage or a bug of ours is not the client's attempt.
      if (!counted(error)) await this.forgive(keys, 'refund');
      throw error;
    }
    await this.forgive(keys);
    return result;
  }

  /**
   * Runs an attempt unless a limit is reached, and counts its failures: a thrown 4xx problem, or
   * what `failuresOf` finds in its result.
   */
  async guardFailures<T>(keys: readonly AttemptKey[], attempt: () => Promise<T>, failuresOf: (result: T) => number = () => 0): Promise<T> {
    const now = Date.now();
    const blocked = Math.max(0, ...keys.map((key) => (this.blockedUntil.get(`${key.rule}:${key.subject}`) ?? 0) - now));
    if (blocked > 0) throw this.refusal(blocked / 1000);
    let result: T;
    try {
      result = await attempt();
    } catch (error) {
      if (counted(error)) await this.add(keys, 1, (key, hits) => hits >= key.max);
      throw error;
    }
    const failures = failuresOf(result);
    if (failures > 0) await this.add(keys, failures, (key, hits) => hits >= key.max);
    return result;
  }

  /** Adds `n` to each key's window (a new window when the last one ended); the longest wait among keys past `isOver`, or null. */
  private async add(keys: readonly AttemptKey[], n: number, isOver: (key: AttemptKey, hits: number) => boolean): Promise<number | null> {
    this.purgeNowAndThen();
    const ids = keys.map(storedKey);
    const rows = await this.database.query<{ key: string; hits: number; retry_after: number }>(
      `insert into attempt_counters as c (key, window_start, hits) values ${ids.map((_, i) => `($${i + 3}, now(), $1::int)`).join(', ')}
       on conflict (key) do update set
         hits = case when c.window_start <= now() - make_interval(secs => $2::float8) then excluded.hits else c.hits + excluded.hits end,
         window_start = case when c.window_start <= now() - make_interval(secs => $2::float8) then now() else c.window_start end
       returning key, hits, greatest(1, ceil(extract(epoch from (window_start + make_interval(secs => $2::float8) - now()))))::int as retry_after`,
      [n, ATTEMPT_WINDOW_SECONDS, ...ids],
    );
    let wait: number | null = null;
    for (const row of rows) {
      const key = keys[ids.indexOf(row.key)]!;
      if (!isOver(key, row.hits)) continue;
      wait = Math.max(wait ?? 0, row.retry_after);
      this.blockedUntil.set(`${key.rule}:${key.subject}`, Date.now() + row.retry_after * 1000);
    }
    if (this.blockedUntil.size > 10_000) this.forgetExpiredBlocks();
    return wait;
  }

  private async forgive(keys: readonly AttemptKey[], only?: 'refund'): Promise<void> {
    const reset = only ? [] : keys.filter((k) => k.onSuccess === 'reset').map(storedKey);
    const refund = keys.filter((k) => only || k.onSuccess === 'refund').map(storedKey);
    if (reset.length) await this.database.query(`delete from attempt_counters where key in (${reset.map((_, i) => `$${i + 1}`).join(', ')})`, reset);
    if (refund.length) await this.database.query(`update attempt_counters set hits = greatest(hits - 1, 0) where key in (${refund.map((_, i) => `$${i + 1}`).join(', ')})`, refund);
  }

  private refusal(retryAfterSeconds: number): Problem {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    return tooManyRequests(`Too many failed attempts from here; try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`, retryAfterSeconds);
  }

  private forgetExpiredBlocks(): void {
    const now = Date.now();
    for (const [key, until] of this.blockedUntil) if (until <= now) this.blockedUntil.delete(key);
  }

  /** Counters of ended windows are worth nothing: dropped about every ten minutes, off the request's path. */
  private purgeNowAndThen(): void {
    if (Date.now() - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = Date.now();
    this.database.query(`delete from attempt_counters where window_start < now() - interval '1 day'`).catch(() => {});
  }
}
