import { describe, expect, it } from 'vitest';
import { ianaZone } from '../time/iana-zone.js';
import { formatInstantInZone, parseLocalDateTime } from '../time/local.js';
import { expandRecurrence } from './expand.js';
import { recurrenceFormToRrule, rruleToRecurrenceForm, RecurrenceFormSchema, type RecurrenceFormInput, type SeriesContext } from './form.js';

const zone = ianaZone('America/New_York');
const ctx: SeriesContext = { start: parseLocalDateTime('2025-03-03T09:00:00'), allDay: false, zone }; // a Monday

const occurrences = (rrule: string, exdate: ReturnType<typeof recurrenceFormToRrule>['exdate'] = []) =>
  expandRecurrence({ ...ctx, rrule, exdate }, { max: 500 }).map((o) => formatInstantInZone(o.epochMs, zone));

describe('recurrence form ↔ RRULE', () => {
  it.each<[RecurrenceFormInput, string]>([
    [{ recurrenceType: 'daily' }, 'FREQ=DAILY'],
    [{ recurrenceType: 'weekly', interval: 2, byWeekday: [3, 1], count: 10 }, 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=10'],
    [{ recurrenceType: 'monthly', bySetpos: { position: -1, weekday: 5 }, untilDate: '2026-12-31' }, 'FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20270101T045959Z'],
    [{ recurrenceType: 'monthly', byMonthday: -1 }, 'FREQ=MONTHLY;BYMONTHDAY=-1'],
    [{ recurrenceType: 'yearly', byMonth: 11, bySetpos: { position: 4, weekday: 4 } }, 'FREQ=YEARLY;BYMONTH=11;BYDAY=4TH'],
    [{ recurrenceType: 'yearly' }, 'FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=3'],
  ])('writes %j as %s and reads it back', (form, rrule) => {
    const out = recurrenceFormToRrule(form, ctx);
    expect(out.rrule).toBe(rrule);
    const back = rruleToRecurrenceForm(out.rrule, ctx)!;
    expect(recurrenceFormToRrule(back, ctx).rrule).toBe(rrule);
    // What the form read back says is what was filled in (defaults made explicit, days sorted).
    const parsed = RecurrenceFormSchema.parse(form);
    expect(back).toMatchObject({ recurrenceType: parsed.recurrenceType, interval: parsed.interval, count: parsed.count,
      untilDate: parsed.untilDate, bySetpos: parsed.bySetpos, byWeekday: [...parsed.byWeekday].sort() });
  });

  it('keeps the recurrence set through a round trip of rules written elsewhere', () => {
    for (const rrule of ['FREQ=WEEKLY;BYDAY=MO;UNTIL=20250331T130000Z', 'FREQ=WEEKLY;BYDAY=MO;UNTIL=20250331T125959Z',
      'FREQ=MONTHLY;BYDAY=MO;BYSETPOS=1;COUNT=5', 'FREQ=MONTHLY', 'FREQ=DAILY;INTERVAL=3;BYDAY=MO,TU;COUNT=7']) {
      const form = rruleToRecurrenceForm(rrule, ctx);
      expect(form, rrule).not.toBeNull();
      expect(occurrences(recurrenceFormToRrule(form!, ctx).rrule), rrule).toEqual(occurrences(rrule));
    }
  });

  it('turns exception dates into EXDATEs at the series time and back', () => {
    const out = recurrenceFormToRrule({ recurrenceType: 'weekly', byWeekday: [1], count: 3, exceptionDates: ['2025-03-10'] }, ctx);
    expect(occurrences(out.rrule, out.exdate)).toEqual(['2025-03-03T09:00:00-05:00', '2025-03-17T09:00:00-04:00']);
    expect(rruleToRecurrenceForm(out.rrule, ctx, out.exdate)?.exceptionDates).toEqual(['2025-03-10']);
  });

  it.each(['FREQ=HOURLY', 'FREQ=MONTHLY;BYMONTHDAY=1,15', 'FREQ=YEARLY;BYWEEKNO=1', 'FREQ=MONTHLY;BYDAY=MO,FR',
    'FREQ=YEARLY;BYMONTH=1,7', 'FREQ=YEARLY;BYDAY=-1FR', 'RSCALE=ISLAMIC-CIVIL;FREQ=YEARLY', 'FREQ=DAILY;BYHOUR=9,17', 'not a rule'])(
    'calls %s custom (null)', (rrule) => {
      expect(rruleToRecurrenceForm(rrule, ctx)).toBeNull();
    });

  it('refuses a form with both an end count and an end date', () => {
    expect(RecurrenceFormSchema.safeParse({ recurrenceType: 'daily', count: 3, untilDate: '2025-12-31' }).success).toBe(false);
  });
});
