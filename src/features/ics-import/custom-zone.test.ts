import { describe, expect, it } from 'vitest';
import { matchingIanaZone, zoneOfVtimezoneText } from './custom-zone.js';

const vtimezone = (name: string, parts: string[]) => ['BEGIN:VTIMEZONE', `TZID:${name}`, ...parts, 'END:VTIMEZONE', ''].join('\r\n');
const observance = (kind: string, from: string, to: string, rule: string) =>
  [`BEGIN:${kind}`, 'DTSTART:16010101T020000', `TZOFFSETFROM:${from}`, `TZOFFSETTO:${to}`, `RRULE:${rule}`, `END:${kind}`].join('\r\n');
const MARCH_2026 = Date.UTC(2026, 2, 1);

describe('a file-defined (custom) time zone', () => {
  it('is matched to the IANA zone with the same offsets (US Eastern rules → an America/ zone at -05/-04)', async () => {
    const text = vtimezone('Customized Time Zone', [
      observance('STANDARD', '-0400', '-0500', 'FREQ=YEARLY;BYMONTH=11;BYDAY=1SU'),
      observance('DAYLIGHT', '-0500', '-0400', 'FREQ=YEARLY;BYMONTH=3;BYDAY=2SU'),
    ]);
    const zone = (await zoneOfVtimezoneText(text))!;
    const iana = matchingIanaZone(zone, MARCH_2026);
    expect(iana).toMatch(/^America\//);
    const { ianaZone } = await import('../../core/time/index.js');
    for (let ms = MARCH_2026; ms < MARCH_2026 + 400 * 86_400_000; ms += 86_400_000) expect(ianaZone(iana!).offsetMsAt(ms)).toBe(zone.offsetMsAt(ms));
  });

  it('matches no IANA zone when its offsets are its own (+08:17 all year)', async () => {
    const text = vtimezone('Odd Zone', ['BEGIN:STANDARD', 'DTSTART:19700101T000000', 'TZOFFSETFROM:+0817', 'TZOFFSETTO:+0817', 'END:STANDARD']);
    expect(matchingIanaZone((await zoneOfVtimezoneText(text))!, MARCH_2026)).toBeNull();
  });
});
