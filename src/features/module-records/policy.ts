/**
 * Who may do what with a module record: pure predicates over (actor, the actor's level on the
 * module's calendar, the record type's declared privacy, the record's data).
 *
 * - A module is read by those who may view its organisation calendar and written by those who may
 *   add to it (never viewers), as its entries are.
 * - A private record (leave, performance reviews, training enrollments: `privacy` in the registry)
 *   is read in full only by the person it is about, the people named to decide on it, and those who
 *   act for staff — admins and managers (the data model has no reporting line, and any manager
 *   decides leave when none is named, so every manager counts). To anyone else it does not exist:
 *   not listed, 404; the calendar shows its time as busy through its private entries.
 * - A private record is filed, changed and withdrawn only by the person it is about, or by an admin
 *   or manager for them; the people named to decide read it and decide, they do not edit it.
 *
 * The list query applies the same read rule in SQL (repository.ts, `readableBy`): the access matrix
 * test (access-matrix.db.test.ts) checks that both agree.
 */
import type { AccessLevel } from '../../db/schema/calendars.js';
import type { FieldError } from '../../http/problem.js';
import type { Actor } from '../auth/actor.js';
import { atLeast, canCreateInCalendar } from '../calendars/policy.js';
import { decideLeave, type LeaveStatus, type RecordPrivacy } from '../modules/index.js';

type Who = Pick<Actor, 'userId' | 'role'>;
type Data = Record<string, unknown>;

/** Admins and managers act for staff: they read private records in full and file or change them for anyone. */
export const actsForStaff = (actor: Pick<Actor, 'role'>): boolean => actor.role === 'admin' || actor.role === 'manager';

/** The user ids at a dotted path of a record ("details.staffId"): one id or a list of them. */
export function idsAt(data: Data, field: string): string[] {
  let value: unknown = data;
  for (const part of field.split('.')) value = value !== null && typeof value === 'object' ? (value as Data)[part] : undefined;
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

const isSubject = (actor: Who, privacy: RecordPrivacy & { level: 'private' }, data: Data) => idsAt(data, privacy.subjectField).includes(actor.userId);
const isApprover = (actor: Who, privacy: RecordPrivacy & { level: 'private' }, data: Data) =>
  privacy.approverFields.some((f) => idsAt(data, f).includes(actor.userId));

export const canReadModule = (level: AccessLevel | null): boolean => atLeast(level, 'view');

export const canWriteModule = (actor: Who, level: AccessLevel | null): boolean => canCreateInCalendar(actor, level);

/** Whether the actor sees the record at all (and then in full): the rule the list query repeats in SQL. */
export function canReadRecord(actor: Who, level: AccessLevel | null, privacy: RecordPrivacy, data: Data): boolean {
  if (!canReadModule(level)) return false;
  if (privacy.level === 'internal' || actsForStaff(actor)) return true;
  return isSubject(actor, privacy, data) || isApprover(actor, privacy, data);
}

/** Whether the actor may change or withdraw (delete) a record they can read. */
export function canChangeRecord(actor: Who, level: AccessLevel | null, privacy: RecordPrivacy, data: Data): boolean {
  if (!canWriteModule(actor, level)) return false;
  return privacy.level === 'internal' || actsForStaff(actor) || isSubject(actor, privacy, data);
}

/**
 * A private record filed (or changed to be) about someone else, by someone who does not act for
 * staff: the field at fault, else null. Staff file their own leave, not a colleague's.
 */
export function subjectRefusal(actor: Who, privacy: RecordPrivacy, data: Data): FieldError | null {
  if (privacy.level === 'internal' || actsForStaff(actor)) return null;
  const ids = idsAt(data, privacy.subjectField);
  if (ids.length === 1 && ids[0] === actor.userId) return null;
  return { field: privacy.subjectField, message: 'must be your own user id: only managers and admins file this for someone else' };
}

/** Whether the actor may approve or reject this leave request now (decideLeave's rules). */
export function canDecideLeave(actor: Who, level: AccessLevel | null, data: Data): boolean {
  if (!canWriteModule(actor, level)) return false;
  const details = data.details as Parameters<typeof decideLeave>[1];
  // Only whether it may: the decision's time is not asked for.
  return decideLeave(data.status as LeaveStatus, details, 'approve', actor.userId, actsForStaff(actor), '').ok;
}
