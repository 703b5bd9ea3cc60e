import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { calendarIdOf, entryPayload } from '../../../test/support/fixtures.js';
import { conformanceFile, expectedFiles, importFile } from '../ics-import/test-support.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

// Every column an import sets; ids and timestamps of the row itself aside.
const STORED = `select uid, title, description, location, all_day, is_floating, start_at, end_at, to_char(start_date, 'YYYY-MM-DD') as start_date,
  to_char(end_date, 'YYYY-MM-DD') as end_date, time_zone, zone_rules, rrule, rdate, exdate, recurrence_id, recurrence_id_at, visibility, status,
  sequence, (deleted_at is not null) as deleted, (series_id is not null) as is_override
  from entries where calendar_id = $1 order by uid, recurrence_id nulls first`;

const smallValidFiles = Object.entries(expectedFiles()).filter(([name, e]) => e.valid && !name.startsWith('large'));

describe('export → import round trip of the conformance files', () => {
  for (const [name, expected] of smallValidFiles) {
    it(`${name}: imported, exported as ICS, imported again into an emptied calendar gives the same entries; ical.js reads the export`, async () => {
      const session = await t.userSession('staff');
      const calendarId = await calendarIdOf(t, session, 'personal');
      const zone = encodeURIComponent(expected.floating_zone!);
      expect((await importFile(t, session, calendarId, conformanceFile(name), `?zone=${zone}`)).statusCode).toBe(200);
      const before = await t.testDb.database.query(STORED, [calendarId]);
      const exported = await t.as(session, { method: 'GET', url: `/api/v1/calendar.ics?start=2025-01-01&end=2029-12-31&calendars=${calendarId}` });
      expect(exported.statusCode).toBe(200);
      // The export is also read without error by an independent parser, every VEVENT kept.
      const parsed = new ICAL.Component(ICAL.parse(exported.body));
      expect(parsed.getAllSubcomponents('vevent')).toHaveLength(before.length);
      await t.testDb.database.query('delete from entries where calendar_id = $1 and series_id is not null', [calendarId]);
      await t.testDb.database.query('delete from entries where calendar_id = $1', [calendarId]);
      const again = await importFile(t, session, calendarId, exported.body, `?zone=${zone}`);
      expect(again.statusCode, again.body).toBe(200);
      expect(await t.testDb.database.query(STORED, [calendarId])).toEqual(before);
    });
  }
});

describe('export → import round trip of attendees and alarms', () => {
  // Who takes part in which VEVENT (by UID), and the importer's reminders, as the database holds them.
  const PEOPLE = `select e.uid, p.name, p.email, p.phone, p.role, p.rsvp, p.user_id from entry_participants p join entries e on e.id = p.entry_id
    where e.calendar_id = $1 order by e.uid, p.name`;
  const REMINDERS = `select e.uid, e.recurrence_id, r.user_id, r.reminder_minutes from entry_reminder_overrides r join entries e on e.id = r.entry_id
    where e.calendar_id = $1 order by e.uid, e.recurrence_id nulls first`;

  it('keeps every participant (user, e-mail, phone, name only; role and answer) and the reminders through an export and an import into an emptied calendar', async () => {
    const session = await t.userSession('manager');
    const colleague = await t.userSession('staff');
    const calendarId = await calendarIdOf(t, session, 'coordination');
    const post = async (url: string, payload: Record<string, unknown>, method: 'POST' | 'PUT' | 'PATCH' = 'POST') => {
      const response = await t.as(session, { method, url, payload });
      expect(response.statusCode, response.body).toBeLessThan(300);
      return response.body ? response.json() : null;
    };
    const single = await post('/api/v1/entries', entryPayload(calendarId, { title: 'Water board', start: '2027-05-03T09:00:00+08:00', end: '2027-05-03T11:00:00+08:00' }));
    const series = await post('/api/v1/entries', entryPayload(calendarId, { title: 'Weekly coordination', start: '2027-05-04T14:00:00+08:00', end: '2027-05-04T15:00:00+08:00', rrule: 'FREQ=WEEKLY;COUNT=6' }));
    await post(`/api/v1/entries/${series.id}/occurrences/2027-05-11T14:00:00?scope=this`, { start: '2027-05-11T16:00:00+08:00', end: '2027-05-11T17:00:00+08:00' }, 'PATCH');
    const people = [
      { userId: colleague.userId, role: 'facilitator' }, { name: 'Amina Guest', email: 'amina@example.org', role: 'organizer' },
      { name: 'Datu Ali', phone: '+63 917 000 0000', role: 'optional' }, { name: 'Bai Farida, elder', role: 'required' },
    ];
    for (const entry of [single, series]) for (const p of people) await post(`/api/v1/entries/${entry.id}/participants`, { ...p, notify: false });
    await t.testDb.database.query(`update entry_participants set rsvp = case when email = 'amina@example.org' then 'going' when phone is not null then 'declined' when user_id is not null then 'maybe' else 'invited' end where entry_id = any($1::uuid[])`, [[single.id, series.id]]);
    await post(`/api/v1/entries/${single.id}/reminders`, { reminderMinutes: [30, 1440] }, 'PUT');
    await post(`/api/v1/entries/${series.id}/reminders`, { reminderMinutes: [0, 90] }, 'PUT');
    const peopleBefore = await t.testDb.database.query(PEOPLE, [calendarId]);
    const remindersBefore = await t.testDb.database.query(REMINDERS, [calendarId]);
    expect(peopleBefore).toHaveLength(8);
    expect(remindersBefore).toHaveLength(2);

    const exported = await t.as(session, { method: 'GET', url: `/api/v1/calendar.ics?start=2027-05-01&end=2027-07-01&calendars=${calendarId}` });
    expect(exported.statusCode).toBe(200);
    const events = new ICAL.Component(ICAL.parse(exported.body)).getAllSubcomponents('vevent');
    // The override lists the series' participants too (an override VEVENT replaces the occurrence whole).
    expect(events.map((e) => e.getAllProperties('attendee').length)).toEqual([4, 4, 4]);
    expect(events.flatMap((e) => e.getAllSubcomponents('valarm')).length).toBe(4);

    await t.testDb.database.query('delete from entries where calendar_id = $1 and series_id is not null', [calendarId]);
    await t.testDb.database.query('delete from entries where calendar_id = $1', [calendarId]);
    expect(await t.testDb.database.query(PEOPLE, [calendarId])).toEqual([]);
    const again = await importFile(t, session, calendarId, exported.body);
    expect(again.statusCode, again.body).toBe(200);
    expect(await t.testDb.database.query(PEOPLE, [calendarId])).toEqual(peopleBefore);
    expect(await t.testDb.database.query(REMINDERS, [calendarId])).toEqual(remindersBefore);
    // The restored single entry counts its invited people again.
    const list = (await t.as(session, { method: 'GET', url: `/api/v1/entries/${(await t.testDb.database.query<{ id: string }>(`select id from entries where calendar_id = $1 and rrule is null and series_id is null`, [calendarId]))[0]!.id}/participants` })).json();
    expect(list.counts).toMatchObject({ invited: 4, going: 1, maybe: 1, declined: 1 });

    // Importing the same file again adds nobody and changes no reminder.
    expect((await importFile(t, session, calendarId, exported.body)).statusCode).toBe(200);
    expect(await t.testDb.database.query(PEOPLE, [calendarId])).toEqual(peopleBefore);
    expect(await t.testDb.database.query(REMINDERS, [calendarId])).toEqual(remindersBefore);
  });
});
