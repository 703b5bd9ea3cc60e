import { describe, expect, it } from 'vitest';
import { testIntl } from './i18n/test-intl';
import { answerOf, isListed, parseInvitee, type Participant } from './participants';

const users = [{ id: 'u1', label: 'Amina Datu <amina@example.org>' }];

describe('adding participants in the editor', () => {
  it('takes a suggested user by its label, as that user', () => {
    expect(parseInvitee('Amina Datu <amina@example.org>', users, testIntl)).toEqual({ userId: 'u1', name: 'Amina Datu' });
  });

  it('takes anyone else by e-mail, with or without a name', () => {
    expect(parseInvitee(' Ben Cruz <ben@partner.ph> ', users, testIntl)).toEqual({ name: 'Ben Cruz', email: 'ben@partner.ph' });
    expect(parseInvitee('ben@partner.ph', [], testIntl)).toEqual({ name: 'ben', email: 'ben@partner.ph' });
  });

  it('explains what to type otherwise', () => {
    expect(parseInvitee('Amina', users, testIntl)).toEqual({ error: 'Pick a user from the suggestions, or type an e-mail address.' });
    expect(parseInvitee('Amina', [], testIntl)).toMatchObject({ error: expect.stringContaining('e-mail address') });
    expect(parseInvitee('  ', users, testIntl)).toMatchObject({ error: expect.stringContaining('Type a name') });
  });

  it('knows someone already listed by user or by e-mail in any case', () => {
    const listed = [{ userId: 'u1', email: 'amina@example.org' }, { userId: null, email: 'Ben@Partner.ph' }];
    expect(isListed({ userId: 'u1', name: 'Amina' }, listed)).toBe(true);
    expect(isListed({ name: 'ben', email: 'ben@partner.ph' }, listed)).toBe(true);
    expect(isListed({ name: 'cy', email: 'cy@partner.ph' }, listed)).toBe(false);
  });

  it("shows an occurrence's own answer over the one for the whole series", () => {
    const p: Participant = { id: 'p', userId: null, name: 'A', email: null, role: 'required', rsvp: 'going', occurrenceRsvp: null };
    expect(answerOf(p)).toBe('going');
    expect(answerOf({ ...p, occurrenceRsvp: 'declined' })).toBe('declined');
  });
});
