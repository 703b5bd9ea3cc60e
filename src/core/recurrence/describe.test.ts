import { describe, expect, it } from 'vitest';
import { ianaZone } from '../time/iana-zone.js';
import { describeRrule } from './describe.js';

describe('describeRrule', () => {
  it.each([
    ['FREQ=DAILY', 'Daily'],
    ['FREQ=DAILY;INTERVAL=3', 'Every 3 days'],
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=10', 'Every 2 weeks on Monday and Wednesday, 10 times'],
    ['FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20261231T155959Z', 'Monthly on the last Friday, until 31 Dec 2026'],
    ['FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', 'Every weekday'],
    ['FREQ=MONTHLY;BYMONTHDAY=-1', 'Monthly on the last day'],
    ['FREQ=YEARLY;BYMONTH=11;BYDAY=4TH', 'Yearly on the fourth Thursday of November'],
    ['FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=25;COUNT=1', 'Yearly on 25 December, once'],
    ['FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1', 'Monthly on the last weekday'],
    ['RSCALE=ISLAMIC-CIVIL;FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=1', 'Yearly on 1 Shawwal (Islamic calendar)'],
    ['FREQ=DAILY;BYHOUR=9,17', 'Daily at 09:00 and 17:00'],
  ])('%s → %s', (rule, text) => {
    expect(describeRrule(rule, ianaZone('Asia/Manila'))).toBe(text);
  });

  it('shows a UTC end as the local date of the series zone', () => {
    expect(describeRrule('FREQ=DAILY;UNTIL=20261231T200000Z', ianaZone('Asia/Manila'))).toBe('Daily, until 1 Jan 2027');
  });
});
