import { createHash } from 'node:crypto';
import type { CalendarWithLevel } from '../calendars/repository.js';
import { collectionState } from './repository.js';
import type { DavScope } from './scope.js';
import { dayOf, formatSyncToken, narrowSnapshot, parseSnapshot } from './sync-token.js';

/**
 * The collection's getctag and sync-token now. Both change exactly when something in it changes
 * (or the user's access level does); neither changes because other calendars are written to.
 */
export async function currentCollectionTags(scope: DavScope, calendar: CalendarWithLevel): Promise<{ ctag: string; syncToken: string }> {
  const { snapshot, last } = await collectionState(scope.database, scope.actor.organizationId, calendar.id);
  const narrowed = narrowSnapshot(parseSnapshot(snapshot)!, last === null ? null : BigInt(last));
  return {
    ctag: createHash('sha1').update(`${calendar.level}|${last ?? ''}`).digest('base64url').slice(0, 22),
    syncToken: formatSyncToken({ level: calendar.level, day: dayOf(scope.nowMs), snapshot: narrowed }),
  };
}
