/** Delivery attempts before a notification stays `failed` (visible in the admin list). */
export const MAX_ATTEMPTS = 5;
const BASE_MS = 30_000;

/**
 * What happens after a failed attempt number `attempts` (1-based): retry after 30 s, 2 min, 8 min,
 * 32 min, then give up. A small jitter (up to 10 %) keeps many failures from retrying in lockstep.
 */
export function afterFailure(attempts: number, random: () => number = Math.random): { retryInMs: number } | { failed: true } {
  if (attempts >= MAX_ATTEMPTS) return { failed: true };
  const delay = BASE_MS * 4 ** Math.max(0, attempts - 1);
  return { retryInMs: Math.round(delay * (1 + random() * 0.1)) };
}
