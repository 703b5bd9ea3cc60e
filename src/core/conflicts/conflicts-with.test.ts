import { describe, expect, it } from 'vitest';
import { conflictsWith } from './conflicts-with.js';
import { findConflicts } from './find-conflicts.js';
import { randomSpans } from './random-spans.js';

describe('conflictsWith', () => {
  it('gives exactly the conflicts of the full sweep that involve the candidate (100 seeds)', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const { spans, bookings } = randomSpans(seed, { count: 60, people: 6, resources: 3, slots: 120 });
      const candidate = spans[seed % spans.length]!;
      const others = spans.filter((s) => s !== candidate);
      const own = bookings.filter((b) => b.entryId === candidate.entryId);
      const rest = bookings.filter((b) => b.entryId !== candidate.entryId);
      const expected = findConflicts(spans, bookings).filter((c) => c.entryIds.includes(candidate.entryId));
      expect(conflictsWith(candidate, others, rest, own), `seed ${seed}`).toEqual(expected);
    }
  });

  it('ignores the stored version of the entry being moved', () => {
    const H = 3_600_000;
    const stored = { entryId: 'a', personIds: ['ana'], resourceIds: [], startMs: 9 * H, endMs: 10 * H, isLeave: false };
    expect(conflictsWith({ ...stored, startMs: 9.5 * H, endMs: 10.5 * H }, [stored])).toEqual([]);
  });
});
