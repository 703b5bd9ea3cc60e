import { ianaZone } from '../time/iana-zone.js';
import { formatInstantInZone, formatLocalDate, parseInstant, parseLocalDate, parseLocalDateTime } from '../time/local.js';
import { expandRecurrence } from './expand.js';
import type { RecurrenceValue } from './types.js';

/** Test shorthand: expand a series given as strings, get the API strings back. */
export function expandText(o: {
  dtstart: string; tzid?: string | null; rrule?: string | null; rdate?: string[]; exdate?: string[];
  between?: [string, string]; max?: number;
}): string[] {
  const allDay = o.dtstart.length === 10;
  const zone = allDay ? null : ianaZone(o.tzid ?? 'UTC');
  const value = (t: string): RecurrenceValue => {
    if (allDay) return { kind: 'date', value: parseLocalDate(t) };
    const i = parseInstant(t);
    return i !== null ? { kind: 'instant', epochMs: i } : { kind: 'local', value: parseLocalDateTime(t) };
  };
  const occ = expandRecurrence(
    {
      start: allDay ? parseLocalDate(o.dtstart) : parseLocalDateTime(o.dtstart), allDay, zone, rrule: o.rrule ?? null,
      rdate: (o.rdate ?? []).map(value), exdate: (o.exdate ?? []).map(value),
    },
    { between: o.between ? [parseInstant(o.between[0])!, parseInstant(o.between[1])!] : null, max: o.max, floatingZone: ianaZone('UTC') },
  );
  return occ.map((x) => (allDay ? formatLocalDate(x.local) : formatInstantInZone(x.epochMs, zone!)));
}
