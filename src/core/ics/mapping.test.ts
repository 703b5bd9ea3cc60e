import { describe, expect, it } from 'vitest';
import { ianaZone } from '../time/index.js';
import { readIcsEntries, type IcsImportRecord } from './import-records.js';
import { calendar, event } from './test-helpers.js';

const CUSTOM = ['BEGIN:VTIMEZONE', 'TZID:Customized Time Zone', 'BEGIN:STANDARD', 'DTSTART:16010101T000000', 'TZOFFSETFROM:+0800', 'TZOFFSETTO:+0800', 'END:STANDARD', 'END:VTIMEZONE'];

async function records(text: string): Promise<IcsImportRecord[]> {
  const out: IcsImportRecord[] = [];
  for await (const r of readIcsEntries([Buffer.from(text)], { floatingZone: ianaZone('Asia/Manila') })) out.push(r);
  return out;
}

describe('mapping VEVENTs to entries', () => {
  it('maps a master, its override and a VTODO, with Windows zones as IANA ids', async () => {
    const out = await records(calendar('X-WR-CALNAME:Desk\\, Cotabato',
      ...event('UID:m1', 'SUMMARY:Weekly', 'DTSTART;TZID=Singapore Standard Time:20260304T100000', 'DTEND;TZID=Singapore Standard Time:20260304T113000',
        'RRULE:FREQ=WEEKLY;COUNT=4', 'EXDATE;TZID=Singapore Standard Time:20260311T100000', 'SEQUENCE:2', 'STATUS:CONFIRMED', 'CLASS:PRIVATE',
        'CATEGORIES:Meeting,Partners\\, donors', 'ORGANIZER;CN="Usman, N":mailto:n@example.org', 'LAST-MODIFIED:20260101T000000Z'),
      ...event('UID:m1', 'RECURRENCE-ID;TZID=Singapore Standard Time:20260318T100000', 'SUMMARY:Moved', 'DTSTART;TZID=Singapore Standard Time:20260319T100000', 'DTEND;TZID=Singapore Standard Time:20260319T113000'),
      'BEGIN:VTODO', 'UID:t1', 'SUMMARY:Report', 'DUE;VALUE=DATE:20260417', 'STATUS:NEEDS-ACTION', 'END:VTODO'));
    expect(out).toContainEqual({ type: 'calendar-property', name: 'X-WR-CALNAME', value: 'Desk, Cotabato' });
    const [master, moved] = out.filter((r) => r.type === 'entry').map((r) => (r as Extract<IcsImportRecord, { type: 'entry' }>).entry);
    expect(master).toMatchObject({
      uid: 'm1', recurrenceId: null, title: 'Weekly', start: '2026-03-04T10:00:00+08:00', end: '2026-03-04T11:30:00+08:00',
      timeZone: 'Asia/Singapore', customTimeZone: null, rrule: 'FREQ=WEEKLY;COUNT=4', sequence: 2, status: 'confirmed', visibility: 'private',
      categories: ['Meeting', 'Partners, donors'], organizer: { address: 'n@example.org', name: 'Usman, N' }, lastModified: '2026-01-01T00:00:00.000Z',
      exdate: [{ kind: 'local', value: { year: 2026, month: 3, day: 11, hour: 10, minute: 0, second: 0 } }],
    });
    expect(moved).toMatchObject({ uid: 'm1', title: 'Moved', recurrenceId: { local: '2026-03-18T10:00:00+08:00', epochMs: Date.parse('2026-03-18T02:00:00Z') } });
    expect(out.at(-1)).toEqual({ type: 'task', task: expect.objectContaining({ uid: 't1', title: 'Report', due: '2026-04-17', status: 'NEEDS-ACTION' }) });
  });

  it('keeps a file-defined zone with its VTIMEZONE text, and gives UID-less events stable generated UIDs', async () => {
    const text = calendar(...CUSTOM, ...event('SUMMARY:Clean-up', 'DTSTART;TZID=Customized Time Zone:20260314T060000', 'DURATION:PT3H'));
    const [first, second] = [await records(text), await records(text)];
    const entry = (rs: IcsImportRecord[]) => (rs.find((r) => r.type === 'entry') as Extract<IcsImportRecord, { type: 'entry' }>).entry;
    expect(entry(first)).toMatchObject({ uidGenerated: true, timeZone: 'Customized Time Zone', start: '2026-03-14T06:00:00+08:00', end: '2026-03-14T09:00:00+08:00' });
    expect(entry(first).customTimeZone?.vtimezone).toContain('TZID:Customized Time Zone\r\n');
    expect(entry(first).uid).toBe(entry(second).uid);
  });

  it('marks floating and all-day entries', async () => {
    const out = await records(calendar(...event('UID:f', 'DTSTART:20260310T053000'), ...event('UID:a', 'DTSTART;VALUE=DATE:20260320')));
    const entries = out.filter((r) => r.type === 'entry').map((r) => (r as Extract<IcsImportRecord, { type: 'entry' }>).entry);
    expect(entries.map((e) => [e.floating, e.allDay, e.timeZone, e.start, e.end])).toEqual([
      [true, false, null, '2026-03-10T05:30:00', '2026-03-10T05:30:00'],
      [false, true, null, '2026-03-20', '2026-03-21'],
    ]);
  });
});

describe('TZID names', () => {
  it('maps Windows names through CLDR (territory 001), strips Lightning prefixes, and normalises case', async () => {
    const { ianaNameForTzid } = await import('./tzid.js');
    expect(ianaNameForTzid('Singapore Standard Time')).toBe('Asia/Singapore');
    expect(ianaNameForTzid('W. Europe Standard Time')).toBe('Europe/Berlin');
    expect(ianaNameForTzid('/mozilla.org/20050126_1/Asia/Manila')).toBe('Asia/Manila');
    expect(ianaNameForTzid('asia/manila')).toBe('Asia/Manila');
    expect(ianaNameForTzid('Customized Time Zone')).toBeNull();
    expect(ianaNameForTzid('Asia/Cotabato')).toBeNull();
  });
});
