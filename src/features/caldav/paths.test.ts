import { describe, expect, it } from 'vitest';
import { hrefOf, parseDavPath, resourceHref } from './paths.js';

const user = '0b6f3f3e-2f7a-4a53-9d43-7d1f7e1c2a10';
const cal = '9d1c6a2e-8f0b-4a4e-b2a6-5a3f3b2c1d00';

describe('DAV paths', () => {
  it('reads every level of the layout, with or without the trailing slash, from paths and absolute hrefs', () => {
    expect(parseDavPath('/dav/')).toEqual({ kind: 'root' });
    expect(parseDavPath(`/dav/principals/${user}/`)).toEqual({ kind: 'principal', userId: user });
    expect(parseDavPath(`/dav/calendars/${user}`)).toEqual({ kind: 'home', userId: user });
    expect(parseDavPath(`https://cal.example.org/dav/calendars/${user}/${cal}/`)).toEqual({ kind: 'collection', userId: user, calendarId: cal });
    expect(parseDavPath(`/dav/calendars/${user}/${cal}/abc%40google.com.ics`)).toEqual({ kind: 'resource', userId: user, calendarId: cal, name: 'abc@google.com.ics' });
  });

  it('names nothing outside the layout: traversal, encoded slashes, non-UUID ids, control characters', () => {
    for (const bad of [
      `/dav/calendars/${user}/${cal}/..`, `/dav/calendars/${user}/${cal}/%2e%2e`, `/dav/calendars/${user}/${cal}/a%2Fb.ics`,
      `/dav/calendars/${user}/../${user}/`, `/dav/calendars/not-a-uuid/`, `/dav/calendars/${user}/${cal}/x.ics/more`,
      `/dav/calendars/${user}/${cal}/%00.ics`, `/dav/calendars/${user}/${cal}/%E0%A4%A.ics`, '/api/v1/me', `/dav/other/${user}/`,
    ]) expect(parseDavPath(bad), bad).toBeNull();
  });

  it('writes hrefs that read back as the same target', () => {
    for (const name of ['abc@google.com.ics', 'a b+c=d.ics', '{4f0e}.ics', 'ünï.ics']) {
      const href = resourceHref(user, cal, name);
      expect(parseDavPath(href)).toEqual({ kind: 'resource', userId: user, calendarId: cal, name });
      expect(hrefOf(parseDavPath(href)!)).toBe(href);
    }
  });
});
