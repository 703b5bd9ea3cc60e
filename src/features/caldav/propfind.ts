import { davError, notFoundHere } from './errors.js';
import { collectionHref, type DavTarget, hrefOf, resourceHref } from './paths.js';
import { collectionProps, homeProps, type PropName, type Props, propstats, principalProps, resourceProps, rootProps } from './properties.js';
import { findResourceHeads, listResourceHeads } from './repository.js';
import { davCalendar, type DavScope, listDavCalendars } from './scope.js';
import { childOf, dav, NS, type XmlElement, type XmlNode } from './xml.js';

export type Asked = readonly PropName[] | 'all' | 'names';

/** What a PROPFIND body asks for; no body means allprop (RFC 4918 §9.1). */
export function readPropfind(body: XmlElement | null): Asked {
  if (!body) return 'all';
  if (body.ns !== NS.DAV || body.name !== 'propfind') throw davError(400, 'The body must be a DAV:propfind element.');
  if (childOf(body, NS.DAV, 'propname')) return 'names';
  const prop = childOf(body, NS.DAV, 'prop');
  if (prop) return prop.children.map((c) => ({ ns: c.ns, name: c.name }));
  if (childOf(body, NS.DAV, 'allprop')) return 'all';
  throw davError(400, 'A DAV:propfind holds DAV:prop, DAV:allprop or DAV:propname.');
}

const response = async (href: string, props: Props, asked: Asked): Promise<XmlNode> => dav('response', [dav('href', href), ...(await propstats(props, asked))]);

/**
 * A PROPFIND of depth 0 or 1 (infinity is refused before this). Anything of another user, or a
 * calendar the user may not see, is 404 — the same answer as for nothing at all.
 */
export async function propfind(scope: DavScope, target: DavTarget, href: string, depth: 0 | 1, asked: Asked): Promise<XmlNode> {
  const { actor } = scope;
  const responses: XmlNode[] = [];
  switch (target.kind) {
    case 'root':
      responses.push(await response(href, rootProps(scope), asked));
      break;
    case 'principal':
      if (target.userId !== actor.userId) throw notFoundHere();
      responses.push(await response(href, principalProps(scope), asked));
      break;
    case 'home': {
      if (target.userId !== actor.userId) throw notFoundHere();
      responses.push(await response(hrefOf(target), homeProps(scope), asked));
      if (depth === 1) {
        for (const calendar of await listDavCalendars(scope)) responses.push(await response(collectionHref(actor.userId, calendar.id), collectionProps(scope, calendar), asked));
      }
      break;
    }
    case 'collection': {
      const calendar = await davCalendar(scope, target.userId, target.calendarId);
      responses.push(await response(hrefOf(target), collectionProps(scope, calendar), asked));
      if (depth === 1) {
        for (const head of await listResourceHeads(scope.database, actor.organizationId, calendar.id)) {
          responses.push(await response(resourceHref(actor.userId, calendar.id, head.name), resourceProps(head, calendar.level), asked));
        }
      }
      break;
    }
    case 'resource': {
      const calendar = await davCalendar(scope, target.userId, target.calendarId);
      const [head] = await findResourceHeads(scope.database, actor.organizationId, calendar.id, [target.name]);
      if (!head) throw notFoundHere();
      responses.push(await response(hrefOf(target), resourceProps(head, calendar.level), asked));
      break;
    }
  }
  return dav('multistatus', responses);
}
