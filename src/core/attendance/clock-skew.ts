/**
 * An offline scanner's clock can be wrong by hours (a tablet whose battery ran flat comes back at
 * its factory date, or set by hand): its scans' times then are too. A batch says what its device's
 * clock read when it was sent (`deviceTime`); compared with when the server received it, that is the
 * device's error, and past a threshold each scan's time is corrected by it and flagged
 * (docs/attendance.md "Device clocks").
 */
export const CLOCK_SKEW_THRESHOLD_MS = 10 * 60_000;

/** How far the device's clock is ahead (positive) or behind, in whole seconds, when past the threshold; else null. */
export function deviceClockSkewSeconds(deviceTimeMs: number | null, receivedAtMs: number, thresholdMs = CLOCK_SKEW_THRESHOLD_MS): number | null {
  if (deviceTimeMs === null || !Number.isFinite(deviceTimeMs)) return null;
  const skewMs = deviceTimeMs - receivedAtMs;
  return Math.abs(skewMs) > thresholdMs ? Math.round(skewMs / 1000) : null;
}

/** A time the device reported, on the server's clock. */
export const correctedForSkew = (reportedMs: number, skewSeconds: number | null): number => reportedMs - (skewSeconds ?? 0) * 1000;
