import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { listKinds } from './registry.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('GET /api/v1/modules/kinds', () => {
  it.each(['viewer', 'staff', 'admin'] as const)('gives a signed-in %s every kind with its statuses and details schema', async (role) => {
    const res = await t.as(await t.userSession(role), { method: 'GET', url: '/api/v1/modules/kinds' });
    expect(res.statusCode, res.body).toBe(200);
    const { modules, kinds } = res.json();
    expect(modules).toContainEqual(expect.objectContaining({ module: 'staff', label: expect.any(String) }));
    expect(kinds).toHaveLength(listKinds().length);
    const task = kinds.find((k: { module: string; kind: string }) => k.module === 'staff' && k.kind === 'task');
    expect(task.label).toBe('Staff task');
    expect(task.statuses.map((s: { status: string }) => s.status)).toContain(task.defaultStatus);
    expect(task.detailsJsonSchema.required).toEqual(expect.arrayContaining(['assigneeId', 'dueDate']));
    expect(task.detailsJsonSchema.properties.dueDate).toMatchObject({ type: 'string', format: 'date' });
  });

  it('answers 401 without a session', async () => {
    const res = await t.as(null, { method: 'GET', url: '/api/v1/modules/kinds' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
