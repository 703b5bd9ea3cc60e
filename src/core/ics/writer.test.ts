import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { expandRecurrence } from '../recurrence/index.js';
import { formatInstantInZone, ianaZone } from '../time/index.js';
import { readIcsItems } from './components.js';
import { readIcsEntries } from './import-records.js';
import { check } from './test-helpers.js';
import { unfoldAll } from './unfold.js';
import { zoneFromVtimezone } from './vtimezone.js';
import { vtimezoneText } from './vtimezone-writer.js';
import { writeIcs, writeIcsText, type ExportEvent } from './writer.js';

const NY = 'America/New_York';
const at = (year: number, month: number, day: number, hour = 0, minute = 0) => ({ year, month, day, hour, minute, second: 0 });

const master: ExportEvent = {
  uid: 'series-1@kalendaryo', dtstamp: Date.UTC(2026, 0, 1), title: 'Liaison sync; weekly, with NY', description: 'Agenda:\n1. a\\b\n2. تقرير',
  allDay: false, timeZone: NY, start: at(2026, 2, 23, 9), end: at(2026, 2, 23, 9, 30),
  rrule: 'FREQ=WEEKLY;COUNT=6', exdate: [{ kind: 'local', value: at(2026, 3, 16, 9) }],
};
const override: ExportEvent = {
  uid: 'series-1@kalendaryo', dtstamp: Date.UTC(2026, 0, 1), title: 'Liaison sync (moved)', allDay: false, timeZone: NY,
  recurrenceId: at(2026, 3, 9, 9), start: at(2026, 3, 10, 10, 30), end: at(2026, 3, 10, 11), sequence: 1,
};
const holiday: ExportEvent = { uid: 'h-1', dtstamp: 0, title: 'Eid al-Fitr – عيد الفطر', allDay: true, timeZone: null, start: { year: 2026, month: 3, day: 20 }, end: { year: 2026, month: 3, day: 21 } };

describe('ICS writer', () => {
  it('round-trips a series with an override across a DST change through the reader', async () => {
    const text = writeIcsText('Liaison', [master, override, holiday]);
    const r = await check(text, '2026-02-01T00:00:00Z', '2026-05-01T00:00:00Z', NY);
    expect(r.valid).toBe(true);
    if (!r.valid) return;
    const zone = ianaZone(NY);
    const expected = expandRecurrence({ start: master.start, allDay: false, zone, rrule: master.rrule, exdate: master.exdate })
      .filter((o) => o.epochMs !== zone.epochMsOf(at(2026, 3, 9, 9)))
      .map((o) => `${formatInstantInZone(o.epochMs, zone)} ${master.title}`);
    expected.push(`${formatInstantInZone(zone.epochMsOf(override.start as never), zone)} ${override.title}`, `2026-03-20 ${holiday.title}`);
    expect(r.occurrences.map((o) => `${o.start} ${o.summary}`).sort()).toEqual(expected.sort());
    expect(r.occurrences.find((o) => o.summary === override.title)).toMatchObject({ start: '2026-03-10T10:30:00-04:00', end: '2026-03-10T11:00:00-04:00' });
    expect(r.props['series-1@kalendaryo']?.description).toBe(master.description);
  });

  it('is read by ical.js without error, with the same DTSTARTs when ical.js expands the series', () => {
    const text = writeIcsText('Liaison', [master, override]);
    const root = new ICAL.Component(ICAL.parse(text));
    const events = root.getAllSubcomponents('vevent');
    expect(events).toHaveLength(2);
    const vtz = root.getFirstSubcomponent('vtimezone')!;
    ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
    const ev = new ICAL.Event(events[0]!);
    const it = ev.iterator();
    const starts: number[] = [];
    for (let next = it.next(); next; next = it.next()) starts.push(next.toUnixTime() * 1000);
    const zone = ianaZone(NY);
    const ours = expandRecurrence({ start: master.start, allDay: false, zone, rrule: master.rrule, exdate: master.exdate }).map((o) => o.epochMs);
    expect(starts).toEqual(ours);
    expect(ev.summary).toBe(master.title);
    expect(ev.description).toBe(master.description);
  });

  it('folds at 75 octets without splitting a UTF-8 character, with CRLF line ends', async () => {
    const long: ExportEvent = { ...holiday, uid: 'long', description: 'ع'.repeat(300) + ' and ü'.repeat(40) };
    const chunks: string[] = [];
    for await (const c of writeIcs({ name: 'x', timeZones: [], years: [2026, 2026] }, [long])) chunks.push(c);
    const bytes = Buffer.from(chunks.join(''), 'utf8');
    const physical = bytes.toString('utf8').split('\r\n');
    expect(physical.pop()).toBe('');
    for (const line of physical) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      expect(line).not.toContain('\uFFFD');
      expect(line).not.toContain('\n');
    }
    expect(unfoldAll(bytes).some((l) => l.text === `DESCRIPTION:${long.description}`)).toBe(true);
  });

  it('writes VTIMEZONEs that agree with their IANA zone hour by hour over the years covered', async () => {
    for (const tzid of [NY, 'Europe/Berlin', 'Asia/Manila', 'Australia/Lord_Howe']) {
      const text = `BEGIN:VCALENDAR\r\n${vtimezoneText(tzid, 2024, 2027)}END:VCALENDAR\r\n`;
      for await (const item of readIcsItems([Buffer.from(text)])) {
        if (item.type !== 'component') continue;
        const zone = zoneFromVtimezone(item.component);
        const oracle = ianaZone(tzid);
        for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2028, 0, 1); t += 1_800_000) {
          if (zone.offsetMsAt(t) !== oracle.offsetMsAt(t)) throw new Error(`${tzid} differs at ${new Date(t).toISOString()}`);
        }
      }
    }
  });
});

describe('ICS writer: attendees and alarms', () => {
  const meeting: ExportEvent = {
    uid: 'att-1@kalendaryo', dtstamp: Date.UTC(2026, 0, 1), title: 'Barangay consultation', allDay: false, timeZone: 'Asia/Manila',
    start: at(2026, 3, 2, 9), end: at(2026, 3, 2, 11),
    attendees: [
      { address: 'mailto:amina@example.org', name: 'Datu, Amina', role: 'CHAIR', partstat: 'ACCEPTED' },
      { address: 'tel:+63%20917', name: 'Line\r\nBREAK:evil', role: 'REQ-PARTICIPANT', partstat: 'NEEDS-ACTION', rsvp: true },
    ],
    alarmMinutesBefore: [15, 1440],
  };

  it('writes ATTENDEE with CN, ROLE, PARTSTAT and RSVP, and a VALARM per reminder, read back by ical.js', () => {
    const root = new ICAL.Component(ICAL.parse(writeIcsText('Consultations', [meeting])));
    const event = root.getFirstSubcomponent('vevent')!;
    const attendees = event.getAllProperties('attendee');
    expect(attendees.map((a) => [a.getFirstValue(), a.getParameter('cn'), a.getParameter('role'), a.getParameter('partstat'), a.getParameter('rsvp') ?? null])).toEqual([
      ['mailto:amina@example.org', 'Datu, Amina', 'CHAIR', 'ACCEPTED', null],
      ['tel:+63%20917', 'Line BREAK:evil', 'REQ-PARTICIPANT', 'NEEDS-ACTION', 'TRUE'],
    ]);
    expect(event.getAllProperties().some((p) => p.name === 'break')).toBe(false);
    const alarms = event.getAllSubcomponents('valarm');
    expect(alarms.map((a) => [a.getFirstPropertyValue('action'), String(a.getFirstPropertyValue('trigger')), a.getFirstPropertyValue('description')])).toEqual([
      ['DISPLAY', '-PT15M', 'Barangay consultation'], ['DISPLAY', '-P1D', 'Barangay consultation'],
    ]);
  });

  it('reads its own attendees and alarm triggers back through the project reader', async () => {
    const records = [];
    for await (const r of readIcsEntries([Buffer.from(writeIcsText('Consultations', [meeting]))], { floatingZone: ianaZone('Asia/Manila') })) records.push(r);
    const entry = records.find((r) => r.type === 'entry')!;
    if (entry.type !== 'entry') throw new Error('no entry');
    expect(entry.entry.attendees.map((a) => [a.address, a.name, a.role, a.partstat, a.rsvp])).toEqual([
      ['amina@example.org', 'Datu, Amina', 'CHAIR', 'ACCEPTED', false], ['tel:+63%20917', 'Line BREAK:evil', 'REQ-PARTICIPANT', 'NEEDS-ACTION', true],
    ]);
    expect(entry.entry.alarmTriggers).toEqual(['-PT15M', '-P1D']);
  });
});
