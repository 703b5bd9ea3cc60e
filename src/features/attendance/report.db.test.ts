import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.js';
import { attendanceSteps } from './test-helpers.js';

let t: TestApp;
let staff: Session;
let outsider: Session;
let steps: ReturnType<typeof attendanceSteps>;
let communityId: string;
const ids: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp();
  staff = await t.userSession('staff');
  outsider = await t.userSession('staff');
  steps = attendanceSteps(t);
  communityId = randomUUID();
  await t.testDb.database.query("insert into communities (id, organization_id, level, name, path) values ($1, $2, 'barangay', 'Barangay Tamontaka', array[$1]::uuid[])", [communityId, t.organizationId]);
  // A consultation (4 invited: 3 going, 2 came, plus 1 walk-in), and a weekly training (2 invited) in two occurrences.
  const consultation = await steps.entry(staff, { title: '=HYPERLINK("x") consultation', start: '2027-03-02T09:00:00+08:00', end: '2027-03-02T12:00:00+08:00', communityId });
  const people = [];
  for (let i = 0; i < 4; i++) people.push(await steps.participant(staff, consultation.id, { name: `C${i}`, notify: false }));
  await t.testDb.database.query("update entry_participants set rsvp = 'going' where entry_id = $1 and name in ('C0','C1','C2')", [consultation.id]);
  await t.as(staff, { method: 'PUT', url: `/api/v1/entries/${consultation.id}/attendance/expected`, payload: { expected: 4 } });
  await checkIn(consultation.id, people.slice(0, 2).map((p) => p.id));
  await t.as(staff, { method: 'POST', url: `/api/v1/entries/${consultation.id}/walk-ins`, payload: { name: 'Walk-in' } });
  const training = await steps.entry(staff, { title: 'Weekly training', start: '2027-03-03T09:00:00+08:00', end: '2027-03-03T11:00:00+08:00', rrule: 'FREQ=WEEKLY;COUNT=2', module: 'staff' }, 'staff');
  const trainees = [await steps.participant(staff, training.id, { name: 'T0', notify: false }), await steps.participant(staff, training.id, { name: 'T1', notify: false })];
  await checkIn(training.id, trainees.map((p) => p.id), '2027-03-03T09:00:00');
  await checkIn(training.id, [trainees[0]!.id], '2027-03-10T09:00:00');
  ids.consultation = consultation.id;
  ids.training = training.id;
});
afterAll(async () => t?.close());

async function checkIn(entryId: string, participantIds: string[], recurrenceId?: string) {
  const scans = participantIds.map((participantId) => ({ idempotencyKey: randomUUID(), clientTime: new Date().toISOString(), entryId, participantId, recurrenceId }));
  const response = await t.as(staff, { method: 'POST', url: '/api/v1/attendance/check-ins', payload: { scans } });
  expect(response.json().summary.applied, response.body).toBe(participantIds.length);
}

const period = 'from=2027-03-01T00:00:00%2B08:00&to=2027-04-01T00:00:00%2B08:00';

describe('attendance reports', () => {
  it('reports one entry per occurrence: invited, going, attended, walk-ins, rate, expected', async () => {
    const report = (await t.as(staff, { method: 'GET', url: `/api/v1/entries/${ids.consultation}/attendance/report` })).json();
    expect(report.rows).toHaveLength(1);
    expect(report.rows[0]).toMatchObject({ invited: 4, going: 3, attended: 3, walkIns: 1, attendedInvited: 2, rate: 0.5, expected: 4, difference: -1 });
    const series = (await t.as(staff, { method: 'GET', url: `/api/v1/entries/${ids.training}/attendance/report` })).json();
    expect(series.rows.map((r: { recurrenceId: string; attended: number; rate: number }) => [r.recurrenceId, r.attended, r.rate])).toEqual([['2027-03-03T09:00:00', 2, 1], ['2027-03-10T09:00:00', 1, 0.5]]);
    expect(series.total).toMatchObject({ invited: 4, attended: 3, rate: 0.75 });
  });

  it('groups across entries by module, community and month', async () => {
    const byModule = (await t.as(staff, { method: 'GET', url: `/api/v1/attendance/report?${period}&groupBy=module` })).json();
    expect(byModule.groups.map((g: { key: string; occurrences: number; attended: number }) => [g.key, g.occurrences, g.attended])).toEqual([['coordination', 1, 3], ['staff', 2, 3]]);
    expect(byModule.total).toMatchObject({ invited: 8, attended: 6, walkIns: 1, rate: 0.625 });
    const byCommunity = (await t.as(staff, { method: 'GET', url: `/api/v1/attendance/report?${period}&groupBy=community&communityId=${communityId}` })).json();
    expect(byCommunity.groups).toEqual([expect.objectContaining({ key: 'Barangay Tamontaka', occurrences: 1, attended: 3 })]);
    const staffOnly = (await t.as(staff, { method: 'GET', url: `/api/v1/attendance/report?${period}&groupBy=month&module=staff` })).json();
    expect(staffOnly.groups).toEqual([expect.objectContaining({ key: '2027-03', occurrences: 2, attended: 3 })]);
  });

  it('writes CSV (formulas neutralised), XLSX, PDF and a print view', async () => {
    const csv = await t.as(staff, { method: 'GET', url: `/api/v1/attendance/report?${period}&groupBy=none&format=csv` });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain(`"'=HYPERLINK(""x"") consultation"`);
    expect(csv.body.split('\r\n')[0]).toContain('date,title,module,community,occurrence,invited');
    const xlsx = await t.as(staff, { method: 'GET', url: `/api/v1/attendance/report?${period}&format=xlsx` });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('Attendance')!.getRow(2).getCell(1).value).toBe('coordination');
    const pdf = await t.as(staff, { method: 'GET', url: `/api/v1/attendance/report?${period}&format=pdf` });
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const html = await t.as(staff, { method: 'GET', url: `/api/v1/entries/${ids.consultation}/attendance/report?format=html` });
    expect(html.body).toContain('=HYPERLINK(&quot;x&quot;) consultation');
  });

  it('shows outsiders nothing: no entry report (404) and nothing in the period report', async () => {
    const personal = await steps.entry(staff, { start: '2027-03-05T09:00:00+08:00', end: '2027-03-05T10:00:00+08:00' }, 'personal');
    await steps.participant(staff, personal.id, { name: 'Secret', notify: false });
    expect((await t.as(outsider, { method: 'GET', url: `/api/v1/entries/${personal.id}/attendance/report` })).statusCode).toBe(404);
    const report = (await t.as(outsider, { method: 'GET', url: `/api/v1/attendance/report?${period}&groupBy=none` })).json();
    expect(report.rows.map((r: { entryId: string }) => r.entryId)).not.toContain(personal.id);
    const bad = await t.as(staff, { method: 'GET', url: '/api/v1/attendance/report?from=2027-03-01T00:00:00Z&to=2027-02-01T00:00:00Z' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('to');
  });
});
