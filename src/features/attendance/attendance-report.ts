import { and, asc, eq, gte, inArray, isNull, lt, type SQL, sql } from 'drizzle-orm';
import { type AttendanceCounts, attendanceFigures, type AttendanceFigures, groupCounts, ZERO_COUNTS, addCounts } from '../../core/attendance/report.js';
import type { Db } from '../../db/client.js';
import { attendanceOccurrences } from '../../db/schema/attendance.js';
import { communities } from '../../db/schema/communities.js';
import { entries } from '../../db/schema/entries.js';
import type { Actor } from '../auth/actor.js';
import { atLeast, canSeeEntryDetails } from '../calendars/policy.js';
import { listAccessibleCalendars } from '../calendars/repository.js';
import { formatInZone } from '../entries/times.js';
import { visibleEntryFor } from './answer-rsvp.js';

export const GROUPINGS = ['none', 'entry', 'module', 'community', 'month'] as const;
export type Grouping = (typeof GROUPINGS)[number];

export interface ReportRow extends AttendanceFigures {
  entryId: string;
  title: string;
  module: string;
  community: string | null;
  recurrenceId: string | null;
  occurrenceAt: string;
  /** Check-ins and outs whose time was corrected for a scanner's clock that was off (docs/attendance.md "Device clocks"). */
  clockCorrected: number;
}

export interface AttendanceReport {
  title: string;
  period: string;
  groupBy: Grouping;
  rows: ReportRow[];
  groups: ({ key: string; occurrences: number } & AttendanceFigures)[];
  total: AttendanceFigures;
}

const selection = {
  entryId: attendanceOccurrences.entryId, key: attendanceOccurrences.occurrenceKey, at: attendanceOccurrences.occurrenceAt,
  invited: attendanceOccurrences.invited, going: attendanceOccurrences.going, maybe: attendanceOccurrences.maybe, declined: attendanceOccurrences.declined,
  attended: attendanceOccurrences.attended, walkIns: attendanceOccurrences.walkIns, expected: attendanceOccurrences.expected,
  title: entries.title, module: entries.module, timeZone: entries.timeZone, calendarId: entries.calendarId,
  visibility: entries.visibility, organizerId: entries.organizerId, createdBy: entries.createdBy, community: communities.name,
  clockCorrected: sql<number>`(select count(*)::int from attendance_records r where r.organization_id = ${attendanceOccurrences.organizationId}
    and r.entry_id = ${attendanceOccurrences.entryId} and r.occurrence_key = ${attendanceOccurrences.occurrenceKey} and r.clock_skew_seconds is not null)`,
};

async function occurrenceRows(db: Db, organizationId: string, where: SQL[]) {
  return db.select(selection).from(attendanceOccurrences)
    .innerJoin(entries, and(eq(entries.organizationId, attendanceOccurrences.organizationId), eq(entries.id, attendanceOccurrences.entryId), isNull(entries.deletedAt)))
    .leftJoin(communities, eq(communities.id, entries.communityId))
    .where(and(eq(attendanceOccurrences.organizationId, organizationId), ...where))
    .orderBy(asc(attendanceOccurrences.occurrenceAt), asc(entries.title));
}

type Row = Awaited<ReturnType<typeof occurrenceRows>>[number];
const countsOf = (r: Row): AttendanceCounts => ({ invited: r.invited, going: r.going, maybe: r.maybe, declined: r.declined, attended: r.attended, walkIns: r.walkIns, expected: r.expected ?? r.going });

function build(title: string, period: string, groupBy: Grouping, rows: Row[]): AttendanceReport {
  const keyOf = (r: Row): string => {
    switch (groupBy) {
      case 'entry': return r.title;
      case 'module': return r.module;
      case 'community': return r.community ?? '(no community)';
      case 'month': return formatInZone(r.at, r.timeZone).slice(0, 7);
      default: return 'all';
    }
  };
  return {
    title,
    period,
    groupBy,
    rows: rows.map((r) => ({ entryId: r.entryId, title: r.title, module: r.module, community: r.community, recurrenceId: r.key || null, occurrenceAt: formatInZone(r.at, r.timeZone), ...attendanceFigures(countsOf(r)), clockCorrected: Number(r.clockCorrected) })),
    groups: groupBy === 'none' ? [] : groupCounts(rows, keyOf, countsOf).map((g) => ({ key: g.key, occurrences: g.occurrences, ...g.figures })),
    total: attendanceFigures(rows.map(countsOf).reduce(addCounts, ZERO_COUNTS)),
  };
}

/** One entry, one row per occurrence that has participants or attendance. Whoever may see the entry. */
export async function entryAttendanceReport(deps: { db: Db }, actor: Actor, entryId: string): Promise<AttendanceReport> {
  const { entry } = await visibleEntryFor(deps.db, actor, entryId);
  const rows = await occurrenceRows(deps.db, actor.organizationId, [eq(attendanceOccurrences.entryId, entry.id)]);
  return build(`Attendance: ${entry.title}`, 'all occurrences', 'none', rows);
}

/**
 * Across entries in a period, grouped by module, community, month or entry, over the calendars the
 * actor can see (private entries of others are left out, as everywhere).
 */
export async function attendanceReport(deps: { db: Db }, actor: Actor, filters: { from: string; to: string; module?: string | undefined; communityId?: string | undefined; groupBy: Grouping }): Promise<AttendanceReport> {
  const calendars = (await listAccessibleCalendars(deps.db, actor)).filter((c) => atLeast(c.level, 'view'));
  const level = new Map(calendars.map((c) => [c.id, c.level]));
  const where: SQL[] = [gte(attendanceOccurrences.occurrenceAt, new Date(filters.from)), lt(attendanceOccurrences.occurrenceAt, new Date(filters.to))];
  if (filters.module) where.push(eq(entries.module, filters.module));
  if (filters.communityId) where.push(eq(entries.communityId, filters.communityId));
  const rows = calendars.length === 0 ? [] : await occurrenceRows(deps.db, actor.organizationId, [...where, inArray(entries.calendarId, [...level.keys()])]);
  const visible = rows.filter((r) => canSeeEntryDetails(actor, level.get(r.calendarId) ?? null, r));
  return build('Attendance report', `${filters.from} – ${filters.to}`, filters.groupBy, visible);
}
