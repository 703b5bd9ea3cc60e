import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.js';

let t: TestApp;
let staff: Session;
beforeAll(async () => {
  t = await createTestApp();
  staff = await t.userSession('staff');
});
afterAll(async () => t?.close());

const preview = (payload: object) => t.as(staff, { method: 'POST', url: '/api/v1/recurrence/preview', payload });

describe('recurrence preview', () => {
  it('turns the structured form into RRULE, dates and words', async () => {
    const response = await preview({
      form: { recurrenceType: 'weekly', interval: 2, byWeekday: [1, 3], count: 10 },
      start: '2026-03-02T10:00:00+08:00', count: 4,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=10',
      description: 'Every 2 weeks on Monday and Wednesday, 10 times',
      occurrences: ['2026-03-02T10:00:00+08:00', '2026-03-04T10:00:00+08:00', '2026-03-16T10:00:00+08:00', '2026-03-18T10:00:00+08:00'],
      truncated: true,
    });
  });

  it('reads an RRULE back into the form, with exceptions applied', async () => {
    const response = await preview({ rrule: 'FREQ=MONTHLY;BYDAY=-1FR;COUNT=3', start: '2026-01-30T14:00:00', timeZone: 'Asia/Manila', exdate: ['2026-02-27T14:00:00'] });
    expect(response.json()).toMatchObject({
      occurrences: ['2026-01-30T14:00:00+08:00', '2026-03-27T14:00:00+08:00'],
      form: { recurrenceType: 'monthly', bySetpos: { position: -1, weekday: 5 }, count: 3 },
      truncated: false,
    });
  });

  it('previews a Hijri observance: every 1 Shawwal as Gregorian dates', async () => {
    const response = await preview({ rrule: 'RSCALE=ISLAMIC-CIVIL;FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=1', start: '2026-03-20', count: 2 });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().occurrences).toEqual(['2026-03-20', '2027-03-10']);
  });

  it('names the bad part of a rule (422) and refuses a window over five years (422)', async () => {
    const bad = await preview({ rrule: 'FREQ=MONTHLY;BYSETPOS=0;BYDAY=MO', start: '2026-03-02T10:00:00+08:00' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0]).toMatchObject({ field: 'rrule', message: expect.stringContaining('BYSETPOS=0') });
    const long = await preview({ rrule: 'FREQ=DAILY', start: '2026-03-02T10:00:00+08:00', from: '2026-01-01', until: '2040-01-01' });
    expect(long.statusCode).toBe(422);
    const both = await preview({ rrule: 'FREQ=DAILY', form: { recurrenceType: 'daily' }, start: '2026-03-02T10:00:00+08:00' });
    expect(both.statusCode).toBe(400);
  });

  it('expands an unbounded rule only inside the asked window', async () => {
    const response = await preview({ rrule: 'FREQ=DAILY', start: '2020-01-01T09:00:00+08:00', from: '2026-05-01', until: '2026-05-04', count: 500 });
    expect(response.json().occurrences).toEqual(['2026-05-01T09:00:00+08:00', '2026-05-02T09:00:00+08:00', '2026-05-03T09:00:00+08:00']);
  });
});
