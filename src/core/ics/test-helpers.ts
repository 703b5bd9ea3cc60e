import { ianaZone } from '../time/index.js';
import { checkIcs, type IcsCheckResult } from './check.js';

/** A calendar file from content lines (CRLF), for tests. */
export function calendar(...lines: string[]): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...lines, 'END:VCALENDAR', ''].join('\r\n');
}

export function event(...lines: string[]): string[] {
  return ['BEGIN:VEVENT', ...lines, 'END:VEVENT'];
}

/** Runs the check on a file held in memory, window given as ISO instants. */
export function check(text: string, from = '2026-01-01T00:00:00Z', to = '2027-01-01T00:00:00Z', zone = 'Asia/Manila'): Promise<IcsCheckResult> {
  return checkIcs([Buffer.from(text, 'utf8')], { floatingZone: ianaZone(zone), window: [Date.parse(from), Date.parse(to)] });
}

export async function occurrencesOf(text: string, from?: string, to?: string, zone?: string) {
  const r = await check(text, from, to, zone);
  if (!r.valid) throw new Error(`refused at line ${r.line}: ${r.reason}`);
  return r.occurrences.map((o) => `${o.start} ${o.end} ${o.summary}`);
}
