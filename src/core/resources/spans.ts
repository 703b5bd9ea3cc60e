/**
 * Half-open time spans [startMs, endMs) and the arithmetic availability needs: merge, subtract,
 * clip, and the peak of units in use. Back-to-back spans never overlap; empty spans never count.
 */
export interface Span {
  startMs: number;
  endMs: number;
}

export interface UnitSpan extends Span {
  units: number;
}

export const overlaps = (a: Span, b: Span): boolean => a.startMs < b.endMs && b.startMs < a.endMs && a.startMs < a.endMs && b.startMs < b.endMs;

/** Sorted, disjoint, non-adjacent spans covering the same instants. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((s) => s.startMs < s.endMs).sort((a, b) => a.startMs - b.startMs);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.startMs <= last.endMs) last.endMs = Math.max(last.endMs, s.endMs);
    else out.push({ startMs: s.startMs, endMs: s.endMs });
  }
  return out;
}

/** The instants of `from` not covered by any span of `minus`. */
export function subtractSpans(from: readonly Span[], minus: readonly Span[]): Span[] {
  const cuts = mergeSpans(minus);
  const out: Span[] = [];
  for (const f of mergeSpans(from)) {
    let cursor = f.startMs;
    for (const c of cuts) {
      if (c.endMs <= cursor) continue;
      if (c.startMs >= f.endMs) break;
      if (c.startMs > cursor) out.push({ startMs: cursor, endMs: c.startMs });
      cursor = Math.max(cursor, c.endMs);
      if (cursor >= f.endMs) break;
    }
    if (cursor < f.endMs) out.push({ startMs: cursor, endMs: f.endMs });
  }
  return out;
}

export function clipSpans(spans: readonly Span[], window: Span): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    const startMs = Math.max(s.startMs, window.startMs);
    const endMs = Math.min(s.endMs, window.endMs);
    if (startMs < endMs) out.push({ startMs, endMs });
  }
  return out;
}

export const totalMs = (spans: readonly Span[]): number => mergeSpans(spans).reduce((sum, s) => sum + s.endMs - s.startMs, 0);

/**
 * The most units in use at any instant of `window` (a sweep over start/end points, ends before
 * starts at the same instant because spans are half-open), and one span in use at that instant.
 * This is what the database guard (0004_resources.sql) computes; the randomised test holds both
 * this and a brute-force count to the same answer.
 */
export function peakUnits<T extends UnitSpan>(spans: readonly T[], window: Span): { peak: number; at: T | null } {
  const inside = spans.filter((s) => overlaps(s, window));
  const points: { t: number; d: number; s: T }[] = [];
  for (const s of inside) {
    points.push({ t: Math.max(s.startMs, window.startMs), d: s.units, s });
    points.push({ t: Math.min(s.endMs, window.endMs), d: -s.units, s });
  }
  points.sort((a, b) => a.t - b.t || a.d - b.d);
  let current = 0;
  let peak = 0;
  let at: T | null = null;
  for (const p of points) {
    current += p.d;
    if (current > peak) {
      peak = current;
      at = p.s;
    }
  }
  return { peak, at };
}

/**
 * Where `units` more can still be placed inside `window`: the spans where the units in use stay at
 * or below quantity − units. For a unit resource that is the window minus every busy span.
 */
export function freeSpans(busy: readonly UnitSpan[], window: Span, quantity: number, units = 1): Span[] {
  const limit = quantity - units;
  if (limit < 0) return [];
  const points: { t: number; d: number }[] = [];
  for (const s of busy) {
    if (!overlaps(s, window)) continue;
    points.push({ t: Math.max(s.startMs, window.startMs), d: s.units });
    points.push({ t: Math.min(s.endMs, window.endMs), d: -s.units });
  }
  points.sort((a, b) => a.t - b.t || a.d - b.d);
  const full: Span[] = [];
  let current = 0;
  let fullSince: number | null = null;
  for (const p of points) {
    current += p.d;
    if (current > limit && fullSince === null) fullSince = p.t;
    else if (current <= limit && fullSince !== null) {
      full.push({ startMs: fullSince, endMs: p.t });
      fullSince = null;
    }
  }
  return subtractSpans([window], full);
}
