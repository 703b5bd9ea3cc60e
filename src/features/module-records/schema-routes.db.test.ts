import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.js';
import { RECORD_TYPES } from '../modules/index.js';

let t: TestApp;
let staff: Session;

beforeAll(async () => {
  t = await createTestApp();
  staff = await t.userSession('staff');
});
afterAll(async () => t?.close());

describe('record type schemas for generated forms', () => {
  it('lists the readable record types', async () => {
    const res = await t.as(staff, { method: 'GET', url: '/api/v1/modules/types' });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toContainEqual({ module: 'staff', type: 'leave', label: 'Leave' });
  });

  it.each(RECORD_TYPES.map((r) => [r.module, r.type]))('gives %s/%s a JSON Schema without the id, whose required fields a form must fill', async (module, type) => {
    const res = await t.as(staff, { method: 'GET', url: `/api/v1/modules/${module}/${type}/schema` });
    expect(res.statusCode, res.body).toBe(200);
    const schema = res.json();
    expect(schema.type).toBe('object');
    expect(schema.properties.title).toMatchObject({ type: 'string' });
    expect(schema.properties.id).toBeUndefined();
    expect(schema.required ?? []).not.toContain('id');
  });

  it('describes leave details with the leave type choices', async () => {
    const schema = (await t.as(staff, { method: 'GET', url: '/api/v1/modules/staff/leave/schema' })).json();
    expect(schema.properties.details.properties.leaveType.enum).toContain('vacation');
  });

  it('answers 404 for an unknown type and 401 without a session', async () => {
    expect((await t.as(staff, { method: 'GET', url: '/api/v1/modules/staff/holidays/schema' })).statusCode).toBe(404);
    expect((await t.as(null, { method: 'GET', url: '/api/v1/modules/staff/leave/schema' })).statusCode).toBe(401);
  });
});
