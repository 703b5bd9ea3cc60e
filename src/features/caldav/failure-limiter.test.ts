import { describe, expect, it } from 'vitest';
import { FailureLimiter } from './failure-limiter.js';

describe('FailureLimiter', () => {
  it('allows tries until the limit of failures in a minute, then says how long to wait', () => {
    const limiter = new FailureLimiter(3);
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfter('ip|a@x', 1000 + i)).toBe(0);
      limiter.fail('ip|a@x', 1000 + i);
    }
    expect(limiter.retryAfter('ip|a@x', 2000)).toBe(59);
    expect(limiter.retryAfter('ip|b@x', 2000)).toBe(0);
    expect(limiter.retryAfter('ip|a@x', 61_001)).toBe(0);
  });

  it('forgets the oldest keys rather than grow without bound', () => {
    const limiter = new FailureLimiter(1, 60_000, 2);
    limiter.fail('a', 0);
    limiter.fail('b', 0);
    limiter.fail('c', 0);
    expect(limiter.retryAfter('a', 1)).toBe(0);
    expect(limiter.retryAfter('c', 1)).toBeGreaterThan(0);
  });
});
