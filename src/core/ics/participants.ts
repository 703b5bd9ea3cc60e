import type { IcsPerson } from './event.js';

/**
 * Participants and reminders of an entry as iCalendar writes them (ATTENDEE, VALARM) and back, so an
 * export read in again gives the same people with the same roles and answers, and the same reminder
 * times (docs/ics.md "Attendees and alarms").
 */
export type ParticipantRole = 'organizer' | 'required' | 'optional' | 'facilitator';
export type ParticipantAnswer = 'invited' | 'going' | 'maybe' | 'declined';

/** One ATTENDEE: `address` is a URI (mailto:, tel:, urn:uuid:). */
export interface ExportAttendee {
  readonly address: string;
  readonly name?: string | null;
  readonly role?: string | null;
  readonly partstat?: string | null;
  readonly rsvp?: boolean;
}

export interface ParticipantFacts {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  role: ParticipantRole;
  rsvp: ParticipantAnswer;
}

const ROLES: Record<ParticipantRole, string> = { organizer: 'CHAIR', required: 'REQ-PARTICIPANT', optional: 'OPT-PARTICIPANT', facilitator: 'X-FACILITATOR' };
const PARTSTATS: Record<ParticipantAnswer, string> = { invited: 'NEEDS-ACTION', going: 'ACCEPTED', maybe: 'TENTATIVE', declined: 'DECLINED' };
const roleOf = (value: string | null): ParticipantRole =>
  (Object.entries(ROLES).find(([, v]) => v === value?.toUpperCase())?.[0] as ParticipantRole | undefined) ?? (value?.toUpperCase() === 'NON-PARTICIPANT' ? 'optional' : 'required');
const answerOf = (value: string | null): ParticipantAnswer =>
  (Object.entries(PARTSTATS).find(([, v]) => v === value?.toUpperCase())?.[0] as ParticipantAnswer | undefined) ?? (value?.toUpperCase() === 'DELEGATED' ? 'declined' : 'invited');

/** A participant as an ATTENDEE: by e-mail, else by phone (tel:), else by its id (urn:uuid:), so nobody is left out. */
export function attendeeOf(p: ParticipantFacts): ExportAttendee {
  const address = p.email ? `mailto:${p.email}` : p.phone ? `tel:${encodeURI(p.phone)}` : `urn:uuid:${p.id}`;
  return { address, name: p.name, role: ROLES[p.role], partstat: PARTSTATS[p.rsvp], rsvp: p.rsvp === 'invited' };
}

/** An ATTENDEE read from a file as a participant (its e-mail or phone, if the address gives one). */
export function participantOf(person: IcsPerson): Omit<ParticipantFacts, 'id'> {
  const address = person.address.trim();
  const email = !/^[a-z][a-z0-9+.-]*:/i.test(address) && address.includes('@') ? address.toLowerCase() : null;
  const phone = /^tel:/i.test(address) ? safeDecode(address.slice(4)) : null;
  const name = person.name?.trim() || email || phone || 'Participant';
  return { name: name.slice(0, 200), email, phone, role: roleOf(person.role), rsvp: answerOf(person.partstat) };
}

function safeDecode(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}

/** A reminder `minutesBefore` the start as a VALARM TRIGGER duration (RFC 5545 §3.3.6). */
export function triggerOf(minutesBefore: number): string {
  if (minutesBefore === 0) return 'PT0S';
  const days = Math.floor(minutesBefore / 1440);
  const hours = Math.floor((minutesBefore % 1440) / 60);
  const minutes = minutesBefore % 60;
  const time = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}`;
  return `-P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
}

const DURATION = /^([+-])?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/i;

/** Minutes before the start a TRIGGER names, or null for one after the start or at a fixed time. */
export function minutesBeforeOf(trigger: string): number | null {
  const m = DURATION.exec(trigger.trim());
  if (!m || /^[+-]?P$/i.test(trigger.trim()) || /T$/i.test(trigger.trim())) return null;
  const n = (k: number) => Number(m[k] ?? 0);
  const minutes = Math.round(n(2) * 10_080 + n(3) * 1440 + n(4) * 60 + n(5) + n(6) / 60);
  if (minutes !== 0 && m[1] !== '-') return null;
  return minutes;
}
