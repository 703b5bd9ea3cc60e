import { describe, expect, it } from 'vitest';
import { afterFailure, MAX_ATTEMPTS } from './backoff.js';

describe('retry backoff', () => {
  it('waits 30 s, 2, 8 and 32 minutes, then gives up as failed', () => {
    const none = () => 0;
    expect([1, 2, 3, 4].map((n) => afterFailure(n, none))).toEqual([{ retryInMs: 30_000 }, { retryInMs: 120_000 }, { retryInMs: 480_000 }, { retryInMs: 1_920_000 }]);
    expect(afterFailure(MAX_ATTEMPTS, none)).toEqual({ failed: true });
  });

  it('adds at most 10 % jitter', () => {
    const result = afterFailure(1, () => 0.999);
    expect('retryInMs' in result && result.retryInMs <= 33_000 && result.retryInMs > 30_000).toBe(true);
  });
});
