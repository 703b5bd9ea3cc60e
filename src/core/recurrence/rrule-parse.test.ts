import { describe, expect, it } from 'vitest';
import { parseRrule, validateRrule } from './rrule-parse.js';
import { RecurrenceError } from './types.js';

function refusal(rule: string): { message: string; part: string | null } {
  const r = validateRrule(rule);
  if (r.ok) throw new Error(`${rule} was accepted`);
  return { message: r.error.message, part: r.error.part };
}

describe('parseRrule / validateRrule', () => {
  it('reads every RFC 5545 part', () => {
    const r = parseRrule('FREQ=YEARLY;INTERVAL=2;UNTIL=20301231T000000Z;BYMONTH=1,2;BYWEEKNO=-1;BYYEARDAY=1,-1;BYDAY=MO,FR;'
      + 'BYHOUR=9;BYMINUTE=0,30;BYSECOND=0;BYSETPOS=1,-1;WKST=SU');
    expect(r).toMatchObject({ freq: 'YEARLY', interval: 2, count: null, byMonth: [1, 2], byWeekNo: [-1], byYearDay: [1, -1],
      byHour: [9], byMinute: [0, 30], bySecond: [0], bySetPos: [1, -1], wkst: 6 });
    expect(r.until).toEqual({ kind: 'instant', epochMs: Date.UTC(2030, 11, 31) });
    expect(parseRrule('RRULE:freq=daily;count=3')).toMatchObject({ freq: 'DAILY', count: 3 });
  });

  it.each([
    ['FREQ=MONTHLY;BYDAY=1MO;BYSETPOS=0', 'BYSETPOS', 'BYSETPOS=0 is not allowed'],
    ['FREQ=WEEKLY;BYDAY=XX', 'BYDAY', 'BYDAY=XX: XX is not a weekday (MO..SU)'],
    ['FREQ=DAILY;COLOR=RED', 'COLOR', 'COLOR is not an RRULE part'],
    ['COUNT=3', 'FREQ', 'FREQ is required'],
    ['FREQ=DAILY;COUNT=3;UNTIL=20250101T000000Z', 'UNTIL', 'COUNT and UNTIL cannot be used together'],
    ['FREQ=FORTNIGHTLY', 'FREQ', 'FREQ=FORTNIGHTLY is not one of'],
    ['FREQ=DAILY;INTERVAL=0', 'INTERVAL', 'INTERVAL=0 is not allowed'],
    ['FREQ=MONTHLY;BYMONTHDAY=32', 'BYMONTHDAY', 'BYMONTHDAY=32 is out of range'],
    ['FREQ=MONTHLY;BYMONTHDAY=0', 'BYMONTHDAY', 'BYMONTHDAY=0 is not allowed'],
    ['FREQ=YEARLY;BYMONTH=13', 'BYMONTH', 'BYMONTH=13 is out of range'],
    ['FREQ=DAILY;BYHOUR=24', 'BYHOUR', 'BYHOUR=24 is out of range'],
    ['FREQ=MONTHLY;BYWEEKNO=1', 'BYWEEKNO', 'BYWEEKNO is only allowed with FREQ=YEARLY'],
    ['FREQ=WEEKLY;BYMONTHDAY=1', 'BYMONTHDAY', 'BYMONTHDAY is not allowed with FREQ=WEEKLY'],
    ['FREQ=DAILY;BYYEARDAY=1', 'BYYEARDAY', 'BYYEARDAY is not allowed with FREQ=DAILY'],
    ['FREQ=WEEKLY;BYDAY=1MO', 'BYDAY', 'numbered weekdays are only allowed with FREQ=MONTHLY or YEARLY'],
    ['FREQ=DAILY;COUNT=2;COUNT=3', 'COUNT', 'COUNT is given more than once'],
    ['FREQ=DAILY;UNTIL=tomorrow', 'UNTIL', 'UNTIL=TOMORROW is not a date'],
    ['FREQ=DAILY;WKST=XX', 'WKST', 'XX is not a weekday'],
    ['RSCALE=HEBREW;FREQ=YEARLY', 'RSCALE', 'RSCALE=HEBREW is not supported'],
    ['FREQ=MONTHLY;SKIP=BACKWARD', 'SKIP', 'SKIP is only allowed together with RSCALE'],
  ])('refuses %s naming %s', (rule, part, message) => {
    const r = refusal(rule);
    expect(r.part).toBe(part);
    expect(r.message).toContain(message);
  });

  it('throws RecurrenceError from parseRrule', () => {
    expect(() => parseRrule('FREQ=DAILY;BYSETPOS=0')).toThrow(RecurrenceError);
  });
});
