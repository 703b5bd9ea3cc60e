import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.js';
import { calendarIdOf, entryPayload } from '../../../test/support/fixtures.js';
import { importFile } from '../ics-import/test-support.js';

let t: TestApp;
let staff: Session;
let personal: string;
const WINDOW = 'start=2026-01-01&end=2026-12-31';

const create = async (session: Session, payload: Record<string, unknown>) => {
  const response = await t.as(session, { method: 'POST', url: '/api/v1/entries', payload });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string };
};
const get = (session: Session, url: string) => t.as(session, { method: 'GET', url });
const STORED = `select uid, title, description, location, all_day, is_floating, start_at, end_at, to_char(start_date, 'YYYY-MM-DD') as start_date,
  to_char(end_date, 'YYYY-MM-DD') as end_date, time_zone, rrule, rdate, exdate, recurrence_id, visibility, sequence, (deleted_at is not null) as deleted
  from entries where calendar_id = $1 order by uid, recurrence_id nulls first`;

beforeAll(async () => {
  t = await createTestApp();
  staff = await t.userSession('staff');
  personal = await calendarIdOf(t, staff, 'personal');
  const series = await create(staff, entryPayload(personal, {
    title: 'NY liaison call', timeZone: 'America/New_York', rrule: 'FREQ=WEEKLY;COUNT=6', exdate: ['2026-03-22T09:00:00'],
    start: '2026-03-01T09:00:00-05:00', end: '2026-03-01T09:30:00-05:00', description: 'Agenda; items, and \\ more', location: 'Zoom',
  }));
  const moved = await t.as(staff, {
    method: 'PATCH', url: `/api/v1/entries/${series.id}/occurrences/2026-03-15T09:00:00`,
    payload: { title: 'NY liaison call (moved)', start: '2026-03-15T11:00:00-04:00', end: '2026-03-15T11:30:00-04:00' },
  });
  expect(moved.statusCode, moved.body).toBe(200);
  await create(staff, entryPayload(personal, { title: 'Araw ng Kagitingan', allDay: true, start: '2026-04-09', end: '2026-04-10' }));
  await create(staff, entryPayload(personal, { title: '=HYPERLINK("http://evil.example","x") <script>alert(1)</script>', start: '2026-04-02T09:00:00+08:00', end: '2026-04-02T10:00:00+08:00' }));
});
afterAll(async () => t?.close());

describe('exports of a filtered view', () => {
  it('writes iCalendar that ical.js parses: series with RRULE/EXDATE, the override as RECURRENCE-ID, a VTIMEZONE, all-day as DATE', async () => {
    const response = await get(staff, `/api/v1/calendar.ics?${WINDOW}&calendars=${personal}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('text/calendar');
    expect(response.headers['content-disposition']).toBe('attachment; filename="kalendaryo-2026-01-01-2026-12-31.ics"');
    const root = new ICAL.Component(ICAL.parse(response.body));
    const zones = root.getAllSubcomponents('vtimezone').map((z) => String(z.getFirstPropertyValue('tzid')));
    expect(zones).toContain('America/New_York');
    for (const z of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(z);
    const events = root.getAllSubcomponents('vevent');
    const master = events.find((e) => e.getFirstPropertyValue('rrule') && e.getFirstPropertyValue('summary') === 'NY liaison call')!;
    const override = events.find((e) => e.getFirstPropertyValue('recurrence-id'))!;
    expect(master.getFirstProperty('exdate')).toBeTruthy();
    expect(override.getFirstPropertyValue('summary')).toBe('NY liaison call (moved)');
    const allDay = events.find((e) => e.getFirstPropertyValue('summary') === 'Araw ng Kagitingan')!;
    expect((allDay.getFirstPropertyValue('dtstart') as ICAL.Time).isDate).toBe(true);
    // ical.js expands the series across the DST change at 09:00 New York time.
    const expansion = new ICAL.Event(master).iterator();
    const starts: string[] = [];
    for (let next = expansion.next(); next && starts.length < 3; next = expansion.next()) starts.push(next.toJSDate().toISOString());
    expect(starts).toEqual(['2026-03-01T14:00:00.000Z', '2026-03-08T13:00:00.000Z', '2026-03-15T13:00:00.000Z']);
  });

  it('imports back into an empty calendar as the same entries (round trip)', async () => {
    const before = await t.testDb.database.query(STORED, [personal]);
    const file = (await get(staff, `/api/v1/calendar.ics?${WINDOW}&calendars=${personal}`)).body;
    await t.testDb.database.query('delete from entries where calendar_id = $1 and series_id is not null', [personal]);
    await t.testDb.database.query('delete from entries where calendar_id = $1', [personal]);
    const imported = await importFile(t, staff, personal, file, `?zone=${encodeURIComponent('Asia/Manila')}`);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({ created: before.length, skipped: 0 });
    expect(await t.testDb.database.query(STORED, [personal])).toEqual(before);
  });

  it('shows private entries of others as busy-only VEVENTs', async () => {
    const manager = await t.userSession('manager');
    const coordination = await calendarIdOf(t, manager, 'coordination');
    await create(manager, entryPayload(coordination, { title: 'Confidential: budget talks', visibility: 'private', location: 'Room 4', start: '2026-05-04T09:00:00+08:00', end: '2026-05-04T10:00:00+08:00' }));
    const body = (await get(staff, `/api/v1/calendar.ics?${WINDOW}&calendars=${coordination}`)).body;
    const busy = new ICAL.Component(ICAL.parse(body)).getAllSubcomponents('vevent').find((e) => e.getFirstPropertyValue('summary') === 'Busy')!;
    expect(busy.getFirstPropertyValue('class')).toBe('PRIVATE');
    expect(busy.getFirstProperty('location')).toBeNull();
    expect(body).not.toContain('budget');
  });

  it('neutralises formula cells in CSV and XLSX', async () => {
    const csv = await get(staff, `/api/v1/calendar.csv?${WINDOW}&calendars=${personal}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body.split('\r\n')[0]).toBe('\uFEFFtitle,start,end,all-day,module,kind,status,priority,calendar,location,community,organizer');
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil.example"",""x"") <script>alert(1)</script>"`);
    const xlsx = await get(staff, `/api/v1/calendar.xlsx?${WINDOW}&calendars=${personal}`);
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as never);
    const titles = workbook.worksheets[0]!.getColumn(1).values.filter(Boolean).map(String);
    expect(titles).toContain(`'=HYPERLINK("http://evil.example","x") <script>alert(1)</script>`);
    expect(titles.some((v) => v.startsWith('='))).toBe(false);
  });

  it('prints a brief: HTML grouped by day with escaped text and a print stylesheet, and a PDF', async () => {
    const html = await get(staff, `/api/v1/calendar/brief.html?${WINDOW}&calendars=${personal}&timeZone=Asia/Manila`);
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html.body).not.toContain('<script>');
    expect(html.body).toContain('@media print');
    expect(html.body).toContain('Thursday, April 9, 2026');
    const pdf = await get(staff, `/api/v1/calendar/brief.pdf?${WINDOW}&calendars=${personal}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
