import { describe, expect, it } from 'vitest';
import { correctedForSkew, deviceClockSkewSeconds } from './clock-skew.js';

const received = Date.UTC(2026, 2, 2, 1, 0, 0);

describe("a scanner's clock", () => {
  it('is flagged when more than 10 minutes ahead or behind, with how far, and not otherwise', () => {
    expect(deviceClockSkewSeconds(received + 3 * 3600_000, received)).toBe(10_800);
    expect(deviceClockSkewSeconds(received - 3 * 3600_000, received)).toBe(-10_800);
    expect(deviceClockSkewSeconds(received + 10 * 60_000 + 1000, received)).toBe(601);
    expect(deviceClockSkewSeconds(received + 10 * 60_000, received)).toBeNull();
    expect(deviceClockSkewSeconds(received - 9 * 60_000, received)).toBeNull();
    expect(deviceClockSkewSeconds(null, received)).toBeNull();
    expect(deviceClockSkewSeconds(Number.NaN, received)).toBeNull();
  });

  it("puts a reported time on the server's clock: a device 3 hours fast scanned 3 hours earlier than it says", () => {
    const reported = Date.UTC(2026, 2, 2, 3, 5, 0);
    expect(new Date(correctedForSkew(reported, 10_800)).toISOString()).toBe('2026-03-02T00:05:00.000Z');
    expect(new Date(correctedForSkew(reported, -10_800)).toISOString()).toBe('2026-03-02T06:05:00.000Z');
    expect(correctedForSkew(reported, null)).toBe(reported);
  });
});
