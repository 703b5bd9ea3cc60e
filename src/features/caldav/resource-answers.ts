import type { CalendarWithLevel } from '../calendars/repository.js';
import type { StoredEntry } from '../exports/stored-entries.js';
import { resourceHref } from './paths.js';
import { type PropName, propKey, propstats, resourceProps } from './properties.js';
import type { ResourceHead } from './repository.js';
import { resourceIcs } from './resource-ics.js';
import type { DavScope } from './scope.js';
import { dav, escapeXml, NS, type XmlNode, xmlFragment } from './xml.js';

/**
 * Each resource's part of a REPORT answer (its DAV:response, calendar data included), written
 * once and kept per viewer, collection, access level, change stamp and properties asked: a stamp
 * changes with any write to the family, so a kept part is never stale, and what a phone asks again
 * and again (a month's REPORT, a resync) is copied, not rewritten. Least recently used parts go
 * first past `max`.
 */
export class ResourceAnswers {
  private readonly parts = new Map<string, string>();

  constructor(private readonly max = 20_000) {}

  /**
   * The responses of these resources, by family id; with calendar data when `withData` (read
   * through `load` for those not kept). A family `load` no longer finds is left out.
   */
  async responses(
    scope: DavScope,
    calendar: CalendarWithLevel,
    heads: readonly ResourceHead[],
    asked: readonly PropName[],
    withData: boolean,
    load: (ids: string[]) => Promise<Map<string, StoredEntry[]>>,
  ): Promise<Map<string, string>> {
    const signature = `${asked.map((p) => propKey(p.ns, p.name)).join('\n')}|${scope.actor.userId}|${calendar.id}|${calendar.level}`;
    const keyOf = (head: ResourceHead) => `${signature}|${head.id}|${head.stamp}|${head.name}`;
    const found = new Map<string, string>();
    const missing: ResourceHead[] = [];
    for (const head of heads) {
      const key = keyOf(head);
      const part = this.parts.get(key);
      if (part === undefined) {
        missing.push(head);
        continue;
      }
      this.parts.delete(key);
      this.parts.set(key, part);
      found.set(head.id, part);
    }
    if (missing.length === 0) return found;
    const families = withData ? await load(missing.map((h) => h.id)) : null;
    for (const head of missing) {
      const rows = families?.get(head.id);
      if (families && !rows) continue;
      const extra = new Map<string, XmlNode[]>(rows ? [[propKey(NS.CALDAV, 'calendar-data'), [{ raw: escapeXml(resourceIcs(scope.viewer, calendar, rows)) }]]] : []);
      const href = resourceHref(scope.actor.userId, calendar.id, head.name);
      const part = xmlFragment(dav('response', [dav('href', href), ...(await propstats(resourceProps(head, calendar.level), asked, extra))]));
      found.set(head.id, part);
      this.parts.set(keyOf(head), part);
      if (this.parts.size > this.max) this.parts.delete(this.parts.keys().next().value!);
    }
    return found;
  }
}
