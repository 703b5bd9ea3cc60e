import { param, type ContentLine } from './content-line.js';
import type { IcsComponent } from './components.js';
import { IcsError } from './errors.js';
import {
  parseDurationValue, parseGeo, parseInteger, parsePeriodValue, parseTime, parseTimeValue, splitList, unescapeText,
  type IcsDuration, type IcsPeriod, type IcsTime,
} from './values.js';

/** A value with the physical line it was read from, for errors that name the line. */
export interface AtLine<T> {
  readonly value: T;
  readonly line: number;
}

export interface IcsPerson {
  readonly address: string;
  readonly name: string | null;
  readonly role: string | null;
  readonly partstat: string | null;
  readonly rsvp: boolean;
}

/** One VEVENT as written (zones not yet resolved): a master, a single event, or an override. */
export interface ParsedEvent {
  readonly line: number;
  readonly uid: string | null;
  readonly recurrenceId: AtLine<IcsTime> | null;
  /** RANGE=THISANDFUTURE on RECURRENCE-ID. */
  readonly thisAndFuture: boolean;
  readonly start: AtLine<IcsTime>;
  readonly end: AtLine<IcsTime> | null;
  readonly duration: AtLine<IcsDuration> | null;
  readonly rrule: AtLine<string> | null;
  readonly rdate: readonly AtLine<IcsTime | IcsPeriod>[];
  readonly exdate: readonly AtLine<IcsTime>[];
  readonly summary: string | null;
  readonly description: string | null;
  readonly location: string | null;
  readonly geo: readonly [number, number] | null;
  readonly status: string | null;
  readonly sequence: number;
  readonly lastModified: IcsTime | null;
  readonly dtstamp: IcsTime | null;
  readonly organizer: IcsPerson | null;
  readonly attendees: readonly IcsPerson[];
  readonly categories: readonly string[];
  readonly url: string | null;
  readonly classification: string | null;
  readonly transparent: boolean;
  /** Alarm triggers relative to the start (VALARM TRIGGER values) — the alarm's own texts never reach the event. */
  readonly alarmTriggers: readonly string[];
  /** Each TZID the event names with the first line naming it, in line order. */
  readonly tzidUses: readonly AtLine<string>[];
}

function text(cl: ContentLine | undefined): string | null {
  return cl ? unescapeText(cl.value) : null;
}

function person(cl: ContentLine): IcsPerson {
  return {
    address: cl.value.trim().replace(/^mailto:/i, ''),
    name: param(cl, 'CN') ?? null,
    role: param(cl, 'ROLE') ?? null,
    partstat: param(cl, 'PARTSTAT') ?? null,
    rsvp: (param(cl, 'RSVP') ?? '').toUpperCase() === 'TRUE',
  };
}

function first(c: IcsComponent, name: string): ContentLine | undefined {
  return c.props.find((p) => p.name === name);
}

/** Properties whose repetition would make the event's time or identity ambiguous. */
function single(c: IcsComponent, name: string): ContentLine | undefined {
  let found: ContentLine | undefined;
  for (const p of c.props) {
    if (p.name !== name) continue;
    if (found) throw new IcsError(p.line, `${c.name} has ${name} twice (line ${found.line} and this one)`);
    found = p;
  }
  return found;
}

/**
 * Reads a VEVENT's properties into typed values, refusing values that are not of their type at the
 * property's line. Only the parts an import uses are kept, so a held event stays small.
 */
export function parseEvent(c: IcsComponent): ParsedEvent {
  const dtstart = single(c, 'DTSTART');
  if (!dtstart) throw new IcsError(c.line, `${c.name} begun on this line has no DTSTART`);
  const dtend = single(c, 'DTEND');
  const durationLine = single(c, 'DURATION');
  if (dtend && durationLine) {
    const later = dtend.line > durationLine.line ? dtend : durationLine;
    throw new IcsError(later.line, `${c.name} has both DTEND and DURATION: its end cannot be read one way`);
  }
  const recurrenceLine = single(c, 'RECURRENCE-ID');
  const start: AtLine<IcsTime> = { value: parseTime(dtstart), line: dtstart.line };
  const end = dtend ? { value: parseTime(dtend), line: dtend.line } : null;
  if (end && (end.value.kind === 'date') !== (start.value.kind === 'date')) {
    throw new IcsError(end.line, 'DTEND is a DATE where DTSTART is a DATE-TIME, or the other way round');
  }
  const rdate: AtLine<IcsTime | IcsPeriod>[] = [];
  const exdate: AtLine<IcsTime>[] = [];
  const categories: string[] = [];
  const attendees: IcsPerson[] = [];
  for (const p of c.props) {
    if (p.name === 'RDATE') {
      const isPeriod = param(p, 'VALUE')?.toUpperCase() === 'PERIOD';
      for (const raw of splitList(p.value)) rdate.push({ value: isPeriod ? parsePeriodValue(raw, p) : parseTimeValue(raw, p), line: p.line });
    } else if (p.name === 'EXDATE') {
      for (const raw of splitList(p.value)) exdate.push({ value: parseTimeValue(raw, p), line: p.line });
    } else if (p.name === 'CATEGORIES') {
      categories.push(...splitEscapedList(p.value));
    } else if (p.name === 'ATTENDEE') {
      attendees.push(person(p));
    }
  }
  const rruleLines = c.props.filter((p) => p.name === 'RRULE');
  if (rruleLines.length > 1) throw new IcsError(rruleLines[1]!.line, 'more than one RRULE: the series cannot be read one way');
  const rrule = rruleLines[0] ? { value: rruleLines[0].value.trim(), line: rruleLines[0].line } : null;
  const geoLine = first(c, 'GEO');
  const sequenceLine = first(c, 'SEQUENCE');
  const organizerLine = first(c, 'ORGANIZER');
  const lastModifiedLine = first(c, 'LAST-MODIFIED');
  const dtstampLine = first(c, 'DTSTAMP');
  return {
    line: c.line,
    uid: single(c, 'UID')?.value.trim() || null,
    recurrenceId: recurrenceLine ? { value: parseTime(recurrenceLine), line: recurrenceLine.line } : null,
    thisAndFuture: recurrenceLine ? (param(recurrenceLine, 'RANGE') ?? '').toUpperCase() === 'THISANDFUTURE' : false,
    start,
    end,
    duration: durationLine ? { value: parseDurationValue(durationLine.value, durationLine), line: durationLine.line } : null,
    rrule,
    rdate,
    exdate,
    summary: text(first(c, 'SUMMARY')),
    description: text(first(c, 'DESCRIPTION')),
    location: text(first(c, 'LOCATION')),
    geo: geoLine ? parseGeo(geoLine) : null,
    status: first(c, 'STATUS')?.value.trim().toUpperCase() ?? null,
    sequence: sequenceLine ? parseInteger(sequenceLine) : 0,
    lastModified: lastModifiedLine ? parseTime(lastModifiedLine) : null,
    dtstamp: dtstampLine ? parseTime(dtstampLine) : null,
    organizer: organizerLine ? person(organizerLine) : null,
    attendees,
    categories,
    url: first(c, 'URL')?.value.trim() ?? null,
    classification: first(c, 'CLASS')?.value.trim().toUpperCase() ?? null,
    transparent: (first(c, 'TRANSP')?.value.trim().toUpperCase() ?? '') === 'TRANSPARENT',
    // A trigger related to the end, or at a fixed time, is no "so long before the start": left out.
    alarmTriggers: c.children.filter((a) => a.name === 'VALARM').flatMap((a) => a.props
      .filter((p) => p.name === 'TRIGGER' && (param(p, 'RELATED') ?? 'START').toUpperCase() === 'START' && (param(p, 'VALUE') ?? 'DURATION').toUpperCase() === 'DURATION')
      .map((p) => p.value.trim())),
    tzidUses: collectTzids(c.props),
  };
}

/** A TEXT list (CATEGORIES): commas separate values unless escaped. */
export function splitEscapedList(value: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '\\') i++;
    else if (value[i] === ',') {
      out.push(unescapeText(value.slice(from, i)));
      from = i + 1;
    }
  }
  out.push(unescapeText(value.slice(from)));
  return out.map((v) => v.trim()).filter((v) => v !== '');
}

function collectTzids(lines: readonly ContentLine[]): AtLine<string>[] {
  const seen = new Map<string, number>();
  for (const p of lines) {
    const tzid = param(p, 'TZID');
    if (tzid !== undefined && !seen.has(tzid.trim())) seen.set(tzid.trim(), p.line);
  }
  return [...seen].map(([value, line]) => ({ value, line })).sort((a, b) => a.line - b.line);
}
