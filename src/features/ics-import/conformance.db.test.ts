import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { calendarIdOf, countEntries } from '../../../test/support/fixtures.js';
import { conformanceFile, expectedFiles, importFile, timeKey } from './test-support.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const files = Object.entries(expectedFiles());

describe('importing the public conformance files', () => {
  for (const [name, expected] of files.filter(([, e]) => e.valid)) {
    it(`${name}: the range query shows exactly the expected occurrences; a second import changes nothing`, async () => {
      const session = await t.userSession('staff');
      const calendarId = await calendarIdOf(t, session, 'personal');
      const zone = expected.floating_zone!;
      const first = await importFile(t, session, calendarId, conformanceFile(name), `?zone=${zone}`);
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json()).toMatchObject({ updated: 0, unchanged: 0 });
      expect(first.json().created).toBeGreaterThan(0);

      const [from, to] = expected.window!;
      const feed = await t.as(session, { method: 'GET', url: `/api/v1/calendar?calendars=${calendarId}&start=${from}&end=${to}` });
      expect(feed.statusCode, feed.body).toBe(200);
      const fromMs = Date.parse(from);
      // The range query also lists what began before the window and still runs; the files list starts in it.
      const startsIn = (start: string) => (/^\d{4}-\d{2}-\d{2}$/.test(start) ? Number(timeKey(`${start}T00:00:00`, zone)) : Date.parse(start)) >= fromMs;
      const got = (feed.json() as { title: string; start: string; end: string }[]).filter((e) => startsIn(e.start));
      if (expected.occurrence_count !== undefined) {
        expect(got).toHaveLength(expected.occurrence_count);
      } else {
        const key = (o: { start: string; end: string }, title: string) => `${timeKey(o.start, zone)} ${timeKey(o.end, zone)} ${title}`;
        expect(got.map((e) => key(e, e.title)).sort()).toEqual(expected.occurrences!.map((o) => key(o, o.summary.trim() || '(untitled)')).sort());
      }

      const again = await importFile(t, session, calendarId, conformanceFile(name), `?zone=${zone}`);
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: first.json().created });
    }, 120_000);
  }

  for (const [name, expected] of files.filter(([, e]) => !e.valid)) {
    it(`${name}: refused whole with 422 at line ${expected.line}, nothing written`, async () => {
      const session = await t.userSession('staff');
      const calendarId = await calendarIdOf(t, session, 'personal');
      const before = await countEntries(t);
      const response = await importFile(t, session, calendarId, conformanceFile(name));
      expect(response.statusCode, response.body).toBe(422);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ line: expected.line });
      expect(response.json().reason).toEqual(expect.any(String));
      expect(await countEntries(t)).toBe(before);
    });
  }
});
