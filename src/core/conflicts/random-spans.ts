/**
 * Seeded random spans for the conflict tests and benchmark: times on a 15-minute grid so that
 * back-to-back and identical spans happen often.
 */
import type { ConflictSpan, ResourceBookingSpan } from './find-conflicts.js';

/** mulberry32: small, fast, deterministic. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RandomSpanOptions {
  count: number;
  people: number;
  resources: number;
  /** Length of the time line in 15-minute slots. */
  slots: number;
  leaveShare?: number;
}

export function randomSpans(seed: number, o: RandomSpanOptions): { spans: ConflictSpan[]; bookings: ResourceBookingSpan[] } {
  const rnd = seededRandom(seed);
  const pick = (n: number) => Math.floor(rnd() * n);
  const SLOT = 900_000;
  const spans: ConflictSpan[] = [];
  const bookings: ResourceBookingSpan[] = [];
  for (let i = 0; i < o.count; i++) {
    const start = pick(o.slots);
    // mostly 30 min – 3 h; some empty spans to check they never conflict
    const len = rnd() < 0.03 ? 0 : 2 + pick(11);
    const isLeave = rnd() < (o.leaveShare ?? 0.05);
    const personIds = Array.from({ length: isLeave ? 1 : 1 + pick(4) }, () => `p${pick(o.people)}`);
    const resourceIds = !isLeave && rnd() < 0.3 ? [`r${pick(o.resources)}`] : [];
    const span = { entryId: `e${i}`, personIds, resourceIds, startMs: start * SLOT, endMs: (start + (isLeave ? len * 8 : len)) * SLOT, isLeave };
    spans.push(span);
    if (!isLeave && rnd() < 0.1) {
      const shift = pick(3) - 1;
      bookings.push({ resourceId: `r${pick(o.resources)}`, entryId: span.entryId, startMs: span.startMs + shift * SLOT, endMs: span.endMs + shift * SLOT });
    }
  }
  return { spans, bookings };
}
