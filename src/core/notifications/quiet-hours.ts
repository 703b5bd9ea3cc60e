import { Temporal } from 'temporal-polyfill';
import type { QuietHours } from './preferences.js';

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isHhMm(text: string): boolean {
  return HH_MM.test(text);
}

function minutesOf(text: string): number {
  const match = HH_MM.exec(text);
  if (!match) throw new Error(`not a HH:MM time: ${text}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/**
 * The time a delivery due at `at` may go out: `at` itself outside quiet hours, else the end of the
 * quiet period in the user's zone. A period whose start is after its end crosses midnight
 * (22:00–07:00); equal start and end means no quiet hours. An end that falls into a DST gap
 * resolves forward (Temporal's 'compatible').
 */
export function deferForQuietHours(at: Date, quiet: QuietHours | null, timeZone: string): Date {
  if (!quiet) return at;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return at;
  const local = Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(timeZone);
  const now = local.hour * 60 + local.minute;
  const crossesMidnight = start > end;
  const inside = crossesMidnight ? now >= start || now < end : now >= start && now < end;
  if (!inside) return at;
  // After midnight in a crossing period, the end is today; before midnight, tomorrow.
  const endDate = crossesMidnight && now >= start ? local.toPlainDate().add({ days: 1 }) : local.toPlainDate();
  const endAt = endDate.toZonedDateTime({ timeZone, plainTime: Temporal.PlainTime.from(quiet.end) });
  return new Date(endAt.epochMilliseconds);
}
