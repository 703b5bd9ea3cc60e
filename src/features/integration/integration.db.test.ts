import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.js';
import { calendarIdOf, countEntries, entryPayload } from '../../../test/support/fixtures.js';

let t: TestApp;
let staff: Session;
let viewer: Session;
let cal: string;

beforeAll(async () => {
  t = await createTestApp();
  staff = await t.userSession('staff');
  viewer = await t.userSession('viewer');
  cal = await calendarIdOf(t, staff, 'coordination');
});
afterAll(async () => t?.close());

const put = (session: Session, externalId: string, body: unknown, system = 'hris') =>
  t.as(session, { method: 'PUT', url: `/api/v1/sources/${system}/entries/${encodeURIComponent(externalId)}`, payload: body as object });
const del = (session: Session, externalId: string) => t.as(session, { method: 'DELETE', url: `/api/v1/sources/hris/entries/${externalId}` });

describe('source upserts', () => {
  it('creates on the first call (201) and writes nothing on the same call again', async () => {
    const body = entryPayload(cal, { title: 'Training on data privacy', details: { b: 1, a: { y: 2, x: 1 } } });
    const first = await put(staff, 'TR-1', body);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.headers['kalendaryo-result']).toBe('created');
    const second = await put(staff, 'TR-1', body);
    expect(second.statusCode).toBe(200);
    expect(second.headers['kalendaryo-result']).toBe('unchanged');
    expect(second.json()).toMatchObject({ id: first.json().id, version: first.json().version, updatedAt: first.json().updatedAt, sequence: 0 });
    // the same instants written with another offset are no change either
    const utc = await put(staff, 'TR-1', { ...body, start: '2026-03-02T01:00:00Z', end: '2026-03-02T02:30:00Z' });
    expect(utc.headers['kalendaryo-result']).toBe('unchanged');
    const [row] = await t.testDb.database.query<{ source_system: string; external_id: string }>('select source_system, external_id from entries where id = $1', [first.json().id]);
    expect(row).toEqual({ source_system: 'hris', external_id: 'TR-1' });
  });

  it('updates what changed: version+1, SEQUENCE+1 only when the times move', async () => {
    const body = entryPayload(cal, { title: 'Budget hearing', description: 'first draft' });
    const created = (await put(staff, 'BH-7', body)).json();
    const described = await put(staff, 'BH-7', { ...body, description: 'second draft' });
    expect(described.headers['kalendaryo-result']).toBe('updated');
    expect(described.json()).toMatchObject({ version: created.version + 1, sequence: created.sequence, description: 'second draft' });
    const moved = await put(staff, 'BH-7', { ...body, description: 'second draft', start: '2026-03-03T09:00:00+08:00', end: '2026-03-03T10:00:00+08:00' });
    expect(moved.json()).toMatchObject({ version: created.version + 2, sequence: created.sequence + 1, start: '2026-03-03T09:00:00+08:00' });
    // a field left out goes back to its default: PUT sends the whole entry
    const plain = await put(staff, 'BH-7', { ...body, start: '2026-03-03T09:00:00+08:00', end: '2026-03-03T10:00:00+08:00', description: undefined });
    expect(plain.json()).toMatchObject({ description: null, sequence: created.sequence + 1 });
  });

  it('keeps sources apart: the same external id in two systems is two entries', async () => {
    const a = (await put(staff, 'X-1', entryPayload(cal), 'mana-app')).json();
    const b = (await put(staff, 'X-1', entryPayload(cal), 'hris')).json();
    expect(a.id).not.toBe(b.id);
  });

  it('deletes as a tombstone (204), again 204 without a change, unknown 404; a later PUT brings it back', async () => {
    const created = (await put(staff, 'LV-3', entryPayload(cal))).json();
    expect((await del(staff, 'LV-3')).statusCode).toBe(204);
    const [gone] = await t.testDb.database.query<{ deleted_at: Date | null; version: number }>('select deleted_at, version from entries where id = $1', [created.id]);
    expect(gone!.deleted_at).not.toBeNull();
    expect((await del(staff, 'LV-3')).statusCode).toBe(204);
    const [still] = await t.testDb.database.query<{ version: number }>('select version from entries where id = $1', [created.id]);
    expect(still!.version).toBe(gone!.version);
    expect((await del(staff, 'never-sent')).statusCode).toBe(404);
    const back = await put(staff, 'LV-3', entryPayload(cal));
    expect(back.statusCode).toBe(201);
    expect(back.json().id).toBe(created.id);
    expect((await t.as(staff, { method: 'GET', url: `/api/v1/entries/${created.id}` })).statusCode).toBe(200);
  });

  it('needs edit access to the calendar: viewer 403, unknown or foreign calendar 422, nothing written', async () => {
    const before = await countEntries(t);
    const asViewer = await put(viewer, 'V-1', entryPayload(cal));
    expect(asViewer.statusCode).toBe(403);
    const unknown = await put(staff, 'V-2', entryPayload('00000000-0000-4000-8000-000000000000'));
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors[0].field).toBe('calendarId');
    const other = await t.userSession('staff');
    const theirs = await calendarIdOf(t, other, 'personal');
    const foreign = await put(staff, 'V-3', entryPayload(theirs));
    expect([403, 422]).toContain(foreign.statusCode);
    const [org] = await t.testDb.database.query<{ id: string }>("insert into organizations (name, slug) values ('Elsewhere', 'elsewhere') returning id");
    const [elsewhere] = await t.testDb.database.query<{ id: string }>("insert into calendars (organization_id, name, type, module) values ($1, 'Their coordination', 'organisation', 'coordination') returning id", [org!.id]);
    const otherOrg = await put(staff, 'V-4', entryPayload(elsewhere!.id));
    expect(otherOrg.statusCode).toBe(422);
    expect(otherOrg.json().errors[0].field).toBe('calendarId');
    expect((await del(viewer, 'TR-1')).statusCode).toBe(403);
    expect(await countEntries(t)).toBe(before);
  });
});
