import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.js';
import { calendarIdOf, countEntries } from '../../../test/support/fixtures.js';
import { conformanceFile, importFile } from './test-support.js';

let t: TestApp;
let staff: Session;
let calendarId: string;
beforeAll(async () => {
  t = await createTestApp();
  staff = await t.userSession('staff');
  calendarId = await calendarIdOf(t, staff, 'personal');
});
afterAll(async () => t?.close());

const ics = (...events: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...events, 'END:VCALENDAR', ''].join('\r\n');
const vevent = (uid: string, fields: string[]) => ['BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20260101T000000Z', ...fields, 'END:VEVENT'].join('\r\n');
const rows = (uid: string) =>
  t.testDb.database.query<{ title: string; rrule: string | null; series_id: string | null; recurrence_id: string | null; deleted_at: Date | null; organizer_id: string; kind: string }>(
    'select title, rrule, series_id, recurrence_id, deleted_at, organizer_id, kind from entries where uid = $1 order by recurrence_id nulls first', [uid]);

describe('importing a calendar file', () => {
  it('keeps a series as one entry with its override and cancelled occurrence as override rows', async () => {
    const file = ics(
      vevent('series-1', ['DTSTART;TZID=Asia/Manila:20260302T090000', 'DTEND;TZID=Asia/Manila:20260302T100000', 'RRULE:FREQ=WEEKLY;COUNT=5', 'SUMMARY:Weekly sync']),
      vevent('series-1', ['RECURRENCE-ID;TZID=Asia/Manila:20260309T090000', 'DTSTART;TZID=Asia/Manila:20260309T140000', 'DTEND;TZID=Asia/Manila:20260309T150000', 'SUMMARY:Weekly sync (moved)']),
      vevent('series-1', ['RECURRENCE-ID:20260316T010000Z', 'DTSTART;TZID=Asia/Manila:20260316T090000', 'DTEND;TZID=Asia/Manila:20260316T100000', 'STATUS:CANCELLED', 'SUMMARY:Weekly sync']),
    );
    const response = await importFile(t, staff, calendarId, file);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ created: 3, updated: 0, unchanged: 0, skipped: 0 });
    const stored = await rows('series-1');
    expect(stored.map((r) => [r.rrule, r.recurrence_id, r.deleted_at !== null])).toEqual([
      ['FREQ=WEEKLY;COUNT=5', null, false], [null, '2026-03-09T09:00:00', false], [null, '2026-03-16T09:00:00', true],
    ]);
    expect(stored.every((r) => r.organizer_id === staff.userId && r.kind === 'event')).toBe(true);
    const feed = await t.as(staff, { method: 'GET', url: `/api/v1/calendar?calendars=${calendarId}&start=2026-03-01&end=2026-04-06` });
    expect((feed.json() as { title: string; start: string }[]).map((e) => `${e.start} ${e.title}`)).toEqual([
      '2026-03-02T09:00:00+08:00 Weekly sync', '2026-03-09T14:00:00+08:00 Weekly sync (moved)', '2026-03-23T09:00:00+08:00 Weekly sync', '2026-03-30T09:00:00+08:00 Weekly sync',
    ]);
  });

  it('updates an event only for a newer SEQUENCE (or the same SEQUENCE and a later LAST-MODIFIED)', async () => {
    const v = (seq: number, title: string, modified = '20260101T000000Z') =>
      ics(vevent('versioned-1', ['DTSTART:20260402T010000Z', 'DTEND:20260402T020000Z', `SEQUENCE:${seq}`, `LAST-MODIFIED:${modified}`, `SUMMARY:${title}`]));
    expect((await importFile(t, staff, calendarId, v(1, 'First'))).json()).toMatchObject({ created: 1 });
    expect((await importFile(t, staff, calendarId, v(0, 'Older'))).json()).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect((await importFile(t, staff, calendarId, v(1, 'Same version, later edit', '20260201T000000Z'))).json()).toMatchObject({ updated: 1 });
    expect((await importFile(t, staff, calendarId, v(2, 'Second'))).json()).toMatchObject({ updated: 1 });
    expect((await rows('versioned-1')).map((r) => r.title)).toEqual(['Second']);
  });

  it('skips VTODOs (never events) and reports them with their line', async () => {
    const file = ics('BEGIN:VTODO', 'UID:todo-1', 'DTSTAMP:20260101T000000Z', 'SUMMARY:Submit report', 'DUE:20260410T090000Z', 'END:VTODO');
    const response = await importFile(t, staff, calendarId, file);
    expect(response.json()).toMatchObject({ created: 0, skipped: 1, skippedItems: [{ line: 4, uid: 'todo-1' }] });
  });

  it('keeps a zone only the file defines as exact instants with its VTIMEZONE in zone_rules', async () => {
    const zone = ['BEGIN:VTIMEZONE', 'TZID:Odd Zone', 'BEGIN:STANDARD', 'DTSTART:19700101T000000', 'TZOFFSETFROM:+0817', 'TZOFFSETTO:+0817', 'END:STANDARD', 'END:VTIMEZONE'].join('\r\n');
    const response = await importFile(t, staff, calendarId, ics(zone, vevent('odd-1', ['DTSTART;TZID=Odd Zone:20260402T090000', 'DTEND;TZID=Odd Zone:20260402T100000', 'SUMMARY:Odd'])));
    expect(response.json()).toMatchObject({ created: 1 });
    const [row] = await t.testDb.database.query<{ time_zone: string; zone_rules: string; start_at: Date }>("select time_zone, zone_rules, start_at from entries where uid = 'odd-1'");
    expect(row!.time_zone).toBe('UTC');
    expect(row!.zone_rules).toContain('TZID:Odd Zone');
    expect(row!.start_at.toISOString()).toBe('2026-04-02T00:43:00.000Z');
  });

  it('imports only into a calendar the user may add to (403 for a colleague\'s personal calendar and for a viewer)', async () => {
    const other = await t.userSession('staff');
    const file = ics(vevent('access-1', ['DTSTART:20260402T010000Z', 'SUMMARY:Nope']));
    expect((await importFile(t, other, calendarId, file)).statusCode).toBe(403);
    const viewer = await t.userSession('viewer');
    const coordination = await calendarIdOf(t, viewer, 'coordination');
    expect((await importFile(t, viewer, coordination, file)).statusCode).toBe(403);
    expect(await rows('access-1')).toEqual([]);
  });

  it('mode=report imports the readable events and lists the refused one with its line', async () => {
    const response = await importFile(t, staff, calendarId, conformanceFile('bad-dtend-before-dtstart.ics'), '?mode=report');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().refused).toEqual([{ line: 32, reason: expect.any(String) }]);
    expect(response.json().created).toBeGreaterThan(0);
  });

  it('refuses a file larger than the limit (413) and an unknown calendar (404), writing nothing', async () => {
    const before = await countEntries(t);
    const huge = ics(vevent('huge-1', ['DTSTART:20260402T010000Z', `DESCRIPTION:${'x'.repeat(70 * 1024 * 1024)}`, 'SUMMARY:Huge']));
    const tooLarge = await importFile(t, staff, calendarId, huge);
    expect(tooLarge.statusCode, tooLarge.body.slice(0, 300)).toBe(413);
    const unknown = await importFile(t, staff, '00000000-0000-4000-8000-000000000000', ics());
    expect(unknown.statusCode).toBe(404);
    expect(await countEntries(t)).toBe(before);
  });
});
