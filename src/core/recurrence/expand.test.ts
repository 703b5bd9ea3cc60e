import { describe, expect, it } from 'vitest';
import { ianaZone } from '../time/iana-zone.js';
import { expandRecurrence } from './expand.js';
import { expandText } from './test-helpers.js';

describe('expandRecurrence semantics', () => {
  it('keeps a 09:00 weekly meeting at 09:00 across DST', () => {
    expect(expandText({ dtstart: '2025-10-20T09:00:00', tzid: 'America/New_York', rrule: 'FREQ=WEEKLY;COUNT=3' }))
      .toEqual(['2025-10-20T09:00:00-04:00', '2025-10-27T09:00:00-04:00', '2025-11-03T09:00:00-05:00']);
  });

  it('counts COUNT before EXDATE removes any', () => {
    expect(expandText({ dtstart: '2025-01-01T10:00:00', rrule: 'FREQ=DAILY;COUNT=3', exdate: ['2025-01-02T10:00:00'] }))
      .toEqual(['2025-01-01T10:00:00+00:00', '2025-01-03T10:00:00+00:00']);
  });

  it('removes by instant: an EXDATE in UTC removes the local instance at that instant', () => {
    expect(expandText({ dtstart: '2025-06-02T09:00:00', tzid: 'Asia/Manila', rrule: 'FREQ=DAILY;COUNT=3', exdate: ['2025-06-03T01:00:00Z'] }))
      .toEqual(['2025-06-02T09:00:00+08:00', '2025-06-04T09:00:00+08:00']);
  });

  it('lists an RDATE that repeats an instance once, and merges others in order', () => {
    expect(expandText({ dtstart: '2025-06-02T09:00:00', rrule: 'FREQ=WEEKLY;COUNT=2', rdate: ['2025-06-09T09:00:00', '2025-06-05T12:00:00'] }))
      .toEqual(['2025-06-02T09:00:00+00:00', '2025-06-05T12:00:00+00:00', '2025-06-09T09:00:00+00:00']);
  });

  it('treats UNTIL as inclusive', () => {
    expect(expandText({ dtstart: '2025-01-01T10:00:00', rrule: 'FREQ=DAILY;UNTIL=20250103T100000Z' })).toHaveLength(3);
    expect(expandText({ dtstart: '2025-01-01T10:00:00', rrule: 'FREQ=DAILY;UNTIL=20250103T095959Z' })).toHaveLength(2);
  });

  it('windows on [start, end) and then applies max', () => {
    const between: [string, string] = ['2025-01-02T10:00:00Z', '2025-01-05T10:00:00Z'];
    expect(expandText({ dtstart: '2025-01-01T10:00:00', rrule: 'FREQ=DAILY', between }))
      .toEqual(['2025-01-02T10:00:00+00:00', '2025-01-03T10:00:00+00:00', '2025-01-04T10:00:00+00:00']);
    expect(expandText({ dtstart: '2025-01-01T10:00:00', rrule: 'FREQ=DAILY', between, max: 2 })).toHaveLength(2);
  });

  it('finds the same window far in the future whether it skips ahead or counts from the start', () => {
    const between: [string, string] = ['2040-03-01T00:00:00Z', '2040-04-01T00:00:00Z'];
    const open = expandText({ dtstart: '2025-01-06T08:00:00', tzid: 'Europe/Berlin', rrule: 'FREQ=WEEKLY;BYDAY=MO,WE', between });
    const counted = expandText({ dtstart: '2025-01-06T08:00:00', tzid: 'Europe/Berlin', rrule: 'FREQ=WEEKLY;BYDAY=MO,WE;COUNT=5000', between });
    expect(open).toEqual(counted);
    expect(open[0]).toBe('2040-03-05T08:00:00+01:00');
  });

  it('places all-day occurrences at midnight of the floating zone', () => {
    const occ = expandRecurrence(
      { start: { year: 2025, month: 1, day: 1 }, allDay: true, zone: null, rrule: 'FREQ=DAILY;COUNT=2', exdate: [{ kind: 'date', value: { year: 2025, month: 1, day: 2 } }] },
      { floatingZone: ianaZone('Asia/Manila') },
    );
    expect(occ).toEqual([{ local: { year: 2025, month: 1, day: 1 }, epochMs: Date.UTC(2024, 11, 31, 16), fromRdate: false }]);
  });

  it('expands a series without a rule to DTSTART and its RDATEs', () => {
    expect(expandText({ dtstart: '2025-01-01', rdate: ['2025-01-05'] })).toEqual(['2025-01-01', '2025-01-05']);
  });

  it('stops on a rule that can never occur instead of looping', () => {
    const t0 = performance.now();
    expect(expandText({ dtstart: '2025-02-01T09:00:00', rrule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=31', max: 5 })).toEqual(['2025-02-01T09:00:00+00:00']);
    expect(expandText({ dtstart: '2025-02-01T09:00:00', rrule: 'FREQ=MINUTELY;BYMONTH=2;BYMONTHDAY=30', max: 5 })).toHaveLength(1);
    expect(expandText({ dtstart: '2029-01-23T14:00:00', rrule: 'FREQ=WEEKLY;BYSETPOS=-2;COUNT=4' })).toEqual(['2029-01-23T14:00:00+00:00']);
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it('applies BYSETPOS within each period: the last workday of the month', () => {
    expect(expandText({ dtstart: '2025-05-30', rrule: 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=3' }))
      .toEqual(['2025-05-30', '2025-06-30', '2025-07-31']);
  });

  it('expands SECONDLY and MINUTELY rules', () => {
    expect(expandText({ dtstart: '2025-01-01T00:00:00', rrule: 'FREQ=SECONDLY;INTERVAL=20;COUNT=4' }))
      .toEqual(['2025-01-01T00:00:00+00:00', '2025-01-01T00:00:20+00:00', '2025-01-01T00:00:40+00:00', '2025-01-01T00:01:00+00:00']);
    expect(expandText({ dtstart: '2025-01-01T09:00:00', rrule: 'FREQ=MINUTELY;INTERVAL=15;BYHOUR=9;COUNT=5' }))
      .toEqual(['09:00', '09:15', '09:30', '09:45'].map((t) => `2025-01-01T${t}:00+00:00`).concat('2025-01-02T09:00:00+00:00'));
  });

  it('keeps Hijri observances on their Hijri date (RFC 7529 RSCALE)', () => {
    // 1 Shawwal (Eid al-Fitr) and 10 Dhu al-Hijjah (Eid al-Adha) in the islamic-civil calendar.
    expect(expandText({ dtstart: '2026-03-20', rrule: 'RSCALE=ISLAMIC-CIVIL;FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=1;COUNT=3' }))
      .toEqual(['2026-03-20', '2027-03-10', '2028-02-27']);
    expect(expandText({ dtstart: '2026-05-27', rrule: 'RSCALE=ISLAMIC-CIVIL;FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=10;COUNT=2' }))
      .toEqual(['2026-05-27', '2027-05-17']);
  });
});
