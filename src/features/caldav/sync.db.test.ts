import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { calendarIdOf } from '../../../test/support/fixtures.js';
import { dayOf, formatSyncToken, parseSnapshot, TOMBSTONE_DAYS } from './sync-token.js';
import { davRequest, type DavUser, davUser, propfindBody } from './test-helpers.js';

let t: TestApp;
let user: DavUser;
let colleague: DavUser;
let personal: string;
let other: string;
let collection: string;

const syncBody = (token: string) =>
  `<d:sync-collection xmlns:d="DAV:"><d:sync-token>${token}</d:sync-token><d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>`;
async function sync(token = '', who: DavUser = user, url = collection) {
  const response = await davRequest(t, who, 'REPORT', url, syncBody(token), { depth: '1' });
  const responses = [...response.body.matchAll(/<D:response><D:href>([^<]+)<\/D:href>(.*?)<\/D:response>/g)].map((m) => ({ href: m[1]!, gone: m[2]!.startsWith('<D:status>HTTP/1.1 404') }));
  return { status: response.statusCode, body: response.body, token: /<D:sync-token>([^<]+)</.exec(response.body)?.[1] ?? '', responses };
}
const ctag = async () => /<CS:getctag>([^<]+)</.exec((await davRequest(t, user, 'PROPFIND', collection, propfindBody('cs:getctag'), { depth: '0' })).body)![1];
const create = async (calendarId: string, title: string) =>
  ((await t.as(user, { method: 'POST', url: '/api/v1/entries', payload: { calendarId, title, start: '2026-03-02T09:00:00+08:00', end: '2026-03-02T10:00:00+08:00', rrule: 'FREQ=DAILY;COUNT=3' } })).json() as { id: string }).id;

beforeAll(async () => {
  t = await createTestApp();
  user = await davUser(t);
  colleague = await davUser(t);
  personal = await calendarIdOf(t, user, 'personal');
  other = await calendarIdOf(t, user, 'coordination');
  collection = `/dav/calendars/${user.userId}/${personal}/`;
});
afterAll(async () => t?.close());

describe('sync-collection (RFC 6578)', () => {
  it('lists everything without a token, then only what changed in this collection, with a token that holds while nothing does', async () => {
    const a = await create(personal, 'First');
    const first = await sync();
    expect(first.status).toBe(207);
    expect(first.responses.map((r) => r.href)).toEqual([`${collection}${a}.ics`]);
    const tag = await ctag();

    const quiet = await sync(first.token);
    expect(quiet.responses).toEqual([]);
    await create(other, 'Elsewhere');
    const stillQuiet = await sync(first.token);
    expect(stillQuiet.responses).toEqual([]);
    expect(stillQuiet.token).toBe(first.token);
    expect(await ctag()).toBe(tag);

    const b = await create(personal, 'Second');
    const next = await sync(first.token);
    expect(next.responses).toEqual([{ href: `${collection}${b}.ics`, gone: false }]);
    expect(next.token).not.toBe(first.token);
    expect(await ctag()).not.toBe(tag);

    const edited = await t.as(user, { method: 'PATCH', url: `/api/v1/entries/${a}/occurrences/2026-03-03T09:00:00`, payload: { title: 'First (moved)' } });
    expect(edited.statusCode).toBe(200);
    const afterEdit = await sync(next.token);
    expect(afterEdit.responses).toEqual([{ href: `${collection}${a}.ics`, gone: false }]);
  });

  it('reports deletions and entries moved to another calendar as gone (404), and the move as new there', async () => {
    const start = await sync();
    const [gone, moved] = [await create(personal, 'To delete'), await create(personal, 'To move')];
    const mid = await sync(start.token);
    expect(mid.responses.map((r) => r.href).sort()).toEqual([`${collection}${gone}.ics`, `${collection}${moved}.ics`].sort());
    const otherStart = await sync('', user, `/dav/calendars/${user.userId}/${other}/`);
    expect((await t.as(user, { method: 'DELETE', url: `/api/v1/entries/${gone}` })).statusCode).toBe(204);
    expect((await t.as(user, { method: 'PATCH', url: `/api/v1/entries/${moved}`, payload: { calendarId: other } })).statusCode).toBe(200);
    const after = await sync(mid.token);
    expect(after.responses.sort((x, y) => x.href.localeCompare(y.href))).toEqual(
      [{ href: `${collection}${gone}.ics`, gone: true }, { href: `${collection}${moved}.ics`, gone: true }].sort((x, y) => x.href.localeCompare(y.href)),
    );
    const there = await sync(otherStart.token, user, `/dav/calendars/${user.userId}/${other}/`);
    expect(there.responses).toEqual([{ href: `/dav/calendars/${user.userId}/${other}/${moved}.ics`, gone: false }]);
  });

  it('refuses tokens it cannot answer — malformed, made for another access level, older than the kept tombstones (403 valid-sync-token)', async () => {
    const shared = await t.as(user, { method: 'PUT', url: `/api/v1/calendars/${personal}/access`, payload: { items: [{ userId: colleague.userId, level: 'view' }] } });
    expect(shared.statusCode).toBe(200);
    const theirs = `/dav/calendars/${colleague.userId}/${personal}/`;
    const viewToken = (await sync('', colleague, theirs)).token;
    await t.as(user, { method: 'PUT', url: `/api/v1/calendars/${personal}/access`, payload: { items: [{ userId: colleague.userId, level: 'freebusy' }] } });
    const old = formatSyncToken({ level: 'manage', day: dayOf(Date.now()) - TOMBSTONE_DAYS - 1, snapshot: parseSnapshot('3:3:')! });
    for (const [who, url, token] of [[colleague, theirs, viewToken], [user, collection, 'urn:kalendaryo:sync:garbage'], [user, collection, 'http://example.org/other-server-token'], [user, collection, old]] as const) {
      const refused = await sync(token, who, url);
      expect(refused.status, token).toBe(403);
      expect(refused.body).toContain('<D:valid-sync-token/>');
    }
    expect((await sync('', colleague, theirs)).status).toBe(207);
  });
});
