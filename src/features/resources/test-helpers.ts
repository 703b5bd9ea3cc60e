import { afterAll, beforeAll, expect } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.js';
import { calendarIdOf, entryPayload } from '../../../test/support/fixtures.js';

/** Shared steps of the resources database tests (not a test file itself). */
export function resourceSteps(t: TestApp) {
  return {
    async resource(session: Session, body: Record<string, unknown> = {}): Promise<{ id: string; name: string; version: number }> {
      const response = await t.as(session, { method: 'POST', url: '/api/v1/resources', payload: { type: 'room', name: `Room ${Math.random().toString(36).slice(2, 8)}`, ...body } });
      expect(response.statusCode, response.body).toBe(201);
      return response.json();
    },
    async entry(session: Session, overrides: Record<string, unknown> = {}): Promise<{ id: string; version: number }> {
      const calendarId = await calendarIdOf(t, session, 'personal');
      const response = await t.as(session, { method: 'POST', url: '/api/v1/entries', payload: entryPayload(calendarId, overrides) });
      expect(response.statusCode, response.body).toBe(201);
      return response.json();
    },
    book(session: Session, body: Record<string, unknown>, headers: Record<string, string> = {}) {
      return t.as(session, { method: 'POST', url: '/api/v1/bookings', payload: body, headers });
    },
    async count(where = 'true'): Promise<number> {
      const [row] = await t.testDb.database.query<{ n: number }>(`select count(*)::int as n from resource_bookings where ${where}`);
      return row!.n;
    },
  };
}

export const at = (hhmm: string, day = '2026-03-02') => `${day}T${hhmm}:00+08:00`;

export interface ResourceTestContext {
  t: TestApp;
  keeper: Session;
  staff: Session;
  colleague: Session;
  steps: ReturnType<typeof resourceSteps>;
}

/** One app per test file with a resource manager and two staff members, closed after the file. */
export function useResourceTestApp(): ResourceTestContext {
  const ctx = {} as ResourceTestContext;
  beforeAll(async () => {
    ctx.t = await createTestApp();
    ctx.keeper = await ctx.t.userSession('resource_manager');
    ctx.staff = await ctx.t.userSession('staff');
    ctx.colleague = await ctx.t.userSession('staff');
    ctx.steps = resourceSteps(ctx.t);
  });
  afterAll(async () => ctx.t?.close());
  return ctx;
}
