/**
 * `kalendaryo expand`: reads recurrence cases as JSON Lines on stdin (the format of
 * shared/conformance/README.md) and prints, per case and in order, the JSON array of occurrence
 * starts — local time in the series' zone with its offset, or dates for all-day series — or
 * {"error": "..."} for a rule the engine refuses. Imports only the pure engine, so it starts fast.
 */
import { createInterface } from 'node:readline';
import { expandRecurrence, RecurrenceError, type RecurrenceValue } from '../../core/recurrence/index.js';
import {
  daysFromCivil, formatInstantInZone, formatLocalDate, ianaZone, MS_PER_DAY, parseInstant, parseLocalDate, parseLocalDateTime,
  UTC_ZONE,
} from '../../core/time/index.js';

interface Case {
  dtstart: string;
  tzid: string | null;
  rrule: string | null;
  exdate?: string[] | null;
  rdate?: string[] | null;
  between?: [string, string] | null;
  max?: number | null;
}

function value(text: string, allDay: boolean): RecurrenceValue {
  if (allDay) return { kind: 'date', value: parseLocalDate(text.slice(0, 10)) };
  const instant = parseInstant(text);
  if (instant !== null) return { kind: 'instant', epochMs: instant };
  if (/^\d{4}-?\d{2}-?\d{2}$/.test(text)) return { kind: 'date', value: parseLocalDate(text) };
  return { kind: 'local', value: parseLocalDateTime(text) };
}

function bound(text: string, allDay: boolean): number {
  if (allDay) {
    const d = parseLocalDate(text.slice(0, 10));
    return daysFromCivil(d.year, d.month, d.day) * MS_PER_DAY;
  }
  const instant = parseInstant(text);
  if (instant === null) throw new RangeError(`between bound "${text}" needs a UTC offset or Z`);
  return instant;
}

export function expandCase(c: Case): string[] {
  const allDay = c.tzid == null && /^\d{4}-\d{2}-\d{2}$/.test(c.dtstart);
  const zone = allDay ? null : c.tzid ? ianaZone(c.tzid) : UTC_ZONE;
  const occurrences = expandRecurrence(
    {
      start: allDay ? parseLocalDate(c.dtstart) : parseLocalDateTime(c.dtstart),
      allDay,
      zone,
      rrule: c.rrule,
      rdate: (c.rdate ?? []).map((v) => value(v, allDay)),
      exdate: (c.exdate ?? []).map((v) => value(v, allDay)),
    },
    {
      between: c.between ? [bound(c.between[0], allDay), bound(c.between[1], allDay)] : null,
      max: c.max ?? undefined,
      // All-day values are dates on every clock; UTC keeps them and their window bounds aligned.
      floatingZone: UTC_ZONE,
    },
  );
  return occurrences.map((o) =>
    allDay ? formatLocalDate(o.local) : formatInstantInZone(o.epochMs, zone ?? UTC_ZONE),
  );
}

export async function run(_args: string[]): Promise<number> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  const out: string[] = [];
  for await (const line of lines) {
    if (!line.trim()) continue;
    let result: string;
    try {
      result = JSON.stringify(expandCase(JSON.parse(line) as Case));
    } catch (err) {
      const message = err instanceof RecurrenceError || err instanceof RangeError || err instanceof SyntaxError
        ? err.message : `internal error: ${(err as Error).message}`;
      result = JSON.stringify({ error: message });
    }
    out.push(result);
    if (out.length >= 256) {
      process.stdout.write(out.join('\n') + '\n');
      out.length = 0;
    }
  }
  if (out.length) process.stdout.write(out.join('\n') + '\n');
  return 0;
}

