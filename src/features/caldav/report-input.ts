import { caldavCondition, davError } from './errors.js';
import type { PropName } from './properties.js';
import { childOf, childrenOf, NS, type XmlElement } from './xml.js';

/** A time range of a REPORT, epoch ms; an open side is ±infinity (RFC 4791 §9.9). */
export interface TimeRange {
  startMs: number;
  endMs: number;
}

/** What calendar-data a REPORT asks for: plain, or expanded / limited to a range (RFC 4791 §9.6). */
export interface DataRequest {
  expand: TimeRange | null;
  limit: TimeRange | null;
}

export interface TextMatch {
  text: string;
  negate: boolean;
  caseless: boolean;
  matchType: 'equals' | 'contains' | 'starts-with' | 'ends-with';
}

export interface PropFilter {
  name: string;
  isNotDefined: boolean;
  textMatch: TextMatch | null;
}

export interface QueryFilter {
  /** The component asked for (VEVENT, VTODO …), or null for any. */
  component: string | null;
  range: TimeRange | null;
  props: PropFilter[];
}

const invalidFilter = (message: string) => davError(403, message, caldavCondition('valid-filter'));

/** A UTC date-time of a time-range or expand ("20260301T000000Z"). */
export function parseUtc(text: string | undefined, what: string): number | null {
  if (text === undefined) return null;
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text.trim());
  const ms = m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : Number.NaN;
  if (!m || Number.isNaN(ms) || new Date(ms).getUTCDate() !== +m[3]!) throw invalidFilter(`${what}: ${text} is not a UTC date-time such as 20260301T000000Z.`);
  return ms;
}

function rangeOf(element: XmlElement | undefined, what: string, required: boolean): TimeRange | null {
  if (!element) return null;
  const start = parseUtc(element.attrs.start, `${what} start`);
  const end = parseUtc(element.attrs.end, `${what} end`);
  if (required && (start === null || end === null)) throw davError(400, `${what} needs both start and end.`, caldavCondition('valid-calendar-data'));
  if (start === null && end === null) throw invalidFilter(`${what} needs a start or an end.`);
  const range = { startMs: start ?? Number.NEGATIVE_INFINITY, endMs: end ?? Number.POSITIVE_INFINITY };
  if (range.endMs <= range.startMs) throw invalidFilter(`${what}: end must be after start.`);
  return range;
}

/** The properties a REPORT asks for, and how it wants calendar-data (null when it does not). */
export function readReportProps(report: XmlElement): { asked: PropName[]; data: DataRequest | null } {
  const prop = childOf(report, NS.DAV, 'prop');
  const asked = (prop?.children ?? []).map((c) => ({ ns: c.ns, name: c.name }));
  const data = childOf(prop, NS.CALDAV, 'calendar-data');
  if (!data) return { asked, data: null };
  return { asked, data: { expand: rangeOf(childOf(data, NS.CALDAV, 'expand'), 'expand', true), limit: rangeOf(childOf(data, NS.CALDAV, 'limit-recurrence-set'), 'limit-recurrence-set', true) } };
}

function readTextMatch(element: XmlElement): TextMatch {
  const collation = element.attrs.collation ?? 'i;ascii-casemap';
  if (collation !== 'i;ascii-casemap' && collation !== 'i;octet' && collation !== 'i;unicode-casemap') {
    throw davError(403, `The collation ${collation} is not supported.`, caldavCondition('supported-collation'));
  }
  const matchType = (element.attrs['match-type'] ?? 'contains') as TextMatch['matchType'];
  if (!['equals', 'contains', 'starts-with', 'ends-with'].includes(matchType)) throw invalidFilter(`match-type ${matchType} is not known.`);
  return { text: element.text, negate: element.attrs['negate-condition'] === 'yes', caseless: collation !== 'i;octet', matchType };
}

/** The filter of a calendar-query: VCALENDAR › one component, with a time range and property filters. */
export function readQueryFilter(report: XmlElement): QueryFilter {
  const filter = childOf(report, NS.CALDAV, 'filter');
  const calendar = childOf(filter, NS.CALDAV, 'comp-filter');
  if (!filter || !calendar || calendar.attrs.name?.toUpperCase() !== 'VCALENDAR') throw invalidFilter('A calendar-query needs a filter on the VCALENDAR component.');
  const inner = childrenOf(calendar, NS.CALDAV, 'comp-filter');
  if (inner.length > 1) throw davError(403, 'Only one component filter inside VCALENDAR is supported.', caldavCondition('supported-filter'));
  const component = inner[0];
  if (!component) return { component: null, range: null, props: [] };
  const props = childrenOf(component, NS.CALDAV, 'prop-filter').map((p) => {
    const textMatch = childOf(p, NS.CALDAV, 'text-match');
    return { name: (p.attrs.name ?? '').toUpperCase(), isNotDefined: Boolean(childOf(p, NS.CALDAV, 'is-not-defined')), textMatch: textMatch ? readTextMatch(textMatch) : null };
  });
  if (childOf(component, NS.CALDAV, 'comp-filter')) throw davError(403, 'Filters on components inside events (VALARM) are not supported.', caldavCondition('supported-filter'));
  return { component: (component.attrs.name ?? '').toUpperCase(), range: rangeOf(childOf(component, NS.CALDAV, 'time-range'), 'time-range', false), props };
}

/** The hrefs of a calendar-multiget. */
export const readHrefs = (report: XmlElement): string[] => childrenOf(report, NS.DAV, 'href').map((h) => h.text.trim());
