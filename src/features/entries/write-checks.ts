import type { DbOrTx } from '../../db/client.js';
import { forbidden, invalidField, Problem } from '../../http/problem.js';
import type { Actor } from '../auth/actor.js';
import { canCreateInCalendar } from '../calendars/policy.js';
import { getKind, parseDetails } from '../modules/registry.js';
import { type CalendarWithLevel, findAccessibleCalendar } from '../calendars/repository.js';
import { communityExists, userExists } from './repository.js';

/** The calendar an entry is written to: one the actor can see (else 422 on the field) and may add to (else 403). */
export async function writableCalendar(db: DbOrTx, actor: Actor, calendarId: string): Promise<CalendarWithLevel> {
  const calendar = await findAccessibleCalendar(db, actor, calendarId);
  if (!calendar) throw invalidField('calendarId', 'is not a calendar you can see', 422);
  if (calendar.isReadOnly && actor.role !== 'admin') throw forbidden(`The calendar "${calendar.name}" is read-only.`);
  if (!canCreateInCalendar(actor, calendar.level)) throw forbidden(`You may not add entries to the calendar "${calendar.name}".`);
  return calendar;
}

export async function checkReferences(db: DbOrTx, actor: Actor, refs: { organizerId?: string | null; communityId?: string | null }) {
  if (refs.organizerId && !(await userExists(db, actor.organizationId, refs.organizerId))) {
    throw invalidField('organizerId', 'is not a user of this organisation', 422);
  }
  if (refs.communityId && !(await communityExists(db, actor.organizationId, refs.communityId))) {
    throw invalidField('communityId', 'is not a community in the directory', 422);
  }
}

/**
 * The details of a registered kind must fit its schema where they say something it knows (a staff
 * task's assignee is a user id, a leave has a type…): otherwise its alerts, conflicts and
 * compliance would silently ignore them. Keys the kind does not know are other systems' data and
 * stay free-form, as do the details of kinds no module registers.
 */
export function checkDetails(module: string, kind: string, details: unknown): void {
  if (!getKind(module, kind)) return;
  const check = parseDetails(module, kind, details, { allowUnknownKeys: true });
  if (check.ok) return;
  const errors = check.issues.map((i) => ({ field: i.path, message: i.message }));
  throw new Problem(422, 'Unprocessable Content', `The details do not fit the kind ${module}.${kind}: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`, errors);
}
