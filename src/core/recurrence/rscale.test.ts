import { describe, expect, it } from 'vitest';
import { expandText } from './test-helpers.js';

describe('RSCALE=ISLAMIC-CIVIL (RFC 7529)', () => {
  it('repeats 1 Shawwal every Hijri year, as Gregorian dates', () => {
    expect(expandText({ dtstart: '2026-03-20', rrule: 'RSCALE=ISLAMIC-CIVIL;FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=1;COUNT=4' }))
      .toEqual(['2026-03-20', '2027-03-10', '2028-02-27', '2029-02-15']);
  });

  it('takes month and day from DTSTART when the rule gives none', () => {
    expect(expandText({ dtstart: '2026-05-27T08:00:00', tzid: 'Asia/Manila', rrule: 'RSCALE=ISLAMIC-CIVIL;FREQ=YEARLY;COUNT=2' }))
      .toEqual(['2026-05-27T08:00:00+08:00', '2027-05-17T08:00:00+08:00']);
  });

  it('applies SKIP to day 30 of a 29-day month', () => {
    // 30 Ramadan 1447 = 2026-03-19; Shawwal has 29 days (ends 2026-04-17), 1447 is a leap year (30 Dhu al-Hijjah).
    const base = { dtstart: '2026-03-19', rrule: 'RSCALE=ISLAMIC-CIVIL;FREQ=MONTHLY;COUNT=3' };
    expect(expandText({ ...base })).toEqual(['2026-03-19', '2026-05-17', '2026-06-16']);
    expect(expandText({ ...base, rrule: `${base.rrule};SKIP=BACKWARD` })).toEqual(['2026-03-19', '2026-04-17', '2026-05-17']);
    expect(expandText({ ...base, rrule: `${base.rrule};SKIP=FORWARD` })).toEqual(['2026-03-19', '2026-04-18', '2026-05-17']);
  });

  it('finds the first Friday of Ramadan', () => {
    // Ramadan 1447 begins 2026-02-18 (a Wednesday); Ramadan 1448 begins 2027-02-08 (a Monday).
    expect(expandText({ dtstart: '2026-02-20', rrule: 'RSCALE=ISLAMIC-CIVIL;FREQ=YEARLY;BYMONTH=9;BYDAY=1FR;COUNT=2' }))
      .toEqual(['2026-02-20', '2027-02-12']);
  });

  it('lets Gregorian rules skip backward to the last day of short months', () => {
    expect(expandText({ dtstart: '2025-01-31', rrule: 'RSCALE=GREGORIAN;FREQ=MONTHLY;SKIP=BACKWARD;COUNT=3' }))
      .toEqual(['2025-01-31', '2025-02-28', '2025-03-31']);
  });
});
