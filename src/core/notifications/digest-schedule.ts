import { Temporal } from 'temporal-polyfill';

export type DigestKind = 'daily' | 'weekly';
export const DIGEST_HOUR = 7;
/** ISO weekday of the weekly digest (Monday). */
export const WEEKLY_DIGEST_WEEKDAY = 1;

export interface DigestSlot {
  at: Date;
  /** The local date the digest is for: part of its dedupe key, so each day or week has one digest. */
  localDate: string;
}

/**
 * The first digest slot at or after `from`: 07:00 in the user's zone, every day (daily) or every
 * Monday (weekly). 07:00 exists on every DST change day of the zones we know; if a zone skipped it,
 * Temporal's 'compatible' would move it forward.
 */
export function nextDigestSlot(from: Date, kind: DigestKind, timeZone: string): DigestSlot {
  const local = Temporal.Instant.fromEpochMilliseconds(from.getTime()).toZonedDateTimeISO(timeZone);
  let date = local.toPlainDate();
  for (let i = 0; i < 15; i++) {
    const at = date.toZonedDateTime({ timeZone, plainTime: new Temporal.PlainTime(DIGEST_HOUR) });
    const rightDay = kind === 'daily' || date.dayOfWeek === WEEKLY_DIGEST_WEEKDAY;
    if (rightDay && at.epochMilliseconds >= from.getTime()) return { at: new Date(at.epochMilliseconds), localDate: date.toString() };
    date = date.add({ days: 1 });
  }
  throw new Error('unreachable: a digest slot exists within two weeks');
}

/** The window a digest covers: from its slot to 1 day (daily) or 7 days (weekly) later, in local days. */
export function digestWindow(slot: DigestSlot, kind: DigestKind, timeZone: string): { start: Date; end: Date } {
  const start = Temporal.PlainDate.from(slot.localDate).toZonedDateTime({ timeZone });
  const end = start.add({ days: kind === 'daily' ? 1 : 7 });
  return { start: new Date(start.epochMilliseconds), end: new Date(end.epochMilliseconds) };
}
