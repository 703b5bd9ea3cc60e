import type { LocalDate, RecurrenceValue } from '../recurrence/types.js';
import { isIanaZone, type LocalDateTime } from '../time/index.js';
import { contentLine, escapeText, foldLine } from './fold.js';
import { type ExportAttendee, triggerOf } from './participants.js';
import { vtimezoneLines } from './vtimezone-writer.js';

/** One VEVENT to export: a master, a single event, or an override (with recurrenceId). */
export interface ExportEvent {
  readonly uid: string;
  readonly sequence?: number;
  /** DTSTAMP, epoch ms. */
  readonly dtstamp: number;
  readonly lastModified?: number | null;
  readonly title: string;
  readonly description?: string | null;
  readonly location?: string | null;
  readonly geo?: readonly [number, number] | null;
  readonly categories?: readonly string[];
  readonly url?: string | null;
  readonly status?: 'confirmed' | 'tentative' | 'cancelled' | null;
  readonly visibility?: 'public' | 'private' | 'confidential' | null;
  readonly transparent?: boolean;
  readonly organizer?: { readonly address: string; readonly name?: string | null } | null;
  readonly allDay: boolean;
  /** Wall clock in `timeZone` (a date for all-day); `end` exclusive, null = no DTEND. */
  readonly start: LocalDateTime | LocalDate;
  readonly end: LocalDateTime | LocalDate | null;
  /** IANA id ("UTC" writes Z times), a file-defined TZID listed in the calendar's customTimeZones, or null (floating, all-day). */
  readonly timeZone: string | null;
  readonly rrule?: string | null;
  readonly rdate?: readonly RecurrenceValue[];
  readonly exdate?: readonly RecurrenceValue[];
  /** Override: the replaced occurrence's start, wall clock in the series' zone (a date for all-day). */
  readonly recurrenceId?: LocalDateTime | LocalDate | null;
  /** ATTENDEE lines (participants.ts makes them from participants). */
  readonly attendees?: readonly ExportAttendee[];
  /** One VALARM each (ACTION:DISPLAY), so many minutes before the start. */
  readonly alarmMinutesBefore?: readonly number[];
}

export interface ExportCalendar {
  readonly name: string;
  readonly prodId?: string;
  /** Every IANA zone the events use (one VTIMEZONE each) and the years their transitions must cover. */
  readonly timeZones: readonly string[];
  readonly years: readonly [number, number];
  /** VTIMEZONE texts of file-defined zones kept from an import (IcsEntry.customTimeZone.vtimezone). */
  readonly customTimeZones?: readonly string[];
  /** Subscriptions: how often a client should poll (REFRESH-INTERVAL, RFC 7986, and X-PUBLISHED-TTL). */
  readonly refreshMinutes?: number;
  /** A CalDAV calendar object resource (RFC 4791 §4.1): no METHOD and no calendar name. */
  readonly resource?: boolean;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const dateText = (d: LocalDate) => `${pad(d.year, 4)}${pad(d.month)}${pad(d.day)}`;
const dateTimeText = (t: LocalDateTime) => `${dateText(t)}T${pad(t.hour)}${pad(t.minute)}${pad(t.second)}`;

function utcText(epochMs: number): string {
  const d = new Date(epochMs);
  return `${dateText({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() })}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

function timeLine(name: string, value: LocalDateTime | LocalDate, allDay: boolean, timeZone: string | null): string {
  if (allDay || !('hour' in value)) return contentLine(name, dateText(value), { VALUE: 'DATE' });
  if (timeZone === 'UTC') return contentLine(name, `${dateTimeText(value)}Z`);
  return contentLine(name, dateTimeText(value), timeZone ? { TZID: timeZone } : {});
}

function valueLines(name: string, values: readonly RecurrenceValue[], timeZone: string | null): string[] {
  const locals = values.filter((v) => v.kind === 'local').map((v) => dateTimeText(v.value as LocalDateTime));
  const dates = values.filter((v) => v.kind === 'date').map((v) => dateText(v.value as LocalDate));
  const instants = values.flatMap((v) => (v.kind === 'instant' ? [utcText(v.epochMs)] : []));
  const out: string[] = [];
  if (locals.length) out.push(contentLine(name, locals.join(','), timeZone && timeZone !== 'UTC' ? { TZID: timeZone } : {}));
  if (dates.length) out.push(contentLine(name, dates.join(','), { VALUE: 'DATE' }));
  if (instants.length) out.push(contentLine(name, instants.join(',')));
  return out;
}

function attendeeLine(a: ExportAttendee): string {
  const params: Record<string, string> = {};
  if (a.name) params.CN = a.name;
  if (a.role) params.ROLE = a.role;
  if (a.partstat) params.PARTSTAT = a.partstat;
  if (a.rsvp) params.RSVP = 'TRUE';
  return contentLine('ATTENDEE', a.address, params);
}

/** The unfolded content lines of one VEVENT. */
export function eventLines(e: ExportEvent): string[] {
  const lines = ['BEGIN:VEVENT', contentLine('UID', e.uid), contentLine('DTSTAMP', utcText(e.dtstamp))];
  if (e.recurrenceId) lines.push(timeLine('RECURRENCE-ID', e.recurrenceId, e.allDay, e.timeZone));
  lines.push(timeLine('DTSTART', e.start, e.allDay, e.timeZone));
  if (e.end) lines.push(timeLine('DTEND', e.end, e.allDay, e.timeZone));
  if (e.rrule) lines.push(contentLine('RRULE', e.rrule));
  lines.push(...valueLines('RDATE', e.rdate ?? [], e.timeZone), ...valueLines('EXDATE', e.exdate ?? [], e.timeZone));
  lines.push(contentLine('SEQUENCE', String(e.sequence ?? 0)), contentLine('SUMMARY', escapeText(e.title)));
  if (e.description) lines.push(contentLine('DESCRIPTION', escapeText(e.description)));
  if (e.location) lines.push(contentLine('LOCATION', escapeText(e.location)));
  if (e.geo) lines.push(contentLine('GEO', `${e.geo[0]};${e.geo[1]}`));
  if (e.categories?.length) lines.push(contentLine('CATEGORIES', e.categories.map(escapeText).join(',')));
  if (e.url) lines.push(contentLine('URL', e.url));
  if (e.status) lines.push(contentLine('STATUS', e.status.toUpperCase()));
  if (e.visibility) lines.push(contentLine('CLASS', e.visibility.toUpperCase()));
  if (e.transparent) lines.push('TRANSP:TRANSPARENT');
  if (e.organizer) lines.push(contentLine('ORGANIZER', `mailto:${e.organizer.address}`, e.organizer.name ? { CN: e.organizer.name } : {}));
  for (const a of e.attendees ?? []) lines.push(attendeeLine(a));
  if (e.lastModified) lines.push(contentLine('LAST-MODIFIED', utcText(e.lastModified)));
  for (const minutes of e.alarmMinutesBefore ?? []) {
    lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', contentLine('DESCRIPTION', escapeText(e.title)), contentLine('TRIGGER', triggerOf(minutes)), 'END:VALARM');
  }
  lines.push('END:VEVENT');
  return lines;
}

/** The calendar's opening: VCALENDAR, PRODID, X-WR-CALNAME, one VTIMEZONE per zone. */
export function headerText(cal: ExportCalendar): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', contentLine('PRODID', cal.prodId ?? '-//Kalendaryo//Kalendaryo//EN'), 'CALSCALE:GREGORIAN'];
  if (!cal.resource) lines.push('METHOD:PUBLISH', contentLine('X-WR-CALNAME', escapeText(cal.name)));
  if (cal.refreshMinutes) lines.push(contentLine('REFRESH-INTERVAL', `PT${cal.refreshMinutes}M`, { VALUE: 'DURATION' }), contentLine('X-PUBLISHED-TTL', `PT${cal.refreshMinutes}M`));
  for (const tz of new Set(cal.timeZones)) if (tz !== 'UTC' && isIanaZone(tz)) lines.push(...vtimezoneLines(tz, cal.years[0], cal.years[1]));
  return lines.map(foldLine).join('') + (cal.customTimeZones ?? []).join('');
}

/**
 * Writes a calendar as a stream of text chunks (one per VEVENT) so an export of many entries
 * never builds the whole file in memory. Lines are folded at 75 octets and end in CRLF.
 */
export async function* writeIcs(cal: ExportCalendar, events: AsyncIterable<ExportEvent> | Iterable<ExportEvent>): AsyncGenerator<string> {
  yield headerText(cal);
  for await (const e of events) yield eventLines(e).map(foldLine).join('');
  yield 'END:VCALENDAR\r\n';
}

/** Whole-file convenience for small exports: finds the zones and years itself. */
export function writeIcsText(name: string, events: readonly ExportEvent[], extra: Partial<ExportCalendar> = {}): string {
  const zones = events.flatMap((e) => (e.timeZone && !e.allDay ? [e.timeZone] : []));
  const years = events.map((e) => e.start.year);
  const cal: ExportCalendar = {
    name,
    timeZones: zones,
    // Ten years past the last start, for series that run on.
    years: years.length ? [Math.min(...years), Math.max(...years) + 10] : [2000, 2000],
    ...extra,
  };
  return [headerText(cal), ...events.map((e) => eventLines(e).map(foldLine).join('')), 'END:VCALENDAR\r\n'].join('');
}
