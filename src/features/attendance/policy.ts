import type { AccessLevel } from '../../db/schema/calendars.js';
import type { Actor } from '../auth/actor.js';
import { canEditEntry, canSeeEntryDetails, type EntryForPolicy } from '../calendars/policy.js';

/**
 * Who may do what with an entry's participants and attendance: the entry's editors manage them
 * and check people in; people who may see the entry see the list; a participant answers for
 * themself. Anyone else learns nothing (404).
 */
export const canManageAttendance = (actor: Actor, level: AccessLevel | null, entry: EntryForPolicy): boolean =>
  canEditEntry(actor, level, entry);

export const canSeeAttendance = (actor: Actor, level: AccessLevel | null, entry: EntryForPolicy, isParticipant: boolean): boolean =>
  canSeeEntryDetails(actor, level, entry) || isParticipant;

export const canAnswerFor = (actor: Actor, participant: { userId: string | null }): boolean => participant.userId === actor.userId;
