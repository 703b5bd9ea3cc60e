/**
 * The DAV URL layout, as opaque keys: every segment is decoded once and checked, so no request can
 * name anything outside it (no "..", no encoded slashes, ids must be UUIDs).
 *   /dav/                                   the context root
 *   /dav/principals/<user>/                 a user (principal)
 *   /dav/calendars/<user>/                  their calendar home
 *   /dav/calendars/<user>/<calendar>/       one calendar (collection)
 *   /dav/calendars/<user>/<calendar>/<name> one calendar object resource (an entry with its overrides)
 */
export const DAV_ROOT = '/dav/';

export type DavTarget =
  | { kind: 'root' }
  | { kind: 'principal'; userId: string }
  | { kind: 'home'; userId: string }
  | { kind: 'collection'; userId: string; calendarId: string }
  | { kind: 'resource'; userId: string; calendarId: string; name: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// Printable, no separators: what clients actually name resources (UIDs, UUIDs, "…@google.com.ics").
const NAME = /^[^/\\\u0000-\u001f\u007f]{1,255}$/;

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** A request path or a client's href (absolute URL or path) as a target, or null when it names nothing here. */
export function parseDavPath(href: string): DavTarget | null {
  let path = href;
  if (/^https?:\/\//i.test(path)) {
    try {
      path = new URL(path).pathname;
    } catch {
      return null;
    }
  }
  path = path.split('?')[0]!.split('#')[0]!;
  if (path === '/dav' || path === DAV_ROOT) return { kind: 'root' };
  if (!path.startsWith(DAV_ROOT)) return null;
  const raw = path.slice(DAV_ROOT.length).split('/');
  if (raw.at(-1) === '') raw.pop();
  const parts = raw.map(decodeSegment);
  if (parts.some((p) => p === null || p === '' || p === '.' || p === '..')) return null;
  const [area, user, calendar, name, ...rest] = parts as string[];
  if (rest.length || !user || !UUID.test(user)) return null;
  if (area === 'principals') return calendar === undefined ? { kind: 'principal', userId: user } : null;
  if (area !== 'calendars') return null;
  if (calendar === undefined) return { kind: 'home', userId: user };
  if (!UUID.test(calendar)) return null;
  if (name === undefined) return { kind: 'collection', userId: user, calendarId: calendar };
  return NAME.test(name) ? { kind: 'resource', userId: user, calendarId: calendar, name } : null;
}

// Keeps what RFC 3986 allows in a segment, so hrefs stay readable ("…@google.com.ics").
const encodeSegment = (s: string): string => encodeURIComponent(s).replace(/%40/g, '@').replace(/%2B/g, '+').replace(/%3D/g, '=');

export const principalHref = (userId: string): string => `${DAV_ROOT}principals/${userId}/`;
export const homeHref = (userId: string): string => `${DAV_ROOT}calendars/${userId}/`;
export const collectionHref = (userId: string, calendarId: string): string => `${homeHref(userId)}${calendarId}/`;
export const resourceHref = (userId: string, calendarId: string, name: string): string => `${collectionHref(userId, calendarId)}${encodeSegment(name)}`;

export function hrefOf(target: DavTarget): string {
  switch (target.kind) {
    case 'root':
      return DAV_ROOT;
    case 'principal':
      return principalHref(target.userId);
    case 'home':
      return homeHref(target.userId);
    case 'collection':
      return collectionHref(target.userId, target.calendarId);
    case 'resource':
      return resourceHref(target.userId, target.calendarId, target.name);
  }
}
