import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.js';
import { syncHolidays } from './sync-holidays.js';

let t: TestApp;
let admin: Session;
let staff: Session;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login(t.admin.email, t.admin.password);
  staff = await t.userSession('staff');
});
afterAll(async () => t?.close());

const sync = (session: Session, body: unknown) => t.as(session, { method: 'POST', url: '/api/v1/holidays/sync', payload: body as object });
const rows = (externalId: string) =>
  t.testDb.database.query<{ version: number; sequence: number; start_date: string; deleted_at: Date | null; updated_at: Date }>(
    "select version, sequence, start_date::text, deleted_at, updated_at from entries where source_system = 'holidays' and external_id = $1", [externalId]);

describe('holidays calendar', () => {
  it('fills the holidays calendar once; a second sync changes nothing', async () => {
    const first = await sync(admin, { fromYear: 2026, toYear: 2026 });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().created).toBeGreaterThan(15);
    const [before] = await rows('PH-2026-independence-day');
    expect(before).toMatchObject({ start_date: '2026-06-12', version: 1 });
    const second = (await sync(admin, { fromYear: 2026, toYear: 2026 })).json();
    expect(second).toMatchObject({ created: 0, updated: 0, removed: 0, unchanged: first.json().created });
    expect(await rows('PH-2026-independence-day')).toEqual([before]);
  });

  it('shows national holidays and Islamic observances to everyone in the calendar feed', async () => {
    const events = (await t.as(staff, { method: 'GET', url: '/api/v1/calendar?start=2026-03-01&end=2026-09-01' })).json() as { title: string; start: string; allDay: boolean; editable: boolean }[];
    const on = (pattern: RegExp) => events.filter((e) => pattern.test(e.title)).map((e) => e.start);
    expect(on(/^Independence Day$/)).toEqual(['2026-06-12']);
    expect(on(/Eid al-Fitr/)).toEqual(['2026-03-20']);
    expect(on(/Eid al-Adha/)).toEqual(['2026-05-27']);
    expect(on(/Islamic New Year/)).toEqual(['2026-06-16']);
    expect(on(/Maulid/)).toEqual(['2026-08-25']);
    expect(events.filter((e) => /Eid/.test(e.title)).every((e) => e.allDay && !e.editable)).toBe(true);
    expect(await rows('PH-1447AH-eid-al-fitr')).toHaveLength(1);
  });

  it('puts a changed holiday back (version and SEQUENCE up) and retires one the data no longer has', async () => {
    await t.testDb.database.query("update entries set start_date = '2026-06-13', end_date = '2026-06-14' where source_system = 'holidays' and external_id = 'PH-2026-independence-day'");
    const [calendar] = await t.testDb.database.query<{ id: string; organization_id: string }>("select id, organization_id from calendars where type = 'holidays'");
    await t.testDb.database.query(
      `insert into entries (organization_id, calendar_id, uid, module, kind, title, all_day, start_at, end_at, start_date, end_date, span_start, span_end, source_system, external_id)
       values ($1, $2, 'stale@holidays', 'community', 'observance', 'Withdrawn holiday', true, '2026-02-01T00:00+08', '2026-02-02T00:00+08', '2026-02-01', '2026-02-02', '2026-02-01T00:00+08', '2026-02-02T00:00+08', 'holidays', 'PH-2026-withdrawn')`,
      [calendar!.organization_id, calendar!.id]);
    const result = await syncHolidays(t.testDb.database.db, t.organizationId, 2026, 2026);
    expect(result).toMatchObject({ updated: 1, removed: 1, created: 0 });
    expect(await rows('PH-2026-independence-day')).toMatchObject([{ start_date: '2026-06-12', version: 2, sequence: 1 }]);
    expect((await rows('PH-2026-withdrawn'))[0]!.deleted_at).not.toBeNull();
  });

  it('is for admins only (403) and checks the years (400 on toYear)', async () => {
    expect((await sync(staff, { fromYear: 2026, toYear: 2026 })).statusCode).toBe(403);
    const backwards = await sync(admin, { fromYear: 2027, toYear: 2026 });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0].field).toBe('toYear');
  });
});
