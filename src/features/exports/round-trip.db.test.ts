import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { calendarIdOf } from '../../../test/support/fixtures.js';
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
