import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.js';
import { OVERRIDE_TITLE, PRIVATE_TITLE, privateSeriesSharedWith } from '../../../test/support/private-series.js';

let t: TestApp;
let owner: Session;
let colleague: Session;
let calendarId: string;

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.userSession('staff');
  colleague = await t.userSession('staff');
  ({ calendarId } = await privateSeriesSharedWith(t, owner, colleague));
});
afterAll(async () => t?.close());

const query = `start=2026-03-01&end=2026-04-01&calendars=`;

describe('a changed occurrence of a private series', () => {
  it('is busy to a colleague in the range query, cached or not (200)', async () => {
    for (const url of [`/api/v1/calendar?${query}${calendarId}`, `/api/v1/calendar?${query}${calendarId}&q=appointment`, `/api/v1/calendar.json?${query}${calendarId}`]) {
      const response = await t.as(colleague, { method: 'GET', url });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.body).not.toContain(PRIVATE_TITLE);
    }
    const events = (await t.as(colleague, { method: 'GET', url: `/api/v1/calendar?${query}${calendarId}` })).json() as { title: string; extendedProps: { busyOnly: boolean } }[];
    expect(events.filter((e) => e.title === 'Busy')).toHaveLength(4);
    expect(events.find((e) => e.title === 'Team lunch')?.extendedProps.busyOnly).toBe(false);
  });

  it('is busy to a colleague in the iCalendar export, and in full to its owner (200)', async () => {
    const theirs = await t.as(colleague, { method: 'GET', url: `/api/v1/calendar.ics?${query}${calendarId}` });
    expect(theirs.statusCode).toBe(200);
    expect(theirs.body).not.toContain('Medical');
    const mine = await t.as(owner, { method: 'GET', url: `/api/v1/calendar.ics?${query}${calendarId}` });
    expect(mine.body).toContain(OVERRIDE_TITLE);
  });
});
