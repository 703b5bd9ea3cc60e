import type { CalendarWithLevel } from '../calendars/repository.js';
import { currentCollectionTags } from './collection-state.js';
import { davError } from './errors.js';
import { resourceHref } from './paths.js';
import { readReportProps } from './report-input.js';
import { resourceResponses } from './reports.js';
import { changedFamilyStates, listResourceHeads } from './repository.js';
import type { DavScope } from './scope.js';
import { formatSnapshot, readSyncToken } from './sync-token.js';
import { childOf, dav, NS, type XmlElement, type XmlNode } from './xml.js';

/**
 * sync-collection (RFC 6578): with no token, every resource; with a token, the resources written
 * since (200 with the properties asked for) and those deleted or moved out (404), then the new
 * token. A token that is malformed, made for another access level or older than the kept
 * tombstones is refused with DAV:valid-sync-token, and the client starts afresh.
 */
export async function syncCollection(scope: DavScope, calendar: CalendarWithLevel, report: XmlElement): Promise<XmlNode> {
  const { asked, data } = readReportProps(report);
  const level = childOf(report, NS.DAV, 'sync-level')?.text.trim() ?? '1';
  if (level !== '1' && level !== 'infinite') throw davError(400, 'sync-level must be 1 (or infinite, which is the same here).');
  const sent = childOf(report, NS.DAV, 'sync-token')?.text.trim() ?? '';
  const token = sent ? readSyncToken(sent, calendar.level, scope.nowMs) : null;
  if (sent && !token) throw davError(403, 'This sync token is not valid any more; sync again from the start.', dav('valid-sync-token'));
  // The new token is taken first: a change that lands between the two reads is reported now and again next time, never missed.
  const { syncToken } = await currentCollectionTags(scope, calendar);
  const org = scope.actor.organizationId;
  let live;
  const gone: string[] = [];
  if (!token) {
    live = await listResourceHeads(scope.database, org, calendar.id);
  } else {
    const states = await changedFamilyStates(scope.database, org, calendar.id, formatSnapshot(token.snapshot));
    live = states.filter((s) => !s.deleted && s.calendar_id === calendar.id);
    for (const s of states) if (s.deleted || s.calendar_id !== calendar.id) gone.push(s.name);
  }
  const responses = await resourceResponses(scope, calendar, live, asked, data);
  for (const name of gone) responses.push(dav('response', [dav('href', resourceHref(scope.actor.userId, calendar.id, name)), dav('status', 'HTTP/1.1 404 Not Found')]));
  return dav('multistatus', [...responses, dav('sync-token', syncToken)]);
}
