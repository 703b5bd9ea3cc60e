import { describe, expect, it } from 'vitest';
import { seededRandom } from '../conflicts/random-spans.js';
import { freeSpans, mergeSpans, overlaps, peakUnits, subtractSpans, type UnitSpan } from './spans.js';

// A small time line of whole slots: the oracle checks every slot, so it cannot share a bug with the sweep.
const SLOTS = 48;

function randomUnitSpans(rnd: () => number, n: number): UnitSpan[] {
  return Array.from({ length: n }, () => {
    const a = Math.floor(rnd() * SLOTS);
    const len = Math.floor(rnd() * 8); // zero-length spans too
    return { startMs: a, endMs: Math.min(SLOTS, a + len), units: 1 + Math.floor(rnd() * 3) };
  });
}

const usedAt = (spans: readonly UnitSpan[], t: number) => spans.reduce((sum, s) => sum + (s.startMs <= t && t < s.endMs ? s.units : 0), 0);

describe('resource spans against a brute-force oracle (500 seeds)', () => {
  it('peakUnits is the most units in use at any slot of the window, and names a span in use then', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const rnd = seededRandom(seed);
      const spans = randomUnitSpans(rnd, 1 + Math.floor(rnd() * 12));
      const a = Math.floor(rnd() * SLOTS);
      const window = { startMs: a, endMs: a + 1 + Math.floor(rnd() * 12) };
      let expected = 0;
      for (let t = window.startMs; t < window.endMs; t++) expected = Math.max(expected, usedAt(spans, t));
      const { peak, at } = peakUnits(spans, window);
      expect(peak, `seed ${seed}`).toBe(expected);
      if (expected > 0) expect(at && overlaps(at, window), `seed ${seed}`).toBe(true);
      else expect(at).toBeNull();
    }
  });

  it('freeSpans holds exactly the slots where the units still fit', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const rnd = seededRandom(seed * 7);
      const spans = randomUnitSpans(rnd, Math.floor(rnd() * 12));
      const quantity = 1 + Math.floor(rnd() * 4);
      const units = 1 + Math.floor(rnd() * 2);
      const window = { startMs: 0, endMs: SLOTS };
      const free = freeSpans(spans, window, quantity, units);
      for (let t = 0; t < SLOTS; t++) {
        const fits = usedAt(spans, t) + units <= quantity;
        const inFree = free.some((f) => f.startMs <= t && t < f.endMs);
        expect(inFree, `seed ${seed} slot ${t}`).toBe(fits);
      }
      expect(mergeSpans(free)).toEqual(free);
    }
  });

  it('mergeSpans and subtractSpans cover exactly the right slots', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const rnd = seededRandom(seed * 13);
      const a = randomUnitSpans(rnd, Math.floor(rnd() * 8));
      const b = randomUnitSpans(rnd, Math.floor(rnd() * 8));
      const merged = mergeSpans(a);
      const diff = subtractSpans(a, b);
      for (let t = 0; t < SLOTS; t++) {
        const inA = usedAt(a, t) > 0;
        const inB = usedAt(b, t) > 0;
        expect(merged.some((s) => s.startMs <= t && t < s.endMs), `seed ${seed}`).toBe(inA);
        expect(diff.some((s) => s.startMs <= t && t < s.endMs), `seed ${seed}`).toBe(inA && !inB);
      }
      for (let i = 1; i < merged.length; i++) expect(merged[i]!.startMs).toBeGreaterThan(merged[i - 1]!.endMs);
    }
  });

  it('back-to-back bookings do not overlap: [9,10) and [10,11)', () => {
    const spans = [{ startMs: 9, endMs: 10, units: 1 }, { startMs: 10, endMs: 11, units: 1 }];
    expect(peakUnits(spans, { startMs: 0, endMs: 24 }).peak).toBe(1);
    expect(overlaps(spans[0]!, spans[1]!)).toBe(false);
  });
});
