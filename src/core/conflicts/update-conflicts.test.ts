import { describe, expect, it } from 'vitest';
import { findConflicts } from './find-conflicts.js';
import { randomSpans, seededRandom } from './random-spans.js';
import { updateConflicts } from './update-conflicts.js';

describe('updateConflicts', () => {
  it('gives exactly what a full sweep of the changed spans gives (300 random edits)', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const rnd = seededRandom(seed * 7919);
      const options = { count: 60 + (seed % 140), people: 4 + (seed % 15), resources: 2 + (seed % 6), slots: 80 + (seed % 300) };
      const before = randomSpans(seed, options);
      // New versions of a few entries (moved, re-staffed, cancelled, new) from another random draw.
      const fresh = randomSpans(seed + 100_000, { ...options, count: 1 + Math.floor(rnd() * 6) });
      const removedSpans = before.spans.filter(() => rnd() < 0.04);
      const addedSpans = fresh.spans.map((s) => ({ ...s, entryId: rnd() < 0.5 && removedSpans.length ? removedSpans[0]!.entryId : `new-${s.entryId}` }));
      const removedBookings = before.bookings.filter(() => rnd() < 0.1);
      const addedBookings = fresh.bookings;
      const spans = [...before.spans.filter((s) => !removedSpans.includes(s)), ...addedSpans];
      const bookings = [...before.bookings.filter((b) => !removedBookings.includes(b)), ...addedBookings];

      const updated = updateConflicts(findConflicts(before.spans, before.bookings), { removedSpans, addedSpans, removedBookings, addedBookings }, { spans, bookings });
      expect(updated, `seed ${seed}`).toEqual(findConflicts(spans, bookings));
    }
  });

  it('keeps every conflict when nothing changed', () => {
    const { spans, bookings } = randomSpans(3, { count: 200, people: 8, resources: 3, slots: 300 });
    const all = findConflicts(spans, bookings);
    expect(all.length).toBeGreaterThan(0);
    expect(updateConflicts(all, { removedSpans: [], addedSpans: [], removedBookings: [], addedBookings: [] }, { spans, bookings })).toEqual(all);
  });

  it('drops the conflict of a meeting moved out of the overlap, and only that one', () => {
    const H = 3_600_000;
    const a = { entryId: 'a', personIds: ['ana'], resourceIds: [], startMs: 9 * H, endMs: 11 * H, isLeave: false };
    const b = { entryId: 'b', personIds: ['ana'], resourceIds: [], startMs: 10 * H, endMs: 12 * H, isLeave: false };
    const c = { entryId: 'c', personIds: ['ben'], resourceIds: ['van'], startMs: 9 * H, endMs: 12 * H, isLeave: false };
    const d = { entryId: 'd', personIds: ['cy'], resourceIds: ['van'], startMs: 11 * H, endMs: 13 * H, isLeave: false };
    const before = findConflicts([a, b, c, d]);
    expect(before.map((x) => x.subjectId)).toEqual(['ana', 'van']);
    const moved = { ...b, startMs: 14 * H, endMs: 15 * H };
    const after = updateConflicts(before, { removedSpans: [b], addedSpans: [moved], removedBookings: [], addedBookings: [] }, { spans: [a, moved, c, d], bookings: [] });
    expect(after).toEqual([before[1]]);
  });
});
