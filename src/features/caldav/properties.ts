import type { AccessLevel } from '../../db/schema/calendars.js';
import type { CalendarWithLevel } from '../calendars/repository.js';
import { currentCollectionTags } from './collection-state.js';
import { homeHref, principalHref } from './paths.js';
import type { ResourceHead } from './repository.js';
import { resourceEtag } from './resource-ics.js';
import { canWriteCalendar, type DavScope } from './scope.js';
import { dav, el, NS, type XmlNode } from './xml.js';

/** A live property: its value as child elements or text, computed only when asked for. */
export type PropValue = XmlNode[] | string;
export type Props = Map<string, () => PropValue | Promise<PropValue>>;
export interface PropName {
  ns: string;
  name: string;
}
export const propKey = (ns: string, name: string): string => `${ns} ${name}`;

/** The largest calendar object accepted by PUT (CALDAV:max-resource-size). */
export const MAX_RESOURCE_BYTES = 1024 * 1024;
const REPORTS: [string, string][] = [[NS.CALDAV, 'calendar-query'], [NS.CALDAV, 'calendar-multiget'], [NS.DAV, 'sync-collection'], [NS.CALDAV, 'free-busy-query']];
const href = (path: string) => [dav('href', path)];
const privileges = (names: [string, string][]) => names.map(([ns, name]) => dav('privilege', [el(ns, name)]));

function common(scope: DavScope): Props {
  return new Map<string, () => PropValue>([
    [propKey(NS.DAV, 'current-user-principal'), () => href(principalHref(scope.actor.userId))],
    [propKey(NS.DAV, 'principal-collection-set'), () => href(`/dav/principals/`)],
  ]);
}

/** The context root (and the site root, for clients that start there): where the principal is. */
export function rootProps(scope: DavScope): Props {
  const props = common(scope);
  props.set(propKey(NS.DAV, 'resourcetype'), () => [dav('collection')]);
  props.set(propKey(NS.DAV, 'displayname'), () => 'Kalendaryo');
  props.set(propKey(NS.CALDAV, 'calendar-home-set'), () => href(homeHref(scope.actor.userId)));
  return props;
}

export function principalProps(scope: DavScope): Props {
  const { actor } = scope;
  const props = common(scope);
  props.set(propKey(NS.DAV, 'resourcetype'), () => [dav('principal')]);
  props.set(propKey(NS.DAV, 'displayname'), () => actor.name);
  props.set(propKey(NS.DAV, 'principal-URL'), () => href(principalHref(actor.userId)));
  props.set(propKey(NS.CALDAV, 'calendar-home-set'), () => href(homeHref(actor.userId)));
  props.set(propKey(NS.CALDAV, 'calendar-user-address-set'), () => [...href(`mailto:${actor.email}`), ...href(principalHref(actor.userId))]);
  props.set(propKey(NS.CALDAV, 'calendar-user-type'), () => 'INDIVIDUAL');
  props.set(propKey(NS.DAV, 'current-user-privilege-set'), () => privileges([[NS.DAV, 'read']]));
  return props;
}

export function homeProps(scope: DavScope): Props {
  const props = common(scope);
  props.set(propKey(NS.DAV, 'resourcetype'), () => [dav('collection')]);
  props.set(propKey(NS.DAV, 'displayname'), () => 'Calendars');
  props.set(propKey(NS.DAV, 'owner'), () => href(principalHref(scope.actor.userId)));
  props.set(propKey(NS.DAV, 'current-user-privilege-set'), () => privileges([[NS.DAV, 'read']]));
  return props;
}

/**
 * What the user may do, as RFC 3744 privileges: free/busy and view read (free/busy reads busy
 * blocks only), edit and manage also write — unless the calendar is read-only or the user a viewer.
 */
function privilegesOf(scope: DavScope, calendar: CalendarWithLevel): XmlNode[] {
  const read: [string, string][] = [[NS.DAV, 'read'], [NS.CALDAV, 'read-free-busy'], [NS.DAV, 'read-current-user-privilege-set']];
  if (!canWriteCalendar(scope, calendar)) return privileges(read);
  return privileges([...read, [NS.DAV, 'write'], [NS.DAV, 'write-content'], [NS.DAV, 'bind'], [NS.DAV, 'unbind']]);
}

export function collectionProps(scope: DavScope, calendar: CalendarWithLevel): Props {
  const props = common(scope);
  let tags: ReturnType<typeof currentCollectionTags> | null = null;
  const tagsNow = () => (tags ??= currentCollectionTags(scope, calendar));
  const busyOnly = calendar.level === 'freebusy';
  props.set(propKey(NS.DAV, 'resourcetype'), () => [dav('collection'), el(NS.CALDAV, 'calendar')]);
  props.set(propKey(NS.DAV, 'displayname'), () => (busyOnly ? `${calendar.name} (busy times)` : calendar.name));
  props.set(propKey(NS.CALDAV, 'calendar-description'), () => calendar.description ?? '');
  props.set(propKey(NS.APPLE, 'calendar-color'), () => `${calendar.color.toUpperCase()}FF`);
  props.set(propKey(NS.CALSERVER, 'getctag'), async () => (await tagsNow()).ctag);
  props.set(propKey(NS.DAV, 'sync-token'), async () => (await tagsNow()).syncToken);
  props.set(propKey(NS.CALDAV, 'supported-calendar-component-set'), () => [el(NS.CALDAV, 'comp', [], { name: 'VEVENT' })]);
  props.set(propKey(NS.CALDAV, 'supported-calendar-data'), () => [el(NS.CALDAV, 'calendar-data', [], { 'content-type': 'text/calendar', version: '2.0' })]);
  props.set(propKey(NS.CALDAV, 'max-resource-size'), () => String(MAX_RESOURCE_BYTES));
  props.set(propKey(NS.CALDAV, 'schedule-calendar-transp'), () => [el(NS.CALDAV, 'opaque')]);
  props.set(propKey(NS.DAV, 'current-user-privilege-set'), () => privilegesOf(scope, calendar));
  props.set(propKey(NS.DAV, 'owner'), () => href(principalHref(calendar.ownerId ?? scope.actor.userId)));
  props.set(propKey(NS.DAV, 'supported-report-set'), () => REPORTS.map(([ns, name]) => dav('supported-report', [dav('report', [el(ns, name)])])));
  return props;
}

export function resourceProps(head: ResourceHead, level: AccessLevel): Props {
  return new Map<string, () => PropValue>([
    [propKey(NS.DAV, 'resourcetype'), () => []],
    [propKey(NS.DAV, 'getetag'), () => resourceEtag(head.stamp, level)],
    [propKey(NS.DAV, 'getcontenttype'), () => 'text/calendar; charset=utf-8; component=vevent'],
  ]);
}

/**
 * The propstat elements answering a PROPFIND (or a REPORT's prop): the properties found with
 * their values (200), those asked for but not here (404). `all` lists every live property
 * (allprop, RFC 4918 §9.1), `names` their names only (propname).
 */
export async function propstats(props: Props, asked: readonly PropName[] | 'all' | 'names', extra: Map<string, XmlNode[] | string> = new Map()): Promise<XmlNode[]> {
  const wanted = asked === 'all' || asked === 'names'
    ? [...props.keys()].map((k) => ({ ns: k.slice(0, k.indexOf(' ')), name: k.slice(k.indexOf(' ') + 1) }))
    : asked;
  const found: XmlNode[] = [];
  const missing: XmlNode[] = [];
  for (const { ns, name } of wanted) {
    const key = propKey(ns, name);
    const value = extra.get(key) ?? (asked === 'names' ? undefined : await props.get(key)?.());
    if (asked === 'names' && props.has(key)) found.push(el(ns, name));
    else if (value === undefined) missing.push(el(ns, name));
    else found.push(el(ns, name, value));
  }
  const stat = (nodes: XmlNode[], status: string) => dav('propstat', [dav('prop', nodes), dav('status', status)]);
  return [...(found.length ? [stat(found, 'HTTP/1.1 200 OK')] : []), ...(missing.length ? [stat(missing, 'HTTP/1.1 404 Not Found')] : [])];
}
