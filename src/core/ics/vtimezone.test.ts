import { describe, expect, it } from 'vitest';
import { ianaZone } from '../time/index.js';
import { readIcsItems, type IcsComponent } from './components.js';
import { calendar, event, occurrencesOf } from './test-helpers.js';
import { zoneFromVtimezone } from './vtimezone.js';

const OUTLOOK_EASTERN = [
  'BEGIN:VTIMEZONE', 'TZID:Customized Time Zone',
  'BEGIN:STANDARD', 'DTSTART:16010101T020000', 'TZOFFSETFROM:-0400', 'TZOFFSETTO:-0500', 'RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11', 'END:STANDARD',
  'BEGIN:DAYLIGHT', 'DTSTART:16010101T020000', 'TZOFFSETFROM:-0500', 'TZOFFSETTO:-0400', 'RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3', 'END:DAYLIGHT',
  'END:VTIMEZONE',
];
const EUROPE = [
  'BEGIN:VTIMEZONE', 'TZID:Customized Time Zone 1',
  'BEGIN:STANDARD', 'DTSTART:19701025T030000', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU', 'END:STANDARD',
  'BEGIN:DAYLIGHT', 'DTSTART:19700329T020000', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU', 'END:DAYLIGHT',
  'END:VTIMEZONE',
];

async function component(lines: string[]): Promise<IcsComponent> {
  for await (const item of readIcsItems([Buffer.from(calendar(...lines))])) if (item.type === 'component') return item.component;
  throw new Error('no component');
}

describe('zones defined by a VTIMEZONE', () => {
  it('agree with the IANA zone they stand for, hour by hour over 2020–2030', async () => {
    for (const [lines, iana] of [[OUTLOOK_EASTERN, 'America/New_York'], [EUROPE, 'Europe/Berlin']] as const) {
      const zone = zoneFromVtimezone(await component([...lines]));
      const oracle = ianaZone(iana);
      for (let t = Date.UTC(2020, 0, 1); t < Date.UTC(2031, 0, 1); t += 3_600_000) {
        if (zone.offsetMsAt(t) !== oracle.offsetMsAt(t)) throw new Error(`${iana} differs at ${new Date(t).toISOString()}`);
      }
      for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2026, 0, 1); t += 1_800_000) {
        const local = new Date(t + oracle.offsetMsAt(t));
        const wall = { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate(), hour: local.getUTCHours(), minute: local.getUTCMinutes(), second: 0 };
        expect(zone.epochMsOf(wall)).toBe(oracle.epochMsOf(wall));
      }
    }
  });

  it('reads a time in the spring-forward gap with the offset before it, and an overlap as its first instant', async () => {
    const zone = zoneFromVtimezone(await component(OUTLOOK_EASTERN));
    expect(zone.epochMsOf({ year: 2026, month: 3, day: 8, hour: 2, minute: 30, second: 0 })).toBe(Date.parse('2026-03-08T07:30:00Z'));
    expect(zone.epochMsOf({ year: 2026, month: 11, day: 1, hour: 1, minute: 30, second: 0 })).toBe(Date.parse('2026-11-01T05:30:00Z'));
  });

  it('handles RDATE observances and a zone with one fixed offset', async () => {
    const zone = zoneFromVtimezone(await component([
      'BEGIN:VTIMEZONE', 'TZID:Odd', 'BEGIN:STANDARD', 'DTSTART:20200101T000000', 'TZOFFSETFROM:+0800', 'TZOFFSETTO:+0800', 'END:STANDARD',
      'BEGIN:DAYLIGHT', 'DTSTART:20260601T000000', 'RDATE:20270601T000000', 'TZOFFSETFROM:+0800', 'TZOFFSETTO:+0900', 'END:DAYLIGHT',
      'BEGIN:STANDARD', 'DTSTART:20260901T000000', 'RDATE:20270901T000000', 'TZOFFSETFROM:+0900', 'TZOFFSETTO:+0800', 'END:STANDARD',
      'END:VTIMEZONE']));
    expect(zone.offsetMsAt(Date.parse('2026-07-01T00:00:00Z'))).toBe(9 * 3_600_000);
    expect(zone.offsetMsAt(Date.parse('2026-12-01T00:00:00Z'))).toBe(8 * 3_600_000);
    expect(zone.offsetMsAt(Date.parse('2027-07-01T00:00:00Z'))).toBe(9 * 3_600_000);
  });

  it('places a series in a "Customized Time Zone" on its wall clock across its DST change', async () => {
    const text = calendar(...OUTLOOK_EASTERN, ...event('UID:c1', 'SUMMARY:Sync', 'DTSTART;TZID=Customized Time Zone:20260305T083000',
      'DTEND;TZID=Customized Time Zone:20260305T090000', 'RRULE:FREQ=WEEKLY;COUNT=2'));
    expect(await occurrencesOf(text)).toEqual([
      '2026-03-05T08:30:00-05:00 2026-03-05T09:00:00-05:00 Sync',
      '2026-03-12T08:30:00-04:00 2026-03-12T09:00:00-04:00 Sync',
    ]);
  });
});

describe('VTIMEZONE rules outside the yearly month/weekday shape', () => {
  it('are expanded by the recurrence engine (BYSETPOS for "last Sunday")', async () => {
    const zone = zoneFromVtimezone(await component([
      'BEGIN:VTIMEZONE', 'TZID:Custom Europe',
      'BEGIN:STANDARD', 'DTSTART:19701025T030000', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=SU;BYSETPOS=-1', 'END:STANDARD',
      'BEGIN:DAYLIGHT', 'DTSTART:19700329T020000', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=SU;BYSETPOS=-1', 'END:DAYLIGHT',
      'END:VTIMEZONE']));
    const oracle = ianaZone('Europe/Berlin');
    for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2027, 0, 1); t += 3_600_000) expect(zone.offsetMsAt(t)).toBe(oracle.offsetMsAt(t));
  });
});

describe('a stored VTIMEZONE text', () => {
  it('gives back the same zone', async () => {
    const { zoneFromVtimezoneText } = await import('./vtimezone-text.js');
    const zone = zoneFromVtimezoneText(OUTLOOK_EASTERN.join('\r\n'));
    expect(zone.id).toBe('Customized Time Zone');
    expect(zone.offsetMsAt(Date.parse('2026-07-01T00:00:00Z'))).toBe(-4 * 3_600_000);
    expect(() => zoneFromVtimezoneText('SUMMARY:x')).toThrow(/no VTIMEZONE/);
  });
});
