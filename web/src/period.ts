/**
 * The period a calendar view shows, in words of the user's language: "Tuesday, 8 December 2026",
 * "8 – 14 December 2026", "December 2026", "2026" (Intl's own range rules per locale).
 */
import type { IntlShape } from 'react-intl';

/** Plain dates (YYYY-MM-DD) are formatted at noon UTC in UTC, so no zone moves them a day. */
const at = (date: string) => new Date(`${date}T12:00:00Z`);

function lastDay(endExclusive: string): Date {
  const d = at(endExclusive);
  d.setUTCDate(d.getUTCDate() - 1);
  return d;
}

/** `start` and `end` are the view's first day and the day after its last. */
export function formatPeriod(intl: IntlShape, view: string, start: string, end: string): string {
  const utc = { timeZone: 'UTC' } as const;
  switch (view) {
    case 'timeGridDay':
      return intl.formatDate(at(start), { ...utc, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
    case 'dayGridMonth':
      return intl.formatDate(at(start), { ...utc, month: 'long', year: 'numeric' });
    case 'multiMonthYear':
      return intl.formatDate(at(start), { ...utc, year: 'numeric' });
    default:
      return intl.formatDateTimeRange(at(start), lastDay(end), { ...utc, day: 'numeric', month: 'long', year: 'numeric' });
  }
}

/** The view's unit for "Previous week" / "Next month" buttons. */
export function periodUnit(view: string): 'day' | 'week' | 'month' | 'year' {
  if (view === 'timeGridDay') return 'day';
  if (view === 'dayGridMonth') return 'month';
  if (view === 'multiMonthYear') return 'year';
  return 'week';
}
