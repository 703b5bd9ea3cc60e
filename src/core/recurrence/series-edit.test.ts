import { describe, expect, it } from 'vitest';
import { ianaZone } from '../time/iana-zone.js';
import { formatInstantInZone, parseLocalDate, parseLocalDateTime } from '../time/local.js';
import { expandRecurrence } from './expand.js';
import { reconcileOverrides, splitSeries } from './series-edit.js';
import type { RecurrenceInput } from './types.js';

const zone = ianaZone('Asia/Manila');
const at = (t: string) => parseLocalDateTime(t);
const list = (s: RecurrenceInput) => expandRecurrence(s, { max: 100 }).map((o) => formatInstantInZone(o.epochMs, zone));
const series = (rrule: string, extra: Partial<RecurrenceInput> = {}): RecurrenceInput => ({ start: at('2025-06-02T09:00:00'), allDay: false, zone, rrule, ...extra });

describe('this and following', () => {
  it('shares COUNT out between the old and the new series, losing and doubling nothing', () => {
    const s = series('FREQ=WEEKLY;BYDAY=MO;COUNT=6', { exdate: [{ kind: 'local', value: at('2025-06-09T09:00:00') }, { kind: 'local', value: at('2025-06-30T09:00:00') }] });
    const { before, following } = splitSeries(s, at('2025-06-23T09:00:00'));
    expect(before.rrule).toBe('FREQ=WEEKLY;BYDAY=MO;COUNT=3');
    expect(following.rrule).toBe('FREQ=WEEKLY;BYDAY=MO;COUNT=3');
    expect(before.exdate).toHaveLength(1);
    expect(following.exdate).toHaveLength(1);
    expect([...list(before), ...list(following)]).toEqual(list(s));
  });

  it('ends an open series with UNTIL one second before the occurrence, and can move the new part', () => {
    const s = series('FREQ=DAILY', { exdate: [{ kind: 'local', value: at('2025-06-06T09:00:00') }] });
    const { before, following } = splitSeries(s, at('2025-06-05T09:00:00'), { start: at('2025-06-05T10:00:00') });
    expect(before.rrule).toBe('FREQ=DAILY;UNTIL=20250605T005959Z');
    expect(list(before)).toEqual(['2025-06-02T09:00:00+08:00', '2025-06-03T09:00:00+08:00', '2025-06-04T09:00:00+08:00']);
    expect(following.start).toEqual(at('2025-06-05T10:00:00'));
    expect(list(following).slice(0, 3)).toEqual(['2025-06-05T10:00:00+08:00', '2025-06-07T10:00:00+08:00', '2025-06-08T10:00:00+08:00']);
  });

  it('splits all-day series with a date UNTIL and takes a new rule for the new part', () => {
    const s: RecurrenceInput = { start: parseLocalDate('2025-01-06'), allDay: true, zone: null, rrule: 'FREQ=WEEKLY;UNTIL=20250331' };
    const { before, following } = splitSeries(s, parseLocalDate('2025-02-03'), { rrule: 'FREQ=WEEKLY;INTERVAL=2;UNTIL=20250331' });
    expect(before.rrule).toBe('FREQ=WEEKLY;UNTIL=20250202');
    expect(expandRecurrence(following).map((o) => o.local)).toHaveLength(5);
  });

  it('reports an old series with nothing left when splitting at the first occurrence', () => {
    expect(splitSeries(series('FREQ=DAILY;COUNT=3'), at('2025-06-02T09:00:00')).before.isEmpty).toBe(true);
    expect(splitSeries(series('FREQ=DAILY;COUNT=3'), at('2025-06-03T09:00:00')).before.isEmpty).toBe(false);
  });

  it('refuses a RECURRENCE-ID that is not an occurrence', () => {
    expect(() => splitSeries(series('FREQ=WEEKLY'), at('2025-06-03T09:00:00'))).toThrow(/not an occurrence/);
  });
});

describe('all occurrences with a new rule', () => {
  it('keeps overrides still on an occurrence and drops the others', () => {
    const changed = series('FREQ=WEEKLY;BYDAY=MO,WE');
    const ids = [at('2025-06-04T09:00:00'), at('2025-06-05T09:00:00'), at('2025-06-09T09:00:00'), at('2025-06-09T10:00:00')];
    expect(reconcileOverrides(changed, ids)).toEqual({ kept: [ids[0], ids[2]], dropped: [ids[1], ids[3]] });
  });
});
