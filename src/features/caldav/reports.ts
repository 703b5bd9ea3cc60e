import { freeBusyText } from '../../core/ics/index.js';
import { collectOccurrences } from '../calendar/occurrences.js';
import { findFeedCandidates, findOverriddenOccurrences } from '../calendar/repository.js';
import type { CalendarView } from '../calendar/view.js';
import { MAX_WINDOW_DAYS } from '../calendar/window.js';
import type { CalendarWithLevel } from '../calendars/repository.js';
import type { StoredEntry } from '../exports/stored-entries.js';
import { calendarData, checkPropFilters, passesPropFilters } from './calendar-data.js';
import { caldavCondition, davError } from './errors.js';
import { parseDavPath, resourceHref } from './paths.js';
import { type PropName, propKey, propstats, resourceProps } from './properties.js';
import { type DataRequest, parseUtc, readHrefs, readQueryFilter, readReportProps, type TimeRange } from './report-input.js';
import { familyStates, findResourceHeads, listResourceHeads, loadFamilies, type ResourceHead } from './repository.js';
import type { DavScope } from './scope.js';
import { childOf, dav, NS, type XmlElement, type XmlNode } from './xml.js';

const DAY_MS = 86_400_000;
// Open-ended ranges are read as this span (PostgreSQL's timestamps and every real calendar fit in it).
const FAR_PAST = Date.UTC(1900, 0, 1);
const FAR_FUTURE = Date.UTC(2200, 0, 1);

const viewOf = (scope: DavScope, calendar: CalendarWithLevel, range: TimeRange): CalendarView => ({
  calendars: new Map([[calendar.id, calendar]]),
  filters: { organizationId: scope.actor.organizationId, startMs: range.startMs, endMs: range.endMs, calendarIds: [calendar.id] },
});

/**
 * The resources with an instance in the range (RFC 4791 §9.9): expanded exactly — through the
 * occurrence cache — for ranges up to the range query's limit; longer or open ranges take every
 * series whose span meets the range.
 */
async function familiesInRange(scope: DavScope, calendar: CalendarWithLevel, range: TimeRange): Promise<string[]> {
  const families = new Set<string>();
  if (range.endMs - range.startMs <= MAX_WINDOW_DAYS * DAY_MS) {
    const { occurrences } = await collectOccurrences(scope.database, scope.actor, viewOf(scope, calendar, range), { cache: scope.cache });
    for (const o of occurrences) families.add(o.row.series_id ?? o.row.id);
  } else {
    const clipped = { startMs: Math.max(range.startMs, FAR_PAST), endMs: Math.min(range.endMs, FAR_FUTURE) };
    for (const row of await findFeedCandidates(scope.database, viewOf(scope, calendar, clipped).filters)) families.add(row.series_id ?? row.id);
  }
  const states = await familyStates(scope.database, scope.actor.organizationId, [...families]);
  return states.filter((s) => !s.deleted && s.calendar_id === calendar.id).map((s) => s.id);
}

/**
 * One response per resource with the properties asked for; calendar-data at the viewer's detail
 * (plain answers kept between requests, expanded or limited data written afresh). A resource gone
 * meanwhile is 404.
 */
export async function resourceResponses(scope: DavScope, calendar: CalendarWithLevel, heads: readonly ResourceHead[], asked: readonly PropName[], data: DataRequest | null, loaded?: Map<string, StoredEntry[]>): Promise<XmlNode[]> {
  const org = scope.actor.organizationId;
  const load = async (ids: string[]) => loaded ?? (await loadFamilies(scope.database, org, ids));
  const gone = (head: ResourceHead) => dav('response', [dav('href', resourceHref(scope.actor.userId, calendar.id, head.name)), dav('status', 'HTTP/1.1 404 Not Found')]);
  if (!data || (!data.expand && !data.limit)) {
    const parts = await scope.answers.responses(scope, calendar, heads, asked, data !== null, load);
    return heads.map((head) => {
      const part = parts.get(head.id);
      return part === undefined ? gone(head) : { raw: part };
    });
  }
  const ids = heads.map((h) => h.id);
  const families = await load(ids);
  const overridden = data.expand ? await findOverriddenOccurrences(scope.database, org, ids) : new Map<string, Set<string>>();
  const out: XmlNode[] = [];
  for (const head of heads) {
    const rows = families.get(head.id);
    if (!rows) {
      out.push(gone(head));
      continue;
    }
    const extra = new Map([[propKey(NS.CALDAV, 'calendar-data'), calendarData(scope.viewer, calendar, rows, data, overridden)]]);
    out.push(dav('response', [dav('href', resourceHref(scope.actor.userId, calendar.id, head.name)), ...(await propstats(resourceProps(head, calendar.level), asked, extra))]));
  }
  return out;
}

/** calendar-query (RFC 4791 §7.8): the collection's resources that pass the filter. */
export async function calendarQuery(scope: DavScope, calendar: CalendarWithLevel, report: XmlElement): Promise<XmlNode> {
  const filter = readQueryFilter(report);
  const { asked, data } = readReportProps(report);
  checkPropFilters(filter.props);
  // Only events are stored here: a query for tasks or journals finds nothing.
  if (filter.component !== null && filter.component !== 'VEVENT') return dav('multistatus', []);
  const org = scope.actor.organizationId;
  const ids = filter.range ? await familiesInRange(scope, calendar, filter.range) : (await listResourceHeads(scope.database, org, calendar.id)).map((h) => h.id);
  let heads = (await familyStates(scope.database, org, ids)).filter((s) => !s.deleted && s.calendar_id === calendar.id);
  let loaded;
  if (filter.props.length) {
    loaded = await loadFamilies(scope.database, org, heads.map((h) => h.id));
    heads = heads.filter((h) => loaded!.has(h.id) && passesPropFilters(scope.viewer, calendar, loaded!.get(h.id)!, filter.props));
  }
  return dav('multistatus', await resourceResponses(scope, calendar, heads, asked, data, loaded));
}

/** calendar-multiget (§7.9): the resources named, 404 for hrefs that name nothing in this collection. */
export async function calendarMultiget(scope: DavScope, calendar: CalendarWithLevel, report: XmlElement): Promise<XmlNode> {
  const { asked, data } = readReportProps(report);
  const hrefs = readHrefs(report);
  if (hrefs.length > 1000) throw davError(403, 'Ask for at most 1,000 resources at once.', dav('number-of-matches-within-limits'));
  const names = new Map<string, string>();
  const missing: XmlNode[] = [];
  for (const href of hrefs) {
    const target = parseDavPath(href);
    if (target?.kind === 'resource' && target.userId === scope.actor.userId && target.calendarId === calendar.id) names.set(target.name, href);
    else missing.push(dav('response', [dav('href', href), dav('status', 'HTTP/1.1 404 Not Found')]));
  }
  const heads = await findResourceHeads(scope.database, scope.actor.organizationId, calendar.id, [...names.keys()]);
  for (const name of names.keys()) {
    if (!heads.some((h) => h.name === name)) missing.push(dav('response', [dav('href', resourceHref(scope.actor.userId, calendar.id, name)), dav('status', 'HTTP/1.1 404 Not Found')]));
  }
  return dav('multistatus', [...(await resourceResponses(scope, calendar, heads, asked, data)), ...missing]);
}

/** free-busy-query (§7.10): busy periods of the collection in the range, as VFREEBUSY; any access level may ask. */
export async function freeBusyQuery(scope: DavScope, calendar: CalendarWithLevel, report: XmlElement): Promise<string> {
  const element = childOf(report, NS.CALDAV, 'time-range');
  const startMs = parseUtc(element?.attrs.start, 'time-range start');
  const endMs = parseUtc(element?.attrs.end, 'time-range end');
  if (startMs === null || endMs === null || endMs <= startMs) throw davError(400, 'The time-range needs a start and a later end.', caldavCondition('valid-filter'));
  if (endMs - startMs > MAX_WINDOW_DAYS * DAY_MS) throw davError(403, `Ask for at most ${MAX_WINDOW_DAYS} days at once.`, caldavCondition('max-date-time'));
  const { occurrences } = await collectOccurrences(scope.database, scope.actor, viewOf(scope, calendar, { startMs, endMs }), { cache: scope.cache });
  const live = occurrences.filter((o) => o.row.status !== 'cancelled');
  const tentative = (s: string) => s === 'tentative' || s === 'planned';
  return freeBusyText(
    { startMs, endMs },
    live.filter((o) => !tentative(o.row.status)).map((o) => ({ startMs: o.startMs, endMs: o.endMs })),
    live.filter((o) => tentative(o.row.status)).map((o) => ({ startMs: o.startMs, endMs: o.endMs })),
    scope.nowMs,
  );
}
