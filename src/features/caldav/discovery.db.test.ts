import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { calendarIdOf } from '../../../test/support/fixtures.js';
import { davRequest, type DavUser, davUser, propfindBody } from './test-helpers.js';

let t: TestApp;
let user: DavUser;
let personal: string;

beforeAll(async () => {
  t = await createTestApp({ LOGIN_RATE_LIMIT: '5' });
  user = await davUser(t);
  personal = await calendarIdOf(t, user, 'personal');
});
afterAll(async () => t?.close());

describe('CalDAV discovery', () => {
  it('points /.well-known/caldav at the context root, and says it speaks calendar-access to OPTIONS (301, 200)', async () => {
    const redirect = await davRequest(t, null, 'PROPFIND', '/.well-known/caldav');
    expect(redirect.statusCode).toBe(301);
    expect(redirect.headers.location).toBe('/dav/');
    const options = await davRequest(t, null, 'OPTIONS', '/dav/');
    expect(options.statusCode).toBe(200);
    expect(options.headers.dav).toContain('calendar-access');
  });

  it('finds the principal from the site root, then the home, then a collection per calendar (207)', async () => {
    const root = await davRequest(t, user, 'PROPFIND', '/', propfindBody('d:current-user-principal'), { depth: '0' });
    expect(root.statusCode, root.body).toBe(207);
    const principal = /<D:current-user-principal><D:href>([^<]+)<\/D:href>/.exec(root.body)![1]!;
    expect(principal).toBe(`/dav/principals/${user.userId}/`);
    const found = await davRequest(t, user, 'PROPFIND', principal, propfindBody('c:calendar-home-set', 'c:calendar-user-address-set', 'd:displayname'), { depth: '0' });
    expect(found.body).toContain(`<C:calendar-home-set><D:href>/dav/calendars/${user.userId}/</D:href>`);
    expect(found.body).toContain(`mailto:${user.email}`);
    const home = await davRequest(t, user, 'PROPFIND', `/dav/calendars/${user.userId}/`,
      propfindBody('d:resourcetype', 'd:displayname', 'cs:getctag', 'd:sync-token', 'c:supported-calendar-component-set', 'd:current-user-privilege-set', 'a:calendar-color', 'x:unknown xmlns:x="urn:x"'), { depth: '1' });
    expect(home.statusCode, home.body).toBe(207);
    expect(home.body).toContain(`<D:href>/dav/calendars/${user.userId}/${personal}/</D:href>`);
    expect(home.body).toContain('<C:calendar/>');
    expect(home.body).toContain('<C:comp name="VEVENT"/>');
    expect(home.body).toContain('<D:privilege><D:write-content/></D:privilege>');
    expect(home.body).toMatch(/<D:sync-token>urn:kalendaryo:sync:/);
    expect(home.body).toContain('HTTP/1.1 404 Not Found');
  });

  it('refuses Depth: infinity (403 propfind-finite-depth) and malformed XML or a DOCTYPE (400)', async () => {
    const infinite = await davRequest(t, user, 'PROPFIND', `/dav/calendars/${user.userId}/`, propfindBody('d:displayname'), { depth: 'infinity' });
    expect(infinite.statusCode).toBe(403);
    expect(infinite.body).toContain('propfind-finite-depth');
    const broken = await davRequest(t, user, 'PROPFIND', '/dav/', '<d:propfind xmlns:d="DAV:"><d:prop>', { depth: '0' });
    expect(broken.statusCode).toBe(400);
    const laughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><d:propfind xmlns:d="DAV:"><d:prop><d:displayname>&lol2;</d:displayname></d:prop></d:propfind>';
    const entity = await davRequest(t, user, 'PROPFIND', '/dav/', laughs, { depth: '0' });
    expect(entity.statusCode).toBe(400);
    expect(entity.body).toContain('DOCTYPE');
  });

  it('answers another user\'s principal, home and collections with 404', async () => {
    const other = await davUser(t);
    const theirs = await calendarIdOf(t, other, 'personal');
    for (const url of [`/dav/principals/${other.userId}/`, `/dav/calendars/${other.userId}/`, `/dav/calendars/${other.userId}/${theirs}/`, `/dav/calendars/${user.userId}/00000000-0000-4000-8000-000000000000/`]) {
      const response = await davRequest(t, user, 'PROPFIND', url, propfindBody('d:displayname'), { depth: '0' });
      expect(response.statusCode, url).toBe(404);
    }
  });

  it('asks for Basic credentials (401 with WWW-Authenticate) and limits wrong ones like sign-in (429)', async () => {
    const none = await davRequest(t, null, 'PROPFIND', '/dav/', propfindBody('d:current-user-principal'));
    expect(none.statusCode).toBe(401);
    expect(none.headers['www-authenticate']).toContain('Basic realm="Kalendaryo"');
    const wrongEmail = { authorization: `Basic ${Buffer.from(`someone@test.local:${user.token}`).toString('base64')}` };
    expect((await davRequest(t, wrongEmail, 'PROPFIND', '/dav/', propfindBody('d:current-user-principal'))).statusCode).toBe(401);
    const wrong = { authorization: `Basic ${Buffer.from(`${user.email}:kal_wrong`).toString('base64')}` };
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await davRequest(t, wrong, 'PROPFIND', '/dav/', propfindBody('d:current-user-principal'))).statusCode);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses[5]).toBe(429);
    // The right token is refused too while the limit lasts: guessing cannot be told apart from it.
    const limited = await davRequest(t, user, 'PROPFIND', '/dav/', propfindBody('d:current-user-principal'));
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
  });
});
