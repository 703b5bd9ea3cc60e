import { Temporal } from 'temporal-polyfill';

const MINUTES_PER_DAY = 1440;

export interface ReminderTime {
  minutesBefore: number;
  at: Date;
}

/**
 * When each reminder of an occurrence is due. Whole days before keep the wall-clock time in the
 * zone ("1 day before" a 09:00 meeting is 09:00 the day before, even across a DST change, when
 * that is 23 or 25 hours); the rest is exact elapsed time (1 hour before is always 60 minutes).
 */
export function reminderTimes(occurrenceStart: Date, minutesBefore: readonly number[], timeZone: string): ReminderTime[] {
  const start = Temporal.Instant.fromEpochMilliseconds(occurrenceStart.getTime()).toZonedDateTimeISO(timeZone);
  const unique = [...new Set(minutesBefore.filter((m) => Number.isInteger(m) && m >= 0))].sort((a, b) => b - a);
  return unique.map((minutes) => {
    const days = Math.floor(minutes / MINUTES_PER_DAY);
    const rest = minutes - days * MINUTES_PER_DAY;
    const at = start.subtract({ days }).subtract({ minutes: rest });
    return { minutesBefore: minutes, at: new Date(at.epochMilliseconds) };
  });
}
