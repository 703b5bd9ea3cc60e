/**
 * Attendance arithmetic: the counts of one occurrence and how they add up over many. The rate is
 * the share of invited people who came (walk-ins are counted apart: they were never invited); it is
 * null when nobody was invited, rather than a division by zero dressed as 0 %.
 */
export interface AttendanceCounts {
  invited: number;
  going: number;
  maybe: number;
  declined: number;
  /** Everyone checked in (invited people and walk-ins). */
  attended: number;
  walkIns: number;
  /** The organiser's expectation, or the going count when none was given. */
  expected: number;
}

export interface AttendanceFigures extends AttendanceCounts {
  attendedInvited: number;
  /** attendedInvited / invited, 0…1, rounded to 4 places; null without invitations. */
  rate: number | null;
  /** attended − expected: positive when more came than expected. */
  difference: number;
}

export const ZERO_COUNTS: AttendanceCounts = { invited: 0, going: 0, maybe: 0, declined: 0, attended: 0, walkIns: 0, expected: 0 };

export function attendanceFigures(counts: AttendanceCounts): AttendanceFigures {
  const attendedInvited = Math.max(0, counts.attended - counts.walkIns);
  const rate = counts.invited > 0 ? Math.round((attendedInvited / counts.invited) * 10_000) / 10_000 : null;
  return { ...counts, attendedInvited, rate, difference: counts.attended - counts.expected };
}

export function addCounts(a: AttendanceCounts, b: AttendanceCounts): AttendanceCounts {
  return {
    invited: a.invited + b.invited,
    going: a.going + b.going,
    maybe: a.maybe + b.maybe,
    declined: a.declined + b.declined,
    attended: a.attended + b.attended,
    walkIns: a.walkIns + b.walkIns,
    expected: a.expected + b.expected,
  };
}

/** Sums rows into groups (module, community, month…), keeping the groups in first-seen order. */
export function groupCounts<T>(rows: Iterable<T>, keyOf: (row: T) => string, countsOf: (row: T) => AttendanceCounts): { key: string; occurrences: number; figures: AttendanceFigures }[] {
  const groups = new Map<string, { occurrences: number; counts: AttendanceCounts }>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key) ?? { occurrences: 0, counts: ZERO_COUNTS };
    groups.set(key, { occurrences: group.occurrences + 1, counts: addCounts(group.counts, countsOf(row)) });
  }
  return [...groups].map(([key, g]) => ({ key, occurrences: g.occurrences, figures: attendanceFigures(g.counts) }));
}

export type RsvpAnswer = 'invited' | 'going' | 'maybe' | 'declined';

/** An answer for one occurrence wins over the answer for the whole series. */
export const effectiveRsvp = (seriesAnswer: RsvpAnswer, occurrenceAnswer: RsvpAnswer | null | undefined): RsvpAnswer =>
  occurrenceAnswer ?? seriesAnswer;
