import type { ContentLine } from './content-line.js';
import { IcsError } from './errors.js';

/** The yearly rule of a VTIMEZONE observance, in the shapes producers actually write. */
export interface YearlyTransitionRule {
  readonly months: readonly number[];
  /** BYDAY entries: ordinal (0 = every such weekday) and weekday 0=MO … 6=SU. */
  readonly byDay: readonly { readonly n: number; readonly weekday: number }[];
  readonly byMonthDay: readonly number[];
  /** UNTIL as a UTC instant (a floating UNTIL is read in the observance's TZOFFSETFROM). */
  readonly until: { readonly utc: boolean; readonly wallOrEpochMs: number } | null;
  readonly count: number | null;
}

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const SUPPORTED = new Set(['FREQ', 'BYMONTH', 'BYDAY', 'BYMONTHDAY', 'UNTIL', 'COUNT', 'INTERVAL', 'WKST']);

/**
 * Reads an observance RRULE directly instead of running the recurrence engine over four centuries
 * (Outlook starts its VTIMEZONEs in 1601): a yearly rule picks a month and a weekday or a day of the
 * month, and that is all the transition rules of real zones need. Returns null for a rule outside
 * that shape, which the caller then expands with the general engine.
 */
export function parseYearlyTransitionRule(cl: ContentLine, localToMs: (raw: string) => number): YearlyTransitionRule | null {
  const parts = new Map<string, string>();
  for (const piece of cl.value.trim().split(';')) {
    if (!piece) continue;
    const eq = piece.indexOf('=');
    if (eq < 0) throw new IcsError(cl.line, `RRULE part ${piece}: not NAME=VALUE`);
    parts.set(piece.slice(0, eq).toUpperCase(), piece.slice(eq + 1).toUpperCase());
  }
  if (parts.get('FREQ') !== 'YEARLY') return null;
  if ((parts.get('INTERVAL') ?? '1') !== '1') return null;
  for (const key of parts.keys()) if (!SUPPORTED.has(key)) return null;
  const list = (key: string) => (parts.get(key) ?? '').split(',').filter((v) => v !== '');
  const months = list('BYMONTH').map(Number);
  if (months.some((m) => !Number.isInteger(m) || m < 1 || m > 12)) throw new IcsError(cl.line, `RRULE part BYMONTH=${parts.get('BYMONTH')}: months are 1..12`);
  const byDay = list('BYDAY').map((d) => {
    const m = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(d);
    const n = m?.[1] ? Number(m[1]) : 0;
    if (!m || Math.abs(n) > 5) throw new IcsError(cl.line, `RRULE part BYDAY=${d}: not a weekday (MO..SU) with an optional ordinal`);
    return { n, weekday: WEEKDAYS.indexOf(m[2]!) };
  });
  const byMonthDay = list('BYMONTHDAY').map(Number);
  if (byMonthDay.some((d) => !Number.isInteger(d) || d === 0 || Math.abs(d) > 31)) {
    throw new IcsError(cl.line, `RRULE part BYMONTHDAY=${parts.get('BYMONTHDAY')}: days are 1..31 or -31..-1`);
  }
  let until: YearlyTransitionRule['until'] = null;
  const rawUntil = parts.get('UNTIL');
  if (rawUntil) {
    const utc = rawUntil.endsWith('Z');
    until = { utc, wallOrEpochMs: localToMs(utc ? rawUntil.slice(0, -1) : rawUntil) };
  }
  const count = parts.has('COUNT') ? Number(parts.get('COUNT')) : null;
  if (count !== null && !(Number.isInteger(count) && count > 0)) throw new IcsError(cl.line, `RRULE part COUNT=${parts.get('COUNT')}: not a positive integer`);
  return { months, byDay, byMonthDay, until, count };
}
