import { Temporal } from 'temporal-polyfill';
import { foldLine } from './fold.js';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function offsetText(ms: number): string {
  const sign = ms < 0 ? '-' : '+';
  const total = Math.round(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${sign}${pad(h)}${pad(m)}${s ? pad(s) : ''}`;
}

function wallText(epochMs: number, offsetMs: number): string {
  const d = new Date(epochMs + offsetMs);
  return `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
}

/**
 * A VTIMEZONE for an IANA zone, written from the zone's own transitions in [fromYear, toYear]:
 * one observance per transition (DTSTART in the wall clock before it, as RFC 5545 wants), plus the
 * offset in force at the start. Explicit transitions rather than a guessed yearly RRULE, so the
 * text is exact for every year it covers even where a zone changed its rules.
 */
export function vtimezoneLines(tzid: string, fromYear: number, toYear: number): string[] {
  const key = `${tzid}|${fromYear}|${toYear}`;
  let lines = written.get(key);
  if (!lines) {
    if (written.size >= MAX_WRITTEN) written.delete(written.keys().next().value!);
    written.set(key, (lines = computeLines(tzid, fromYear, toYear)));
  }
  return [...lines];
}

// A zone's text for given years never changes within a process (tzdata is fixed at start); a
// CalDAV answer writes one per resource, so they are kept (a few hundred bytes each).
const written = new Map<string, readonly string[]>();
const MAX_WRITTEN = 500;

function computeLines(tzid: string, fromYear: number, toYear: number): string[] {
  const start = Date.UTC(fromYear, 0, 1);
  const end = Date.UTC(toYear + 1, 0, 1);
  let zdt = Temporal.Instant.fromEpochMilliseconds(start).toZonedDateTimeISO(tzid);
  const initial = zdt.offsetNanoseconds / 1e6;
  const transitions: { at: number; from: number; to: number }[] = [];
  let previous = initial;
  for (;;) {
    const next = zdt.getTimeZoneTransition('next');
    if (!next || next.epochMilliseconds >= end) break;
    const to = next.offsetNanoseconds / 1e6;
    transitions.push({ at: next.epochMilliseconds, from: previous, to });
    previous = to;
    zdt = next;
  }
  const standardOffset = Math.min(initial, ...transitions.map((t) => t.to));
  const lines = ['BEGIN:VTIMEZONE', `TZID:${tzid}`];
  const observance = (kind: string, at: number, from: number, to: number) => {
    lines.push(`BEGIN:${kind}`, `DTSTART:${wallText(at, from)}`, `TZOFFSETFROM:${offsetText(from)}`, `TZOFFSETTO:${offsetText(to)}`, `END:${kind}`);
  };
  observance(initial > standardOffset ? 'DAYLIGHT' : 'STANDARD', start, initial, initial);
  for (const t of transitions) observance(t.to > standardOffset ? 'DAYLIGHT' : 'STANDARD', t.at, t.from, t.to);
  lines.push('END:VTIMEZONE');
  return lines;
}

export function vtimezoneText(tzid: string, fromYear: number, toYear: number): string {
  return vtimezoneLines(tzid, fromYear, toYear).map(foldLine).join('');
}
