import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { OVERRIDE_TITLE, PRIVATE_TITLE, privateSeriesSharedWith } from '../../../test/support/private-series.js';
import { davRequest, type DavUser, davUser } from './test-helpers.js';

let t: TestApp;
let owner: DavUser;
let colleague: DavUser;
let calendarId: string;
let seriesId: string;
let collection: string;

const query = (inner: string, prop = '<d:getetag/><c:calendar-data/>') =>
  `<c:calendar-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:prop>${prop}</d:prop><c:filter><c:comp-filter name="VCALENDAR">${inner}</c:comp-filter></c:filter></c:calendar-query>`;
const month = '<c:comp-filter name="VEVENT"><c:time-range start="20260301T000000Z" end="20260401T000000Z"/></c:comp-filter>';
const report = (user: DavUser, body: string) => davRequest(t, user, 'REPORT', collection, body, { depth: '1' });
const hrefs = (body: string) => [...body.matchAll(/<D:href>([^<]+)<\/D:href>/g)].map((m) => m[1]!);
const calendarDatas = (body: string) =>
  [...body.matchAll(/<C:calendar-data>([\s\S]*?)<\/C:calendar-data>/g)].map((m) => m[1]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"'));

beforeAll(async () => {
  t = await createTestApp();
  owner = await davUser(t);
  colleague = await davUser(t);
  ({ calendarId, seriesId } = await privateSeriesSharedWith(t, owner, colleague));
  collection = `/dav/calendars/${colleague.userId}/${calendarId}/`;
  // Outside March: must not come back for a March time-range.
  const later = await t.as(owner, { method: 'POST', url: '/api/v1/entries', payload: { calendarId, title: 'April review', start: '2026-04-20T09:00:00+08:00', end: '2026-04-20T10:00:00+08:00' } });
  expect(later.statusCode).toBe(201);
});
afterAll(async () => t?.close());

describe('CalDAV reports', () => {
  it('calendar-query by time range returns the resources with an instance in it, series as one resource with its override (207)', async () => {
    const response = await report(colleague, query(month));
    expect(response.statusCode, response.body).toBe(207);
    expect(hrefs(response.body)).toHaveLength(2);
    const all = calendarDatas(response.body).join('');
    expect(all).not.toContain('April review');
    expect(all).toContain('RRULE:FREQ=WEEKLY;COUNT=4');
    expect(all).toMatch(/RECURRENCE-ID;TZID=Asia\/Manila:20260309T090000/);
    expect(all).toContain('BEGIN:VTIMEZONE');
    expect(all).not.toContain('METHOD:');
  });

  it('keeps a colleague\'s private series busy in calendar-query, expand, multiget, sync-collection and the collection GET', async () => {
    const queried = calendarDatas((await report(colleague, query(month))).body).join('');
    const expanded = calendarDatas((await report(colleague, query(month, '<c:calendar-data><c:expand start="20260301T000000Z" end="20260401T000000Z"/></c:calendar-data>'))).body).join('');
    const series = hrefs((await report(colleague, query(month))).body).find((h) => h.includes(seriesId))!;
    const multiget = calendarDatas((await report(colleague, `<c:calendar-multiget xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:prop><c:calendar-data/></d:prop><d:href>${series}</d:href></c:calendar-multiget>`)).body).join('');
    const synced = calendarDatas((await report(colleague, '<d:sync-collection xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:sync-token/><d:sync-level>1</d:sync-level><d:prop><c:calendar-data/></d:prop></d:sync-collection>')).body).join('');
    const whole = (await davRequest(t, colleague, 'GET', collection)).body;
    const resource = (await davRequest(t, colleague, 'GET', series)).body;
    for (const [where, text] of Object.entries({ queried, expanded, multiget, synced, whole, resource })) {
      expect(text, where).not.toContain('Medical');
      expect(text, where).not.toContain('Cardiology');
      expect(text, where).not.toContain('Clinic');
      expect(text, where).toContain('SUMMARY:Busy');
    }
    expect(expanded.match(/SUMMARY:Busy/g)).toHaveLength(4);
    const mine = calendarDatas((await davRequest(t, owner, 'REPORT', `/dav/calendars/${owner.userId}/${calendarId}/`, query(month), { depth: '1' })).body).join('');
    expect(mine).toContain(PRIVATE_TITLE);
    expect(mine).toContain(OVERRIDE_TITLE);
  });

  it('expands a series into UTC instances with RECURRENCE-ID and no RRULE', async () => {
    const response = await davRequest(t, owner, 'REPORT', `/dav/calendars/${owner.userId}/${calendarId}/`,
      query('<c:comp-filter name="VEVENT"><c:time-range start="20260305T000000Z" end="20260320T000000Z"/></c:comp-filter>', '<c:calendar-data><c:expand start="20260305T000000Z" end="20260320T000000Z"/></c:calendar-data>'), { depth: '1' });
    const ics = calendarDatas(response.body).find((c) => c.includes(PRIVATE_TITLE))!;
    expect(ics).not.toContain('RRULE');
    expect(ics).toContain('DTSTART:20260309T060000Z');
    expect(ics).toContain('RECURRENCE-ID:20260309T010000Z');
    expect(ics).toContain('DTSTART:20260316T010000Z');
    expect(ics).toContain('RECURRENCE-ID:20260316T010000Z');
  });

  it('searches by UID and by title, never finding a hidden title (207)', async () => {
    const byTitle = (user: DavUser, url: string) => davRequest(t, user, 'REPORT', url,
      query('<c:comp-filter name="VEVENT"><c:prop-filter name="SUMMARY"><c:text-match>medical</c:text-match></c:prop-filter></c:comp-filter>', '<d:getetag/>'), { depth: '1' });
    expect(hrefs((await byTitle(colleague, collection)).body)).toHaveLength(0);
    expect(hrefs((await byTitle(owner, `/dav/calendars/${owner.userId}/${calendarId}/`)).body)).toHaveLength(1);
    const unsupported = await report(colleague, query('<c:comp-filter name="VEVENT"><c:prop-filter name="X-SECRET"><c:text-match>a</c:text-match></c:prop-filter></c:comp-filter>'));
    expect(unsupported.statusCode).toBe(403);
    expect(unsupported.body).toContain('supported-filter');
  });

  it('gets multiget hrefs it does not hold as 404, traversal included', async () => {
    const body = `<c:calendar-multiget xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:prop><d:getetag/></d:prop>
      <d:href>${collection}nothing.ics</d:href><d:href>${collection}../../../etc/passwd</d:href><d:href>/dav/calendars/${owner.userId}/${calendarId}/${seriesId}.ics</d:href></c:calendar-multiget>`;
    const response = await report(colleague, body);
    expect(response.statusCode).toBe(207);
    expect(response.body.match(/404 Not Found/g)).toHaveLength(3);
  });

  it('answers free-busy with busy time only, and refuses unknown reports (403 supported-report)', async () => {
    const fb = await report(colleague, '<c:free-busy-query xmlns:c="urn:ietf:params:xml:ns:caldav"><c:time-range start="20260301T000000Z" end="20260310T000000Z"/></c:free-busy-query>');
    expect(fb.statusCode).toBe(200);
    expect(fb.headers['content-type']).toContain('text/calendar');
    expect(fb.body).not.toContain('Medical');
    expect(fb.body.replace(/\r\n /g, '')).toContain('20260302T010000Z/20260302T020000Z');
    const unknown = await report(colleague, '<d:expand-property xmlns:d="DAV:"/>');
    expect(unknown.statusCode).toBe(403);
    expect(unknown.body).toContain('supported-report');
  });

  it('answers the same query again with what changed since (answers are kept only while the collection is unchanged)', async () => {
    const before = (await davRequest(t, owner, 'REPORT', `/dav/calendars/${owner.userId}/${calendarId}/`, query(month), { depth: '1' })).body;
    expect(before).toContain('Team lunch');
    const [lunch] = await t.testDb.database.query<{ id: string }>(`select id from entries where title = 'Team lunch'`);
    expect((await t.as(owner, { method: 'PATCH', url: `/api/v1/entries/${lunch!.id}`, payload: { title: 'Team lunch (moved upstairs)' } })).statusCode).toBe(200);
    const after = (await davRequest(t, owner, 'REPORT', `/dav/calendars/${owner.userId}/${calendarId}/`, query(month), { depth: '1' })).body;
    expect(after).toContain('Team lunch (moved upstairs)');
  });

  it('refuses a malformed time range naming it (403 valid-filter)', async () => {
    const response = await report(colleague, query('<c:comp-filter name="VEVENT"><c:time-range start="2026-03-01" end="20260401T000000Z"/></c:comp-filter>'));
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('valid-filter');
    expect(response.body).toContain('time-range start');
  });
});
