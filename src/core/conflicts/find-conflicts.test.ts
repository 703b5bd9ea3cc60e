import { describe, expect, it } from 'vitest';
import { findConflicts, type Conflict, type ConflictSpan, type ResourceBookingSpan } from './find-conflicts.js';
import { randomSpans } from './random-spans.js';

const H = 3_600_000;
const span = (entryId: string, startH: number, endH: number, personIds: string[], resourceIds: string[] = [], isLeave = false): ConflictSpan => ({ entryId, personIds, resourceIds, startMs: startH * H, endMs: endH * H, isLeave });

/** Every pair of claims on one subject compared directly: O(n²), obviously right. */
function oracle(spans: readonly ConflictSpan[], bookings: readonly ResourceBookingSpan[]): Conflict[] {
  type C = { subject: string; kind: 'p' | 'r'; entryId: string; s: number; e: number; leave: boolean };
  const claims: C[] = [];
  for (const x of spans) {
    for (const p of x.personIds) claims.push({ subject: p, kind: 'p', entryId: x.entryId, s: x.startMs, e: x.endMs, leave: x.isLeave });
    if (!x.isLeave) for (const r of x.resourceIds) claims.push({ subject: r, kind: 'r', entryId: x.entryId, s: x.startMs, e: x.endMs, leave: false });
  }
  for (const b of bookings) claims.push({ subject: b.resourceId, kind: 'r', entryId: b.entryId, s: b.startMs, e: b.endMs, leave: false });
  const out = new Map<string, Conflict>();
  for (let i = 0; i < claims.length; i++) {
    for (let j = i + 1; j < claims.length; j++) {
      const a = claims[i]!;
      const b = claims[j]!;
      if (a.kind !== b.kind || a.subject !== b.subject || a.entryId === b.entryId) continue;
      if (!(a.s < b.e && b.s < a.e && a.s < a.e && b.s < b.e)) continue;
      if (a.leave && b.leave) continue;
      const type = a.kind === 'r' ? 'resource_double_booked' : a.leave || b.leave ? 'person_on_leave' : 'person_double_booked';
      const ids: [string, string] = type === 'person_on_leave' ? (a.leave ? [b.entryId, a.entryId] : [a.entryId, b.entryId]) : ([a.entryId, b.entryId].sort() as [string, string]);
      const k = `${type}|${a.subject}|${ids.join('|')}`;
      const prev = out.get(k);
      const s = Math.max(a.s, b.s);
      const e = Math.min(a.e, b.e);
      out.set(k, prev ? { ...prev, startMs: Math.min(prev.startMs, s), endMs: Math.max(prev.endMs, e) } : { type, subjectId: a.subject, entryIds: ids, startMs: s, endMs: e });
    }
  }
  return [...out.values()];
}

const canon = (cs: Conflict[]) => cs.map((c) => `${c.type}|${c.subjectId}|${c.entryIds.join('|')}|${c.startMs}|${c.endMs}`).sort();

describe('findConflicts', () => {
  it('does not flag back-to-back meetings [09:00,10:00) and [10:00,11:00)', () => {
    expect(findConflicts([span('a', 9, 10, ['ana'], ['room1']), span('b', 10, 11, ['ana'], ['room1'])])).toEqual([]);
  });

  it('flags a person on two overlapping entries of different modules, with the overlap', () => {
    expect(findConflicts([span('meeting', 9, 11, ['ana', 'ben']), span('training', 10, 12, ['ana'])])).toEqual([
      { type: 'person_double_booked', subjectId: 'ana', entryIds: ['meeting', 'training'], startMs: 10 * H, endMs: 11 * H },
    ]);
  });

  it('flags someone scheduled during approved leave, scheduled entry first', () => {
    const out = findConflicts([span('leave', 0, 48, ['ana'], [], true), span('visit', 30, 32, ['ana'], ['van'])]);
    expect(out).toEqual([{ type: 'person_on_leave', subjectId: 'ana', entryIds: ['visit', 'leave'], startMs: 30 * H, endMs: 32 * H }]);
  });

  it('flags a resource booked twice, counting bookings whose time differs from the entry', () => {
    const out = findConflicts([span('a', 9, 10, ['x'], ['room1']), span('b', 12, 13, ['y'])], [{ resourceId: 'room1', entryId: 'b', startMs: 9.5 * H, endMs: 13 * H }]);
    expect(out).toEqual([{ type: 'resource_double_booked', subjectId: 'room1', entryIds: ['a', 'b'], startMs: 9.5 * H, endMs: 10 * H }]);
  });

  it('does not count a person twice on one entry (organizer and participant)', () => {
    expect(findConflicts([span('a', 9, 10, ['ana', 'ana'])])).toEqual([]);
  });

  it('ignores empty spans', () => {
    expect(findConflicts([span('a', 9, 11, ['ana']), span('b', 10, 10, ['ana'])])).toEqual([]);
  });

  it('matches the brute-force oracle on random data (200 seeds)', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const { spans, bookings } = randomSpans(seed, { count: 20 + (seed % 60), people: 3 + (seed % 12), resources: 2 + (seed % 5), slots: 40 + (seed % 200) });
      expect(canon(findConflicts(spans, bookings)), `seed ${seed}`).toEqual(canon(oracle(spans, bookings)));
    }
  });

  it('returns conflicts ordered by the start of the overlap', () => {
    const { spans, bookings } = randomSpans(7, { count: 300, people: 10, resources: 4, slots: 500 });
    const out = findConflicts(spans, bookings);
    expect(out.length).toBeGreaterThan(0);
    for (let i = 1; i < out.length; i++) expect(out[i]!.startMs).toBeGreaterThanOrEqual(out[i - 1]!.startMs);
  });
});
