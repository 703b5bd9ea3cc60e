import { describe, expect, it } from 'vitest';
import { refusalOf } from './code-check.js';

const claims = { entryId: 'e1', recurrenceId: '2026-03-02T09:00:00', version: 2 };
const here = { entryId: 'e1', recurrenceId: '2026-03-02T09:00:00', currentVersion: 2 };

describe('refusalOf', () => {
  it('accepts a code for this event, this occurrence, current version', () => {
    expect(refusalOf({ ok: true }, claims, here)).toBeNull();
    expect(refusalOf({ ok: true }, { ...claims, recurrenceId: null }, here)).toBeNull();
  });
  it('says which: forged, expired, wrong kind, other event, other occurrence, revoked', () => {
    expect(refusalOf({ ok: false, reason: 'bad_signature' }, null, here)).toBe('forged');
    expect(refusalOf({ ok: false, reason: 'malformed' }, null, here)).toBe('forged');
    expect(refusalOf({ ok: false, reason: 'expired' }, null, here)).toBe('expired');
    expect(refusalOf({ ok: false, reason: 'bad_signature', validForOtherPurpose: true }, null, here)).toBe('wrong_code_type');
    expect(refusalOf({ ok: true }, { ...claims, entryId: 'e2' }, here)).toBe('other_event');
    expect(refusalOf({ ok: true }, claims, { ...here, recurrenceId: '2026-03-09T09:00:00' })).toBe('other_occurrence');
    expect(refusalOf({ ok: true }, { ...claims, version: 1 }, here)).toBe('revoked');
    expect(refusalOf({ ok: true }, claims, { ...here, currentVersion: null })).toBe('revoked');
  });
});
