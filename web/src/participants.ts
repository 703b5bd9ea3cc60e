/**
 * An entry's participants for the editor (attendance feature): the list with each one's RSVP, who to
 * add (a user picked by name, or anyone by e-mail), and the calls that add and remove them.
 */
import type { IntlShape } from 'react-intl';
import { request } from './api';
import { translator, type MessageId } from './i18n/t';

export const PARTICIPANT_ROLES = ['required', 'optional', 'facilitator', 'organizer'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];
export type Rsvp = 'invited' | 'going' | 'maybe' | 'declined';

export interface Participant {
  id: string;
  userId: string | null;
  name: string;
  email: string | null;
  role: ParticipantRole;
  rsvp: Rsvp;
  occurrenceRsvp: Rsvp | null;
}

/** Someone to add when the entry is saved: a user of the organisation, or a person by e-mail. */
export interface Invitee {
  key: string;
  userId?: string;
  name: string;
  email?: string;
  role: ParticipantRole;
}

export const RSVP_LABELS: Record<Rsvp, MessageId> = { invited: 'rsvp.invited', going: 'rsvp.going', maybe: 'rsvp.maybe', declined: 'rsvp.declined' };

const EMAIL_RE = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/**
 * What was typed in the "add a person" box: a suggested user's label, "Name <e-mail>", or a bare
 * e-mail (whose name is then the part before the @). Anything else is an error to show.
 */
export function parseInvitee(text: string, users: Array<{ id: string; label: string }>, intl: IntlShape): Omit<Invitee, 'key' | 'role'> | { error: string } {
  const t = translator(intl);
  const q = text.trim();
  if (!q) return { error: t('invitee.empty') };
  const user = users.find((u) => u.label === q);
  if (user) return { userId: user.id, name: user.label.replace(/\s*<[^>]*>$/, '') };
  const angled = /^(.*?)\s*<([^<>]+)>$/.exec(q);
  const name = angled ? angled[1]!.trim() : '';
  const email = (angled ? angled[2]! : q).trim();
  if (!EMAIL_RE.test(email)) return { error: t(users.length ? 'invitee.pick' : 'invitee.email') };
  return { name: name || email.split('@')[0]!, email };
}

/** True when the invitee is already on the list (same user, or same e-mail in any case). */
export function isListed(invitee: Omit<Invitee, 'key' | 'role'>, listed: Array<{ userId?: string | null; email?: string | null }>): boolean {
  return listed.some((p) => (invitee.userId && p.userId === invitee.userId) || (invitee.email && p.email?.toLowerCase() === invitee.email.toLowerCase()));
}

const path = (entryId: string) => `/api/v1/entries/${encodeURIComponent(entryId)}/participants`;

/** The participants with their answers for the whole series, and for one occurrence when `recurrenceId` is given. */
export async function listParticipants(entryId: string, recurrenceId?: string): Promise<{ participants: Participant[]; canManage: boolean }> {
  const q = recurrenceId ? `?${new URLSearchParams({ recurrenceId }).toString()}` : '';
  const { data } = await request<{ participants: Participant[]; canManage: boolean }>(`${path(entryId)}${q}`);
  return data;
}

/** The answer that holds for what is shown: the occurrence's own, else the one for the whole entry. */
export const answerOf = (p: Participant): Rsvp => p.occurrenceRsvp ?? p.rsvp;

export async function addParticipant(entryId: string, who: Invitee): Promise<Participant> {
  const body = who.userId ? { userId: who.userId, role: who.role } : { name: who.name, email: who.email, role: who.role };
  const { data } = await request<Participant>(path(entryId), { method: 'POST', body });
  return data;
}

export async function removeParticipant(entryId: string, participantId: string): Promise<void> {
  await request(`${path(entryId)}/${encodeURIComponent(participantId)}`, { method: 'DELETE' });
}
