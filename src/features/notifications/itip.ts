import { eventLines, type ExportEvent, foldLine, headerText } from '../../core/ics/index.js';
import { contentLine } from '../../core/ics/fold.js';
import type { LocalDate } from '../../core/recurrence/index.js';
import { ianaZone, localFromWallMs, parseLocalDate, type LocalDateTime } from '../../core/time/index.js';
import { parseRecurrenceValue } from '../entries/series.js';
import type { EntryFacts } from './delivery-context.js';

export type ItipMethod = 'REQUEST' | 'CANCEL';

const wallClock = (ms: number, zone: string): LocalDateTime => localFromWallMs(ms + ianaZone(zone).offsetMsAt(ms));

/**
 * The iTIP message (RFC 5546) of an invitation, update (REQUEST) or cancellation (CANCEL): the
 * project's ICS writer for the VEVENT and its VTIMEZONE, with METHOD and the recipient as ATTENDEE
 * (RSVP=TRUE on a request, so mail clients show Accept / Decline).
 */
export function itipText(method: ItipMethod, entry: EntryFacts, attendee: { email: string; name: string | null }, now: Date): string {
  const floating = entry.isFloating && !entry.allDay;
  const timeZone = entry.allDay || floating ? null : entry.timeZone;
  const event: ExportEvent = {
    uid: entry.uid,
    sequence: entry.sequence,
    dtstamp: now.getTime(),
    lastModified: entry.updatedAt.getTime(),
    title: entry.title,
    description: entry.description,
    location: entry.location,
    status: method === 'CANCEL' ? 'cancelled' : 'confirmed',
    organizer: entry.organizer ? { address: entry.organizer.email, name: entry.organizer.name } : { address: attendee.email },
    allDay: entry.allDay,
    start: entry.allDay ? (parseLocalDate(entry.startDate!) as LocalDate) : wallClock(entry.startAt.getTime(), entry.timeZone),
    end: entry.allDay ? (parseLocalDate(entry.endDate!) as LocalDate) : wallClock(entry.endAt.getTime(), entry.timeZone),
    timeZone,
    rrule: entry.rrule,
    rdate: entry.rdate.map((v) => parseRecurrenceValue(v, 'RDATE')),
    exdate: entry.exdate.map((v) => parseRecurrenceValue(v, 'EXDATE')),
  };
  const lines = eventLines(event);
  const params: Record<string, string> = { ROLE: 'REQ-PARTICIPANT', PARTSTAT: 'NEEDS-ACTION' };
  if (method === 'REQUEST') params.RSVP = 'TRUE';
  if (attendee.name) params.CN = attendee.name;
  lines.splice(lines.length - 1, 0, contentLine('ATTENDEE', `mailto:${attendee.email}`, params));
  const year = event.start.year;
  const header = headerText({ name: entry.title, timeZones: timeZone ? [timeZone] : [], years: [year, year + 10] }).replace(
    'METHOD:PUBLISH\r\n',
    `METHOD:${method}\r\n`,
  );
  return header + lines.map(foldLine).join('') + 'END:VCALENDAR\r\n';
}
