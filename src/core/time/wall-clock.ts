import type { LocalDateTime } from './zone.js';
import { MS_PER_DAY } from './civil.js';
import { localToEpochMs } from './local.js';

/**
 * Wall clock → instant for any zone that can tell its offset at an instant (IANA, VTIMEZONE, fixed),
 * the RFC 5545 §3.3.5 way: a time in a spring-forward gap is read with the offset before the gap
 * (so 02:30 becomes 03:30 after a one-hour jump), a time in a fall-back overlap means the earlier
 * instant. Dangerous to change: every stored occurrence identity depends on this choice.
 */
export function resolveWallClock(local: LocalDateTime, offsetMsAt: (epochMs: number) => number): number {
  return resolveWallMs(localToEpochMs(local), offsetMsAt);
}

export function resolveWallMs(wall: number, offsetMsAt: (epochMs: number) => number): number {
  // Offsets a day either side bracket any single transition near this wall time.
  const before = offsetMsAt(wall - MS_PER_DAY);
  const after = offsetMsAt(wall + MS_PER_DAY);
  if (before === after) {
    const t = wall - before;
    const o = offsetMsAt(t);
    return o === before ? t : wall - o;
  }
  const t1 = wall - before;
  const t2 = wall - after;
  const ok1 = offsetMsAt(t1) === before;
  const ok2 = offsetMsAt(t2) === after;
  if (ok1 && ok2) return Math.min(t1, t2);
  if (ok1) return t1;
  if (ok2) return t2;
  return t1; // in the gap: offset before the gap
}
