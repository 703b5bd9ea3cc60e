import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.js';
import { calendarIdOf, countEntries, entryPayload } from '../../../test/support/fixtures.js';
import { BULK_MAX_LINES } from './bulk.js';

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

const bulk = (session: Session, lines: string[], contentType = 'application/x-ndjson') =>
  t.as(session, { method: 'POST', url: '/api/v1/sources/mana-app/entries:bulk', headers: { 'content-type': contentType }, payload: lines.join('\n') });
const line = (value: unknown) => JSON.stringify(value);

describe('bulk NDJSON', () => {
  it('applies good lines and reports bad ones by line, externalId and field', async () => {
    const before = await countEntries(t);
    const response = await bulk(staff, [
      line({ externalId: 'A-1', entry: entryPayload(cal, { title: 'Household survey, Dinaig' }) }),
      line({ externalId: 'A-2', entry: entryPayload(cal, { title: 5 }) }),
      '{"externalId": "A-3", ',
      '',
      line({ externalId: 'A-4', entry: entryPayload('00000000-0000-4000-8000-000000000000') }),
      line({ externalId: 'A-5', entry: entryPayload(cal, { end: '2026-03-01T00:00:00+08:00' }) }),
      line({ externalId: 'A-1', entry: entryPayload(cal, { title: 'Household survey, Dinaig' }) }),
      line({ externalId: 'A-6', entry: entryPayload(cal), delete: true }),
      line({ externalId: 'A-1', entry: entryPayload(cal, { title: 'Household survey, Dinaig Proper' }) }),
      line({ externalId: 'A-9', delete: true }),
    ]);
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    const byLine = Object.fromEntries(report.results.map((r: { line: number }) => [r.line, r]));
    expect(byLine[1]).toMatchObject({ externalId: 'A-1', result: 'created' });
    expect(byLine[2]).toMatchObject({ externalId: 'A-2', result: 'error', status: 400, errors: [{ field: 'entry.title' }] });
    expect(byLine[3]).toMatchObject({ externalId: null, result: 'error', errors: [{ field: '(line)' }] });
    expect(byLine[4]).toBeUndefined();
    expect(byLine[5]).toMatchObject({ result: 'error', status: 422, errors: [{ field: 'entry.calendarId' }] });
    expect(byLine[6]).toMatchObject({ result: 'error', status: 400, errors: [{ field: 'entry.end' }] });
    expect(byLine[7]).toMatchObject({ result: 'unchanged' });
    expect(byLine[8]).toMatchObject({ result: 'error', status: 400 });
    expect(byLine[9]).toMatchObject({ result: 'updated', version: 2 });
    expect(byLine[10]).toMatchObject({ externalId: 'A-9', result: 'error', status: 404 });
    expect(report.summary).toEqual({ created: 1, updated: 1, unchanged: 1, deleted: 0, error: 6 });
    expect(await countEntries(t)).toBe(before + 1);
  });

  it('reports a line with a NUL character or nested 10,000 deep by its field, and applies the others (400 per line)', async () => {
    const deep = `{"externalId":"N-3","entry":${JSON.stringify(entryPayload(cal)).replace(/}$/, `,"details":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`)}}`;
    const report = (await bulk(staff, [
      line({ externalId: 'N-1', entry: entryPayload(cal, { title: 'Nul\u0000here' }) }),
      line({ externalId: 'N-2', entry: entryPayload(cal) }),
      deep,
    ])).json();
    expect(report.results[0]).toMatchObject({ line: 1, result: 'error', status: 400, errors: [{ field: 'entry.title' }] });
    expect(report.results[1]).toMatchObject({ line: 2, result: 'created' });
    expect(report.results[2]).toMatchObject({ line: 3, result: 'error', status: 400, errors: [{ field: expect.stringMatching(/^entry\.details\.a/) }] });
  });

  it('deletes by line, and a second delete is unchanged', async () => {
    await bulk(staff, [line({ externalId: 'D-1', entry: entryPayload(cal) })]);
    const report = (await bulk(staff, [line({ externalId: 'D-1', delete: true }), line({ externalId: 'D-1', delete: true })])).json();
    expect(report.results.map((r: { result: string }) => r.result)).toEqual(['deleted', 'unchanged']);
  });

  it('reports a viewer per line (403) and writes nothing', async () => {
    const before = await countEntries(t);
    const report = (await bulk(viewer, [line({ externalId: 'V-1', entry: entryPayload(cal) })])).json();
    expect(report.results[0]).toMatchObject({ result: 'error', status: 403 });
    expect(await countEntries(t)).toBe(before);
  });

  it('refuses too many lines (413), an empty body (400), JSON instead of NDJSON (415) and a bad system name (400)', async () => {
    const many = Array.from({ length: BULK_MAX_LINES + 1 }, (_, i) => line({ externalId: `M-${i}`, delete: true }));
    const tooMany = await bulk(staff, many);
    expect(tooMany.statusCode).toBe(413);
    expect(tooMany.json().detail).toMatch(/at most 1000/);
    expect((await bulk(staff, ['', ' '])).statusCode).toBe(400);
    const json = await t.as(staff, { method: 'POST', url: '/api/v1/sources/mana-app/entries:bulk', payload: { externalId: 'J-1', delete: true } });
    expect(json.statusCode).toBe(415);
    const badSystem = await t.as(staff, { method: 'POST', url: '/api/v1/sources/MANA%20App/entries:bulk', headers: { 'content-type': 'application/x-ndjson' }, payload: line({ externalId: 'x', delete: true }) });
    expect(badSystem.statusCode).toBe(400);
    expect(badSystem.json().errors[0].field).toBe('system');
    const huge = await bulk(staff, [line({ externalId: 'H-1', entry: entryPayload(cal, { description: 'x'.repeat(3 * 1024 * 1024) }) })]);
    expect(huge.statusCode).toBe(413);
  });
});
