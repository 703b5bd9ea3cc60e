import { describe, expect, it } from 'vitest';
import { digestWindow, nextDigestSlot } from './digest-schedule.js';
import { deferForQuietHours } from './quiet-hours.js';
import { reminderTimes } from './reminder-times.js';
import { cutToOneSms, GSM_LIMIT, smsLength, UCS2_LIMIT } from './sms.js';

const iso = (d: Date) => d.toISOString();

describe('reminder times', () => {
  it('keeps 09:00 for "1 day before" a 09:00 meeting the day after the US DST change, and 1 hour is 60 minutes', () => {
    // 2026-03-08: New York springs forward; the meeting is 2026-03-09 09:00 EDT (13:00Z).
    const meeting = new Date('2026-03-09T13:00:00Z');
    const times = reminderTimes(meeting, [60, 1440], 'America/New_York');
    expect(times.map((t) => [t.minutesBefore, iso(t.at)])).toEqual([
      [1440, '2026-03-08T13:00:00.000Z'], // 09:00 EDT on the 8th: 24 h before, the DST day itself
      [60, '2026-03-09T12:00:00.000Z'],
    ]);
    // The day after the autumn change: 1 day before is 25 hours earlier (09:00 EDT → 09:00 EST... reversed).
    const november = new Date('2026-11-02T14:00:00Z'); // 09:00 EST on Monday 2 November
    expect(iso(reminderTimes(november, [1440], 'America/New_York')[0]!.at)).toBe('2026-11-01T14:00:00.000Z'); // 09:00 EST on the 1st
    const march = new Date('2026-03-10T13:00:00Z'); // 09:00 EDT on the 10th; the 8th→9th is normal
    expect(iso(reminderTimes(march, [2880], 'America/New_York')[0]!.at)).toBe('2026-03-08T13:00:00.000Z');
    const beforeChange = new Date('2026-03-08T13:00:00Z'); // 09:00 EDT on the change day; the day before was EST
    expect(iso(reminderTimes(beforeChange, [1440], 'America/New_York')[0]!.at)).toBe('2026-03-07T14:00:00.000Z'); // 09:00 EST, 23 h earlier
  });

  it('drops duplicates and negative offsets, latest reminder last', () => {
    const at = new Date('2026-06-01T01:00:00Z');
    expect(reminderTimes(at, [60, 60, -5, 15], 'Asia/Manila').map((t) => t.minutesBefore)).toEqual([60, 15]);
  });
});

describe('quiet hours', () => {
  const quiet = { start: '22:00', end: '07:00' };
  it('defers a delivery inside quiet hours to their end in the user zone, across midnight', () => {
    // 23:30 Manila (15:30Z) → 07:00 next day Manila (23:00Z).
    expect(iso(deferForQuietHours(new Date('2026-05-10T15:30:00Z'), quiet, 'Asia/Manila'))).toBe('2026-05-10T23:00:00.000Z');
    // 02:00 Manila → 07:00 the same day.
    expect(iso(deferForQuietHours(new Date('2026-05-10T18:00:00Z'), quiet, 'Asia/Manila'))).toBe('2026-05-10T23:00:00.000Z');
    // 07:00 exactly and 21:59 are outside.
    expect(iso(deferForQuietHours(new Date('2026-05-10T23:00:00Z'), quiet, 'Asia/Manila'))).toBe('2026-05-10T23:00:00.000Z');
    expect(iso(deferForQuietHours(new Date('2026-05-10T13:59:00Z'), quiet, 'Asia/Manila'))).toBe('2026-05-10T13:59:00.000Z');
  });

  it('handles a same-day period, no period, and a quiet night over a DST change', () => {
    const lunch = { start: '12:00', end: '13:00' };
    expect(iso(deferForQuietHours(new Date('2026-05-10T04:30:00Z'), lunch, 'Asia/Manila'))).toBe('2026-05-10T05:00:00.000Z');
    expect(iso(deferForQuietHours(new Date('2026-05-10T04:30:00Z'), null, 'Asia/Manila'))).toBe('2026-05-10T04:30:00.000Z');
    // New York, night of 7→8 March 2026 (springs forward at 02:00): 23:00 EST → 07:00 EDT = 11:00Z.
    expect(iso(deferForQuietHours(new Date('2026-03-08T04:00:00Z'), quiet, 'America/New_York'))).toBe('2026-03-08T11:00:00.000Z');
  });

  it('agrees with a minute-by-minute oracle on random times and periods', () => {
    const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    const format = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Manila', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const localMinutes = (d: Date) => {
      const parts = format.format(d);
      const [h, m] = parts.split(':').map(Number);
      return h! * 60 + m!;
    };
    for (let i = 0; i < 200; i++) {
      const start = Math.floor(Math.random() * 96) * 15;
      const end = Math.floor(Math.random() * 96) * 15;
      const at = new Date(Date.UTC(2026, 4, 10) + Math.floor(Math.random() * 1440) * 60_000);
      const inside = (d: Date) => {
        const m = localMinutes(d);
        return start === end ? false : start < end ? m >= start && m < end : m >= start || m < end;
      };
      // Oracle: walk forward a minute at a time until outside the period.
      let oracle = at;
      while (inside(oracle)) oracle = new Date(oracle.getTime() + 60_000);
      expect(iso(deferForQuietHours(at, { start: hhmm(start), end: hhmm(end) }, 'Asia/Manila'))).toBe(iso(oracle));
    }
  });
});

describe('digest schedule', () => {
  it('is 07:00 local every day (daily) or on Mondays (weekly), across a DST change', () => {
    expect(nextDigestSlot(new Date('2026-05-10T00:00:00Z'), 'daily', 'Asia/Manila')).toEqual({ at: new Date('2026-05-10T23:00:00Z'), localDate: '2026-05-11' });
    expect(nextDigestSlot(new Date('2026-05-09T23:00:00Z'), 'daily', 'Asia/Manila').localDate).toBe('2026-05-10');
    // Wednesday 2026-05-13 → Monday 2026-05-18.
    expect(nextDigestSlot(new Date('2026-05-13T02:00:00Z'), 'weekly', 'Asia/Manila').localDate).toBe('2026-05-18');
    // New York 2026-03-08 (DST starts): 07:00 EDT = 11:00Z; the day before 07:00 EST = 12:00Z.
    expect(iso(nextDigestSlot(new Date('2026-03-07T13:00:00Z'), 'daily', 'America/New_York').at)).toBe('2026-03-08T11:00:00.000Z');
    expect(iso(nextDigestSlot(new Date('2026-03-07T00:00:00Z'), 'daily', 'America/New_York').at)).toBe('2026-03-07T12:00:00.000Z');
  });

  it('covers one local day or seven', () => {
    const slot = { at: new Date('2026-03-08T11:00:00Z'), localDate: '2026-03-08' };
    const day = digestWindow(slot, 'daily', 'America/New_York');
    expect((day.end.getTime() - day.start.getTime()) / 3_600_000).toBe(23);
    const week = digestWindow({ at: new Date('2026-05-17T23:00:00Z'), localDate: '2026-05-18' }, 'weekly', 'Asia/Manila');
    expect([iso(week.start), iso(week.end)]).toEqual(['2026-05-17T16:00:00.000Z', '2026-05-24T16:00:00.000Z']);
  });
});

describe('SMS cutting', () => {
  it('leaves a short message alone and cuts a long one to 160 GSM characters at a word', () => {
    expect(cutToOneSms('Reminder: Coordination meeting at 09:00')).toBe('Reminder: Coordination meeting at 09:00');
    const long = 'Reminder: ' + 'barangay consultation '.repeat(20);
    const cut = cutToOneSms(long);
    expect(smsLength(cut).units).toBeLessThanOrEqual(GSM_LIMIT);
    expect(cut).toMatch(/ (barangay|consultation)\.\.\.$/);
  });

  it('counts GSM extension characters twice and falls back to 70 UCS-2 units, never splitting a surrogate pair', () => {
    expect(smsLength('{}').units).toBe(4);
    const emoji = 'Pulong 📅 '.repeat(20);
    const cut = cutToOneSms(emoji);
    expect(smsLength(cut)).toMatchObject({ encoding: 'ucs2' });
    expect(cut.length).toBeLessThanOrEqual(UCS2_LIMIT);
    expect(/[\uD800-\uDBFF]$/.test(cut.replace(/\.\.\.$/, ''))).toBe(false);
  });

  it('always fits one SMS (random texts)', () => {
    const alphabet = 'abc XYZ{}€ñé📅漢 ';
    for (let i = 0; i < 500; i++) {
      const text = Array.from({ length: Math.floor(Math.random() * 300) }, () => [...alphabet][Math.floor(Math.random() * [...alphabet].length)]).join('');
      const cut = cutToOneSms(text);
      const { units, limit } = smsLength(cut);
      expect(units).toBeLessThanOrEqual(limit);
    }
  });
});
