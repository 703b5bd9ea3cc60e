import { ianaZone, type Zone } from '../../core/time/index.js';
import { readIcs } from '../../core/ics/index.js';
import { zoneFromVtimezone } from '../../core/ics/index.js';

const DAY_MS = 86_400_000;

/** The Zone a file-defined VTIMEZONE describes (its text as IcsEntry.customTimeZone keeps it). */
export async function zoneOfVtimezoneText(text: string): Promise<Zone | null> {
  const file = new TextEncoder().encode(`BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${text}END:VCALENDAR\r\n`);
  for await (const record of readIcs([file], { floatingZone: ianaZone('UTC') })) {
    if (record.type === 'timezone') return zoneFromVtimezone(record.component);
  }
  return null;
}

/**
 * An IANA zone with the same offsets as `zone` every few days over the years around `aroundMs`, so
 * an Outlook "Customized Time Zone" that is really Asia/Manila is stored as Asia/Manila (the range
 * query expands IANA zones only). Null when none agrees.
 */
export function matchingIanaZone(zone: Zone, aroundMs: number): string | null {
  const samples: number[] = [];
  for (let ms = aroundMs - 366 * DAY_MS; ms < aroundMs + 5 * 366 * DAY_MS; ms += 3 * DAY_MS) samples.push(ms);
  const wanted = samples.map((ms) => zone.offsetMsAt(ms));
  for (const id of Intl.supportedValuesOf('timeZone')) {
    let candidate: Zone;
    try {
      candidate = ianaZone(id);
    } catch {
      continue;
    }
    if (samples.every((ms, i) => candidate.offsetMsAt(ms) === wanted[i])) return id;
  }
  return null;
}
