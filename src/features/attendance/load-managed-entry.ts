import type { DbOrTx } from '../../db/client.js';
import { notFound } from '../../http/problem.js';
import type { Actor } from '../auth/actor.js';
import { canSeeEntryDetails } from '../calendars/policy.js';
import { canManageAttendance } from './policy.js';
import { type AttendanceEntry, loadAttendanceEntry } from './repository.js';

/**
 * The entry whose participants the actor manages. Someone who cannot even see it gets 404; someone
 * who sees it but may not edit it gets 404 too — attendance lists carry contact details.
 */
export async function loadManagedEntry(db: DbOrTx, actor: Actor, entryId: string): Promise<AttendanceEntry> {
  const loaded = await loadAttendanceEntry(db, actor, entryId);
  if (!loaded?.calendar || !canSeeEntryDetails(actor, loaded.calendar.level, loaded.entry)) throw notFound('Entry');
  if (!canManageAttendance(actor, loaded.calendar.level, loaded.entry)) throw notFound('Entry');
  return loaded;
}
