import { describe, expect, it } from 'vitest';
import { calendar, check, event, occurrencesOf } from './test-helpers.js';

const series = (...extra: string[]) =>
  event('UID:s1', 'SUMMARY:Staff meeting', 'DTSTART;TZID=Asia/Manila:20260302T090000', 'DTEND;TZID=Asia/Manila:20260302T100000', 'RRULE:FREQ=WEEKLY;COUNT=3', ...extra);

describe('ics check: what an import creates', () => {
  it('keeps a VALARM\'s UID, SUMMARY and DESCRIPTION out of the event', async () => {
    const r = await check(calendar(...event('UID:e1', 'SUMMARY:Dentist', 'DESCRIPTION:Bring records', 'DTSTART:20260314T020000Z',
      'BEGIN:VALARM', 'UID:alarm-1', 'SUMMARY:Dentist tomorrow', 'DESCRIPTION:Reminder', 'TRIGGER:-P1D', 'ACTION:DISPLAY', 'END:VALARM')));
    expect(r).toMatchObject({ valid: true, events: 1, props: { e1: { description: 'Bring records' } } });
    if (r.valid) expect(r.occurrences.map((o) => [o.uid, o.summary])).toEqual([['e1', 'Dentist']]);
  });

  it('adds DURATION days on the wall clock and hours as elapsed time across a DST change', async () => {
    const text = calendar(
      ...event('UID:d1', 'SUMMARY:Day', 'DTSTART;TZID=America/New_York:20260307T120000', 'DURATION:P1D'),
      ...event('UID:d2', 'SUMMARY:Hours', 'DTSTART;TZID=America/New_York:20260307T120000', 'DURATION:PT24H'),
    );
    expect(await occurrencesOf(text)).toEqual([
      '2026-03-07T12:00:00-05:00 2026-03-08T12:00:00-04:00 Day',
      '2026-03-07T12:00:00-05:00 2026-03-08T13:00:00-04:00 Hours',
    ]);
  });

  it('applies an override that comes before its master, and a cancelled one removes its occurrence', async () => {
    const text = calendar(
      ...event('UID:s1', 'RECURRENCE-ID;TZID=Asia/Manila:20260309T090000', 'SUMMARY:Moved', 'DTSTART;TZID=Asia/Manila:20260310T140000', 'DTEND;TZID=Asia/Manila:20260310T150000'),
      ...series(),
      ...event('UID:s1', 'RECURRENCE-ID:20260316T010000Z', 'STATUS:CANCELLED', 'DTSTART;TZID=Asia/Manila:20260316T090000'),
    );
    const r = await check(text);
    expect(r).toMatchObject({ valid: true, events: 1 });
    expect(await occurrencesOf(text)).toEqual([
      '2026-03-02T09:00:00+08:00 2026-03-02T10:00:00+08:00 Staff meeting',
      '2026-03-10T14:00:00+08:00 2026-03-10T15:00:00+08:00 Moved',
    ]);
  });

  it('lists an override moved into the window and drops one moved out of it', async () => {
    const text = calendar(...series(),
      ...event('UID:s1', 'RECURRENCE-ID;TZID=Asia/Manila:20260302T090000', 'SUMMARY:Later', 'DTSTART;TZID=Asia/Manila:20260320T090000', 'DTEND;TZID=Asia/Manila:20260320T100000'),
      ...event('UID:s1', 'RECURRENCE-ID;TZID=Asia/Manila:20260316T090000', 'SUMMARY:Out', 'DTSTART;TZID=Asia/Manila:20260420T090000', 'DTEND;TZID=Asia/Manila:20260420T100000'));
    expect(await occurrencesOf(text, '2026-03-05T00:00:00Z', '2026-04-01T00:00:00Z')).toEqual([
      '2026-03-09T09:00:00+08:00 2026-03-09T10:00:00+08:00 Staff meeting',
      '2026-03-20T09:00:00+08:00 2026-03-20T10:00:00+08:00 Later',
    ]);
  });

  it('gives an override without DTEND or SUMMARY its master\'s duration and title, whichever comes first in the file', async () => {
    const override = event('UID:s1', 'RECURRENCE-ID;TZID=Asia/Manila:20260309T090000', 'DTSTART;TZID=Asia/Manila:20260309T110000');
    for (const text of [calendar(...override, ...series()), calendar(...series(), ...override)]) {
      expect(await occurrencesOf(text, '2026-03-08T00:00:00Z', '2026-03-10T00:00:00Z')).toEqual(['2026-03-09T11:00:00+08:00 2026-03-09T12:00:00+08:00 Staff meeting']);
    }
  });

  it('treats a RECURRENCE-ID event without its master as one occurrence', async () => {
    const text = calendar(...event('UID:inv', 'RECURRENCE-ID;TZID=Asia/Manila:20260309T090000', 'SUMMARY:Invited once', 'DTSTART;TZID=Asia/Manila:20260309T090000', 'DTEND;TZID=Asia/Manila:20260309T093000'));
    expect(await occurrencesOf(text)).toEqual(['2026-03-09T09:00:00+08:00 2026-03-09T09:30:00+08:00 Invited once']);
  });

  it('reads a Windows TZID through CLDR and prints the end in the zone of DTEND', async () => {
    const text = calendar(...event('UID:w1', 'SUMMARY:Call', 'DTSTART;TZID=Eastern Standard Time:20260312T090000', 'DTEND;TZID=W. Europe Standard Time:20260312T150000'));
    expect(await occurrencesOf(text)).toEqual(['2026-03-12T09:00:00-04:00 2026-03-12T15:00:00+01:00 Call']);
  });

  it('removes a zoned occurrence with an EXDATE written in UTC, and ends an RDATE PERIOD occurrence where its period ends', async () => {
    const text = calendar(...event('UID:t1', 'SUMMARY:Field', 'DTSTART;TZID=Asia/Manila:20260406T090000', 'DTEND;TZID=Asia/Manila:20260406T120000',
      'RRULE:FREQ=WEEKLY;COUNT=2', 'EXDATE:20260413T010000Z', 'RDATE;VALUE=PERIOD:20260423T000000Z/PT1H,20260424T000000Z/20260424T050000Z'));
    expect(await occurrencesOf(text)).toEqual([
      '2026-04-06T09:00:00+08:00 2026-04-06T12:00:00+08:00 Field',
      '2026-04-23T08:00:00+08:00 2026-04-23T09:00:00+08:00 Field',
      '2026-04-24T08:00:00+08:00 2026-04-24T13:00:00+08:00 Field',
    ]);
  });

  it('keeps floating times on their wall clock and all-day dates as dates', async () => {
    const text = calendar(
      ...event('UID:f1', 'SUMMARY:Jog', 'DTSTART:20260310T053000', 'DTEND:20260310T063000'),
      ...event('UID:a1', 'SUMMARY:Holiday', 'DTSTART;VALUE=DATE:20260320'),
      ...event('UID:a2', 'SUMMARY:Retreat', 'DTSTART;VALUE=DATE:20260325', 'DTEND;VALUE=DATE:20260328'),
    );
    expect(await occurrencesOf(text)).toEqual([
      '2026-03-10T05:30:00 2026-03-10T06:30:00 Jog',
      '2026-03-20 2026-03-21 Holiday',
      '2026-03-25 2026-03-28 Retreat',
    ]);
  });

  it('counts each VEVENT without UID as its own event and a VTODO as no event', async () => {
    const r = await check(calendar(
      ...event('SUMMARY:Clean-up', 'DTSTART;TZID=Asia/Manila:20260314T060000'),
      ...event('SUMMARY:Clean-up', 'DTSTART;TZID=Asia/Manila:20260314T060000'),
      'BEGIN:VTODO', 'UID:todo-1', 'SUMMARY:Submit report', 'DUE;TZID=Asia/Manila:20260417T170000', 'END:VTODO'));
    expect(r).toMatchObject({ valid: true, events: 2, not_events: [{ component: 'VTODO', uid: 'todo-1', summary: 'Submit report' }] });
    if (r.valid) expect(r.occurrences.map((o) => o.uid)).toEqual([null, null]);
  });

  it('decodes texts and GEO for props', async () => {
    const r = await check(calendar(...event('UID:p1', 'DTSTART;VALUE=DATE:20260320', 'SUMMARY:Eid', 'GEO:7.2236;124.2464',
      'LOCATION:Plaza\\, Cotabato', 'DESCRIPTION:a\\\\nb\\nc\\; d')));
    expect(r).toMatchObject({ valid: true, props: { p1: { description: 'a\\nb\nc; d', location: 'Plaza, Cotabato', geo: [7.2236, 124.2464] } } });
  });
});
