import { describe, expect, it } from 'vitest';
import { ianaZone } from '../time/iana-zone.js';
import { parseLocalDateTime } from '../time/local.js';
import { hasAnyOccurrence, isStartOnRule, seriesSpan } from './series-span.js';
import type { RecurrenceInput } from './types.js';

const s = (rrule: string | null, extra: Partial<RecurrenceInput> = {}): RecurrenceInput => ({
  start: parseLocalDateTime('2025-02-01T09:00:00'), allDay: false, zone: ianaZone('Asia/Manila'), rrule, ...extra,
});

describe('series span and emptiness', () => {
  it('gives first and last start of bounded series and null for unbounded ones', () => {
    expect(seriesSpan(s('FREQ=DAILY;COUNT=3'))).toEqual({ firstStartMs: Date.UTC(2025, 1, 1, 1), lastStartMs: Date.UTC(2025, 1, 3, 1) });
    expect(seriesSpan(s('FREQ=WEEKLY;UNTIL=20250301T000000Z')).lastStartMs).toBe(Date.UTC(2025, 1, 22, 1));
    expect(seriesSpan(s('FREQ=DAILY')).lastStartMs).toBeNull();
    expect(seriesSpan(s(null)).lastStartMs).toBe(Date.UTC(2025, 1, 1, 1));
  });

  it('starts after an excluded DTSTART', () => {
    const span = seriesSpan(s('FREQ=DAILY;COUNT=3', { exdate: [{ kind: 'local', value: parseLocalDateTime('2025-02-01T09:00:00') }] }));
    expect(span.firstStartMs).toBe(Date.UTC(2025, 1, 2, 1));
  });

  it('says a rule that can never occur has no occurrence, quickly', () => {
    expect(hasAnyOccurrence(s('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=31'))).toBe(false);
    expect(hasAnyOccurrence(s('FREQ=MONTHLY;BYMONTHDAY=30;BYMONTH=2'))).toBe(false);
    expect(hasAnyOccurrence(s('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29'))).toBe(true);
    expect(hasAnyOccurrence(s('FREQ=DAILY;COUNT=1', { exdate: [{ kind: 'local', value: parseLocalDateTime('2025-02-01T09:00:00') }] }))).toBe(false);
  });

  it('tells whether DTSTART lies on its own rule', () => {
    expect(isStartOnRule(s('FREQ=WEEKLY;BYDAY=SA'))).toBe(true); // 2025-02-01 is a Saturday
    expect(isStartOnRule(s('FREQ=WEEKLY;BYDAY=MO'))).toBe(false);
  });
});
