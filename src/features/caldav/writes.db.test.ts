import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { calendarIdOf, countEntries } from '../../../test/support/fixtures.js';
import { davRequest, type DavUser, davUser, eventIcs } from './test-helpers.js';

let t: TestApp;
let user: DavUser;
let colleague: DavUser;
let personal: string;
let collection: string;

const put = (who: DavUser, url: string, ics: string, headers: Record<string, string> = {}) => davRequest(t, who, 'PUT', url, ics, headers);
const restEvents = async (who: DavUser, calendarId: string) =>
  (await t.as(who, { method: 'GET', url: `/api/v1/calendar?start=2026-03-01&end=2026-04-01&calendars=${calendarId}` })).json() as { title: string; start: string; extendedProps: { entryId: string; version: number } }[];
const etagOf = async (who: DavUser, url: string) => (await davRequest(t, who, 'GET', url)).headers.etag as string;

/** The request is refused and nothing at all was written. */
async function refusedWithoutWriting(request: () => Promise<{ statusCode: number; body: string }>, status: number, says: string) {
  const before = await t.testDb.database.query<{ n: string }>('select count(*)::text as n, max(change_txid)::text as last from entries');
  const response = await request();
  expect(response.statusCode, response.body).toBe(status);
  expect(response.body).toContain(says);
  expect(await t.testDb.database.query('select count(*)::text as n, max(change_txid)::text as last from entries')).toEqual(before);
}

beforeAll(async () => {
  t = await createTestApp();
  user = await davUser(t);
  colleague = await davUser(t);
  personal = await calendarIdOf(t, user, 'personal');
  collection = `/dav/calendars/${user.userId}/${personal}/`;
});
afterAll(async () => t?.close());

describe('CalDAV writes', () => {
  it('creates a series whose changed occurrence becomes an occurrence edit and whose EXDATE a skipped occurrence (201)', async () => {
    const ics = eventIcs('series-a@phone', {
      summary: 'Clinic day', start: '20260303T080000', end: '20260303T120000', rrule: 'FREQ=WEEKLY;COUNT=4', extra: ['EXDATE;TZID=Asia/Manila:20260317T080000'],
      overrides: [['RECURRENCE-ID;TZID=Asia/Manila:20260310T080000', 'DTSTART;TZID=Asia/Manila:20260310T130000', 'DTEND;TZID=Asia/Manila:20260310T170000', 'SUMMARY:Clinic day (afternoon)']],
    });
    const created = await put(user, `${collection}A1B2-phone.ics`, ics, { 'if-none-match': '*' });
    expect(created.statusCode, created.body).toBe(201);
    const events = (await restEvents(user, personal)).filter((e) => e.title.startsWith('Clinic day'));
    expect(events.map((e) => [e.title, e.start])).toEqual([
      ['Clinic day', '2026-03-03T08:00:00+08:00'],
      ['Clinic day (afternoon)', '2026-03-10T13:00:00+08:00'],
      ['Clinic day', '2026-03-24T08:00:00+08:00'],
    ]);
    const stored = await t.testDb.database.query<{ uid: string; recurrence_id: string | null }>(`select uid, recurrence_id from entries where uid = 'series-a@phone' order by recurrence_id nulls first`);
    expect(stored).toEqual([{ uid: 'series-a@phone', recurrence_id: null }, { uid: 'series-a@phone', recurrence_id: '2026-03-10T08:00:00' }]);
    const back = await davRequest(t, user, 'GET', `${collection}A1B2-phone.ics`);
    expect(back.statusCode).toBe(200);
    expect(back.body).toContain('UID:series-a@phone');
    expect(back.body).toContain('SUMMARY:Clinic day (afternoon)');
  });

  it('changes nothing when a client sends back what it was given (204, same version)', async () => {
    const url = `${collection}A1B2-phone.ics`;
    const before = await restEvents(user, personal);
    const again = await put(user, url, (await davRequest(t, user, 'GET', url)).body, { 'if-match': await etagOf(user, url) });
    expect(again.statusCode, again.body).toBe(204);
    expect((await restEvents(user, personal)).map((e) => e.extendedProps.version)).toEqual(before.map((e) => e.extendedProps.version));
  });

  it('updates with the current ETag, refuses a stale one or a create over an existing name (412)', async () => {
    const url = `${collection}A1B2-phone.ics`;
    const etag = await etagOf(user, url);
    const moved = eventIcs('series-a@phone', { summary: 'Clinic day (moved)', start: '20260303T090000', end: '20260303T130000', rrule: 'FREQ=WEEKLY;COUNT=4' });
    await refusedWithoutWriting(() => put(user, url, moved, { 'if-match': '"stale"' }), 412, 'changed since');
    await refusedWithoutWriting(() => put(user, url, moved, { 'if-none-match': '*' }), 412, 'exists already');
    expect((await put(user, url, moved, { 'if-match': etag })).statusCode).toBe(204);
    const titles = (await restEvents(user, personal)).map((e) => e.title);
    // The changed occurrence left out of the body returns to the series; the EXDATE left out restores its occurrence.
    expect(titles.filter((x) => x === 'Clinic day (moved)')).toHaveLength(4);
    expect(titles).not.toContain('Clinic day (afternoon)');
  });

  it('refuses what the user may not write, with DAV:error saying why, and writes nothing (403)', async () => {
    const shared = await t.as(user, { method: 'PUT', url: `/api/v1/calendars/${personal}/access`, payload: { items: [{ userId: colleague.userId, level: 'view' }] } });
    expect(shared.statusCode).toBe(200);
    const theirView = `/dav/calendars/${colleague.userId}/${personal}/`;
    await refusedWithoutWriting(() => put(colleague, `${theirView}new.ics`, eventIcs('colleague-1@phone')), 403, 'need-privileges');
    await refusedWithoutWriting(() => davRequest(t, colleague, 'DELETE', `${theirView}A1B2-phone.ics`), 403, 'need-privileges');

    await t.as(user, { method: 'PUT', url: `/api/v1/calendars/${personal}/access`, payload: { items: [{ userId: colleague.userId, level: 'edit' }] } });
    const secret = await t.as(user, { method: 'POST', url: '/api/v1/entries', payload: { calendarId: personal, title: 'Private matter', visibility: 'private', start: '2026-03-20T09:00:00+08:00', end: '2026-03-20T10:00:00+08:00' } });
    const secretId = (secret.json() as { id: string }).id;
    await refusedWithoutWriting(() => put(colleague, `${theirView}${secretId}.ics`, eventIcs(`${secretId}@kalendaryo`, { summary: 'Overwritten' })), 403, 'need-privileges');
    await refusedWithoutWriting(() => davRequest(t, colleague, 'DELETE', `${theirView}${secretId}.ics`), 403, 'need-privileges');

    const staffCalendar = await calendarIdOf(t, user, 'staff');
    const training = await t.as(user, { method: 'POST', url: '/api/v1/modules/staff/trainings', payload: { title: 'Records training', start: '2026-03-25T09:00:00+08:00', end: '2026-03-25T12:00:00+08:00' } });
    expect(training.statusCode, training.body).toBe(201);
    const [projected] = await t.testDb.database.query<{ id: string; uid: string }>(`select id, uid from entries where title = 'Records training'`);
    const projectedUrl = `/dav/calendars/${user.userId}/${staffCalendar}/${projected!.id}.ics`;
    await refusedWithoutWriting(() => put(user, projectedUrl, eventIcs(projected!.uid, { summary: 'Renamed' })), 403, 'module-record');
    await refusedWithoutWriting(() => davRequest(t, user, 'DELETE', projectedUrl), 403, 'module-record');
  });

  it('refuses a UID that another entry holds, even one the user cannot see (403 no-uid-conflict)', async () => {
    const other = await davUser(t);
    const theirs = await calendarIdOf(t, other, 'personal');
    expect((await put(other, `/dav/calendars/${other.userId}/${theirs}/party.ics`, eventIcs('party@crash'))).statusCode).toBe(201);
    await refusedWithoutWriting(() => put(user, `${collection}crash.ics`, eventIcs('party@crash', { summary: 'Crashed' })), 403, 'no-uid-conflict');
    const duplicate = await put(user, `${collection}copy.ics`, eventIcs('series-a@phone'));
    expect(duplicate.statusCode).toBe(403);
    expect(duplicate.body).toContain(`<D:href>${collection}A1B2-phone.ics</D:href>`);
  });

  it('refuses bad bodies: malformed naming the line (400), tasks (403), too large (413), not iCalendar (415)', async () => {
    const broken = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x@y\r\nDTSTART:2026-03-01\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
    await refusedWithoutWriting(() => put(user, `${collection}broken.ics`, broken), 400, 'line 5');
    const todo = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTODO\r\nUID:todo@y\r\nSUMMARY:Do it\r\nEND:VTODO\r\nEND:VCALENDAR\r\n';
    await refusedWithoutWriting(() => put(user, `${collection}todo.ics`, todo), 403, 'supported-calendar-component');
    const twoUids = `${eventIcs('one@y').replace('END:VCALENDAR\r\n', '')}BEGIN:VEVENT\r\nUID:two@y\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260301T000000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;
    await refusedWithoutWriting(() => put(user, `${collection}two.ics`, twoUids), 400, 'valid-calendar-object-resource');
    const huge = eventIcs('huge@y', { extra: [`DESCRIPTION:${'x'.repeat(1_100_000)}`] });
    await refusedWithoutWriting(() => put(user, `${collection}huge.ics`, huge), 413, 'max-resource-size');
    await refusedWithoutWriting(() => davRequest(t, user, 'PUT', `${collection}json.ics`, undefined, { 'content-type': 'application/json' }), 415, 'text/calendar');
    await refusedWithoutWriting(() => put(user, `${collection}..%2F..%2Fescape.ics`, eventIcs('escape@y')), 404, 'Nothing is here');
    const count = await countEntries(t);
    expect((await put(user, `/dav/calendars/${colleague.userId}/${personal}/mine.ics`, eventIcs('elsewhere@y'))).statusCode).toBe(404);
    expect(await countEntries(t)).toBe(count);
  });

  it('deletes with If-Match, and the entry leaves the REST calendar (412, 204)', async () => {
    const url = `${collection}A1B2-phone.ics`;
    await refusedWithoutWriting(() => davRequest(t, user, 'DELETE', url, undefined, { 'if-match': '"old"' }), 412, 'changed since');
    expect((await davRequest(t, user, 'DELETE', url, undefined, { 'if-match': await etagOf(user, url) })).statusCode).toBe(204);
    expect((await restEvents(user, personal)).some((e) => e.title.startsWith('Clinic day'))).toBe(false);
    expect((await davRequest(t, user, 'GET', url)).statusCode).toBe(404);
  });
});
