/**
 * Conflict detection over plain spans: a person booked twice at once (across every module), a
 * person scheduled while on approved leave, a resource or venue used twice at once.
 *
 * Spans are half-open [start, end): back-to-back items do not conflict, empty spans never do.
 * Each subject's claims are swept in start order with the active claims in a min-heap by end, so
 * the cost is O(n log n + k) for n claims and k reported conflicts. Recurring entries are passed in
 * as one span per occurrence (entryId = the occurrence's id).
 */
import { ClaimTable } from './claim-table.js';
import { MinHeap } from './min-heap.js';

export interface ConflictSpan {
  entryId: string;
  /** Organizer, participants, assignee, staff on leave…: extracted by the caller. */
  personIds: readonly string[];
  /** Resources and venues the entry names. */
  resourceIds: readonly string[];
  startMs: number;
  endMs: number;
  /** Approved leave: the person is unavailable, and anything else they are on conflicts with it. */
  isLeave: boolean;
}

/** A resource booking whose time may differ from its entry's (e.g. a vehicle kept a day longer). */
export interface ResourceBookingSpan {
  resourceId: string;
  entryId: string;
  startMs: number;
  endMs: number;
}

export type ConflictType = 'person_double_booked' | 'person_on_leave' | 'resource_double_booked';

export interface Conflict {
  type: ConflictType;
  /** The person or resource id. */
  subjectId: string;
  /** Sorted ids; for person_on_leave the scheduled entry first, the leave second. */
  entryIds: [string, string];
  /** The overlap. */
  startMs: number;
  endMs: number;
}

export function findConflicts(spans: readonly ConflictSpan[], bookings: readonly ResourceBookingSpan[] = []): Conflict[] {
  const people = new ClaimTable(spans.length);
  const resources = new ClaimTable(spans.length + bookings.length);
  for (const s of spans) {
    if (!(s.startMs < s.endMs)) continue;
    if (s.personIds.length > 0) people.add(s.personIds, s.entryId, s.startMs, s.endMs, s.isLeave);
    // Leave books a person, never a room or vehicle.
    if (!s.isLeave && s.resourceIds.length > 0) resources.add(s.resourceIds, s.entryId, s.startMs, s.endMs, false);
  }
  for (const b of bookings) {
    if (b.startMs < b.endMs) resources.add([b.resourceId], b.entryId, b.startMs, b.endMs, false);
  }

  const found = new Map<string, Conflict>();
  const report = (type: ConflictType, subjectId: string, t: ClaimTable, a: number, b: number) => {
    const ea = t.entryIds[a]!;
    const eb = t.entryIds[b]!;
    if (ea === eb) return;
    let entryIds: [string, string];
    if (type === 'person_on_leave') entryIds = t.leave[a] ? [eb, ea] : [ea, eb];
    else entryIds = ea < eb ? [ea, eb] : [eb, ea];
    const startMs = Math.max(t.starts[a]!, t.starts[b]!);
    const endMs = Math.min(t.ends[a]!, t.ends[b]!);
    const k = `${type}\u0000${subjectId}\u0000${entryIds[0]}\u0000${entryIds[1]}`;
    const seen = found.get(k);
    // The same two entries can meet twice on one subject (an entry's own span and its booking):
    // report once, over the whole overlap.
    if (seen) {
      seen.startMs = Math.min(seen.startMs, startMs);
      seen.endMs = Math.max(seen.endMs, endMs);
    } else found.set(k, { type, subjectId, entryIds, startMs, endMs });
  };

  sweep(people, (subject, a, b) => {
    if (people.leave[a] && people.leave[b]) return; // two overlapping leave requests are the leave feature's concern
    report(people.leave[a] || people.leave[b] ? 'person_on_leave' : 'person_double_booked', subject, people, a, b);
  });
  sweep(resources, (subject, a, b) => report('resource_double_booked', subject, resources, a, b));

  return [...found.values()].sort(compareConflicts);
}

/** The order findConflicts returns: by the start of the overlap, then by what it is about. */
export function compareConflicts(x: Conflict, y: Conflict): number {
  return x.startMs - y.startMs || cmp(x.type, y.type) || cmp(x.subjectId, y.subjectId) || cmp(x.entryIds[0], y.entryIds[0]) || cmp(x.entryIds[1], y.entryIds[1]);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sweep(t: ClaimTable, onOverlap: (subject: string, a: number, b: number) => void): void {
  const { starts, ends } = t;
  const { rows, groupStart } = t.groupBySubject();
  const active = new MinHeap(ends);
  for (let s = 0; s + 1 < groupStart.length; s++) {
    const from = groupStart[s]!;
    const to = groupStart[s + 1]!;
    if (to - from < 2) continue;
    active.clear();
    for (let i = from; i < to; i++) {
      const c = rows[i]!;
      while (active.size > 0 && ends[active.peek()]! <= starts[c]!) active.pop();
      // Everything still active ends after c starts and started no later: each one overlaps c.
      for (let k = 0; k < active.size; k++) onOverlap(t.subjectNames[s]!, active.at(k), c);
      active.push(c);
    }
  }
}
