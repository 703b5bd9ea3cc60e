import type { Db } from '../../db/client.js';
import { forbidden, notFound } from '../../http/problem.js';
import type { Actor } from '../auth/actor.js';
import { canEditEntry } from '../calendars/policy.js';
import { findAccessibleCalendar } from '../calendars/repository.js';
import { deleteEntry } from '../entries/update-entry.js';
import { findSourceEntry } from './find-source-entry.js';

/**
 * Soft-deletes the entry a source system knows by externalId. Deleting again is a success that
 * changes nothing ('unchanged'), so a retry after a lost response is safe; an id the source never
 * sent is 404.
 */
export async function deleteSourceEntry(deps: { db: Db }, actor: Actor, system: string, externalId: string): Promise<'deleted' | 'unchanged'> {
  return deps.db.transaction(async (tx) => {
    const row = await findSourceEntry(tx, actor.organizationId, system, externalId);
    const calendar = row ? await findAccessibleCalendar(tx, actor, row.calendarId) : null;
    if (!row || !calendar || calendar.level === 'freebusy') throw notFound('Source entry');
    if (!canEditEntry(actor, calendar.level, row)) throw forbidden('The entry with this source id is in a calendar you may not change.');
    if (row.deletedAt !== null) return 'unchanged';
    await deleteEntry({ db: tx as unknown as Db }, actor, row.id, null);
    return 'deleted';
  });
}
