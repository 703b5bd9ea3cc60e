import { describe, expect, it } from 'vitest';
import { attendeeOf, minutesBeforeOf, type ParticipantFacts, participantOf, triggerOf } from './participants.js';

const person = (p: Partial<ParticipantFacts>): ParticipantFacts => ({ id: '6f1c2d1e-0000-4000-8000-000000000001', name: 'Amina Datu', email: null, phone: null, role: 'required', rsvp: 'invited', ...p });
const reread = (a: ReturnType<typeof attendeeOf>) =>
  participantOf({ address: a.address.replace(/^mailto:/i, ''), name: a.name ?? null, role: a.role ?? null, partstat: a.partstat ?? null, rsvp: a.rsvp ?? false });

describe('participants as ATTENDEE and back', () => {
  it('keeps name, e-mail or phone, role and answer through a write and a read', () => {
    const roles = ['organizer', 'required', 'optional', 'facilitator'] as const;
    const answers = ['invited', 'going', 'maybe', 'declined'] as const;
    for (const role of roles) {
      for (const rsvp of answers) {
        for (const contact of [{ email: 'amina@example.org' }, { phone: '+63 917 000 0000' }, {}]) {
          const p = person({ role, rsvp, ...contact });
          const { id: _id, ...expected } = p;
          expect(reread(attendeeOf(p))).toEqual(expected);
        }
      }
    }
  });

  it('writes RFC 5545 roles and answers, RSVP=TRUE where an answer is still awaited', () => {
    expect(attendeeOf(person({ email: 'a@example.org', role: 'organizer', rsvp: 'going' }))).toEqual({ address: 'mailto:a@example.org', name: 'Amina Datu', role: 'CHAIR', partstat: 'ACCEPTED', rsvp: false });
    expect(attendeeOf(person({ rsvp: 'invited' }))).toMatchObject({ address: 'urn:uuid:6f1c2d1e-0000-4000-8000-000000000001', partstat: 'NEEDS-ACTION', rsvp: true });
  });

  it('reads attendees of other calendars: defaults for missing parameters, no name → the address', () => {
    expect(participantOf({ address: 'Guest@Example.org', name: null, role: null, partstat: null, rsvp: false })).toEqual({ name: 'guest@example.org', email: 'guest@example.org', phone: null, role: 'required', rsvp: 'invited' });
    expect(participantOf({ address: 'x@example.org', name: 'X', role: 'NON-PARTICIPANT', partstat: 'DELEGATED', rsvp: false })).toMatchObject({ role: 'optional', rsvp: 'declined' });
  });
});

describe('reminders as VALARM TRIGGER and back', () => {
  it('writes minutes before the start as a negative duration and reads it back', () => {
    expect([0, 15, 60, 90, 1440, 1500, 10_080].map(triggerOf)).toEqual(['PT0S', '-PT15M', '-PT1H', '-PT1H30M', '-P1D', '-P1DT1H', '-P7D']);
    for (const minutes of [0, 5, 15, 60, 90, 1440, 1441, 2880, 10_080]) expect(minutesBeforeOf(triggerOf(minutes))).toBe(minutes);
  });

  it('reads weeks and seconds; refuses triggers after the start or that are not durations (null)', () => {
    expect(minutesBeforeOf('-P1W')).toBe(10_080);
    expect(minutesBeforeOf('-PT900S')).toBe(15);
    for (const other of ['PT15M', '+PT5M', '20260301T090000Z', 'P', '-PT', 'soon']) expect(minutesBeforeOf(other)).toBeNull();
  });
});
