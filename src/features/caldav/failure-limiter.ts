/**
 * Counts failed sign-ins per key (address and e-mail) in a sliding minute, like the sign-in form's
 * limit, so that guessing a token costs the guesser, not a client that syncs often: successes are
 * never counted. In process: each server process keeps its own count.
 */
export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs = 60_000,
    private readonly maxKeys = 100_000,
  ) {}

  /** Seconds to wait before trying again, or 0 when a try is allowed now. */
  retryAfter(key: string, nowMs: number): number {
    const recent = this.recent(key, nowMs);
    return recent.length >= this.max ? Math.max(1, Math.ceil((recent[0]! + this.windowMs - nowMs) / 1000)) : 0;
  }

  fail(key: string, nowMs: number): void {
    const recent = this.recent(key, nowMs);
    recent.push(nowMs);
    if (!this.failures.has(key) && this.failures.size >= this.maxKeys) this.failures.delete(this.failures.keys().next().value!);
    this.failures.set(key, recent);
  }

  private recent(key: string, nowMs: number): number[] {
    const kept = (this.failures.get(key) ?? []).filter((at) => at > nowMs - this.windowMs);
    if (kept.length === 0) this.failures.delete(key);
    return kept;
  }
}
