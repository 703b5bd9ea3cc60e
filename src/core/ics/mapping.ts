import { createHash } from 'node:crypto';
import type { RecurrenceValue } from '../recurrence/types.js';
import { formatInstantInZone, formatLocalDate, formatLocalDateTime, localToEpochMs, type Zone } from '../time/index.js';
import type { IcsPerson } from './event.js';
import { defaultEndRule, endRuleOf, occurrenceText } from './occurrence-times.js';
import type { ResolvedEvent } from './resolve.js';
import type { ParsedTodo } from './todo.js';
import { ianaNameForTzid } from './tzid.js';
import type { IcsTime } from './values.js';

/**
 * One VEVENT in the shape of a calendar entry (docs/ics.md "Entry mapping"). A master and its
 * overrides map one by one; the database links them by `uid` and `recurrenceId`.
 */
export interface IcsEntry {
  readonly uid: string;
  /** True when the file had no UID and one was made from the event's content and line. */
  readonly uidGenerated: boolean;
  /** Set on an override: the occurrence it replaces, in the start's ISO form (offset, date or floating) and as an instant. */
  readonly recurrenceId: { readonly local: string; readonly epochMs: number; readonly thisAndFuture: boolean } | null;
  readonly title: string;
  readonly description: string | null;
  readonly location: string | null;
  readonly geo: readonly [number, number] | null;
  /** ISO: local time with offset (timed), date (all-day), wall clock without offset (floating). */
  readonly start: string;
  readonly end: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly allDay: boolean;
  readonly floating: boolean;
  /** IANA id (Windows names mapped through CLDR), the TZID of a file-defined zone, or null (floating/all-day). */
  readonly timeZone: string | null;
  /** For a file-defined zone: its VTIMEZONE text, to store and write back. */
  readonly customTimeZone: { readonly tzid: string; readonly vtimezone: string } | null;
  readonly rrule: string | null;
  /** RDATE/EXDATE in the recurrence engine's form (wall clock in `timeZone`, dates, or instants). */
  readonly rdate: readonly RecurrenceValue[];
  readonly exdate: readonly RecurrenceValue[];
  /** RDATE;VALUE=PERIOD ends, by occurrence start instant. */
  readonly rdatePeriods: readonly { readonly startMs: number; readonly endMs: number }[];
  readonly status: 'confirmed' | 'tentative' | 'cancelled' | null;
  readonly sequence: number;
  readonly lastModified: string | null;
  readonly organizer: IcsPerson | null;
  readonly attendees: readonly IcsPerson[];
  readonly categories: readonly string[];
  readonly url: string | null;
  readonly visibility: 'public' | 'private' | 'confidential' | null;
  readonly transparent: boolean;
  readonly alarmTriggers: readonly string[];
  /** Line of the VEVENT's BEGIN, for messages. */
  readonly line: number;
}

/** A VTODO as a possible staff task (never an entry of the calendar by itself). */
export interface IcsTask {
  readonly uid: string | null;
  readonly title: string;
  readonly description: string | null;
  readonly due: string | null;
  readonly start: string | null;
  readonly status: string | null;
  readonly percentComplete: number | null;
  readonly priority: number | null;
  readonly rrule: string | null;
  readonly line: number;
}

const STATUSES = { CONFIRMED: 'confirmed', TENTATIVE: 'tentative', CANCELLED: 'cancelled' } as const;
const CLASSES = { PUBLIC: 'public', PRIVATE: 'private', CONFIDENTIAL: 'confidential' } as const;

function timeText(t: IcsTime, resolve: (tzid: string) => Zone | null): string {
  if (t.kind === 'date') return formatLocalDate(t.date);
  if (t.kind === 'floating') return formatLocalDateTime(t.local);
  if (t.kind === 'utc') return `${formatLocalDateTime(t.local)}Z`;
  const zone = resolve(t.tzid);
  return zone ? formatInstantInZone(zone.epochMsOf(t.local), zone) : formatLocalDateTime(t.local);
}

/** A stable UID for a VEVENT that has none, so importing the same file twice finds the same entries. */
export function generatedUid(r: ResolvedEvent): string {
  const e = r.event;
  const key = JSON.stringify([e.line, e.summary, r.startMs, e.rrule?.value ?? null, e.location]);
  return `kalendaryo-${createHash('sha256').update(key).digest('hex').slice(0, 32)}@import`;
}

/**
 * Maps one resolved VEVENT to an entry. `vtimezones` holds the VTIMEZONE text of each file-defined
 * zone by TZID (readIcsEntries fills it).
 */
export function mapEvent(r: ResolvedEvent, vtimezones: ReadonlyMap<string, string> = new Map()): IcsEntry {
  const e = r.event;
  const rule = endRuleOf(r) ?? defaultEndRule(r.allDay);
  const local = e.start.value.kind === 'date' ? e.start.value.date : (e.start.value as { local: import('../time/index.js').LocalDateTime }).local;
  const times = occurrenceText(local, r.startMs, r.allDay, r.zone, rule);
  const tzid = e.start.value.kind === 'zoned' ? e.start.value.tzid : null;
  const iana = tzid ? ianaNameForTzid(tzid) : null;
  const custom = tzid && !iana ? { tzid, vtimezone: vtimezones.get(tzid) ?? '' } : null;
  const byId = (id: string) => (r.zone && id === tzid ? r.zone : null);
  return {
    uid: e.uid ?? generatedUid(r),
    uidGenerated: e.uid === null,
    recurrenceId: e.recurrenceId ? { local: timeText(e.recurrenceId.value, byId), epochMs: r.recurrenceIdMs!, thisAndFuture: e.thisAndFuture } : null,
    title: e.summary ?? '',
    description: e.description,
    location: e.location,
    geo: e.geo,
    start: times.start,
    end: times.end,
    startMs: r.startMs,
    endMs: times.endMs,
    allDay: r.allDay,
    floating: !r.allDay && r.zone === null,
    timeZone: iana ?? tzid ?? (e.start.value.kind === 'utc' ? 'UTC' : null),
    customTimeZone: custom,
    rrule: e.rrule?.value ?? null,
    rdate: r.recurrence.rdate ?? [],
    exdate: r.recurrence.exdate ?? [],
    rdatePeriods: [...r.periodEnds].map(([startMs, endMs]) => ({ startMs, endMs })),
    status: STATUSES[e.status as keyof typeof STATUSES] ?? null,
    sequence: e.sequence,
    lastModified: e.lastModified?.kind === 'utc' ? new Date(localToEpochMs(e.lastModified.local)).toISOString() : null,
    organizer: e.organizer,
    attendees: e.attendees,
    categories: e.categories,
    url: e.url,
    visibility: CLASSES[e.classification as keyof typeof CLASSES] ?? null,
    transparent: e.transparent,
    alarmTriggers: e.alarmTriggers,
    line: e.line,
  };
}

/**
 * A master and its overrides as entries: the master first (null when the file has only overrides,
 * e.g. an invitation to one occurrence — each override is then an entry of its own).
 */
export function mapEventGroup(
  group: { readonly master: ResolvedEvent | null; readonly overrides: readonly ResolvedEvent[] },
  vtimezones?: ReadonlyMap<string, string>,
): { master: IcsEntry | null; overrides: IcsEntry[] } {
  return {
    master: group.master ? mapEvent(group.master, vtimezones) : null,
    overrides: group.overrides.map((o) => mapEvent(o, vtimezones)),
  };
}

export function mapTodo(t: ParsedTodo): IcsTask {
  const text = (v: IcsTime | null) => (v ? timeText(v, () => null) : null);
  return {
    uid: t.uid,
    title: t.summary ?? '',
    description: t.description,
    due: text(t.due),
    start: text(t.start),
    status: t.status,
    percentComplete: t.percentComplete,
    priority: t.priority,
    rrule: t.rrule,
    line: t.line,
  };
}
