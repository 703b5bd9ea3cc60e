import { expect } from 'vitest';
import type { Session, TestApp } from '../../../test/support/app.js';
import { calendarIdOf, entryPayload } from '../../../test/support/fixtures.js';

/** Shared steps of the attendance database tests (not a test file itself). */
export function attendanceSteps(t: TestApp) {
  return {
    async entry(session: Session, overrides: Record<string, unknown> = {}, calendar = 'coordination'): Promise<{ id: string; title: string }> {
      const calendarId = await calendarIdOf(t, session, calendar);
      const response = await t.as(session, { method: 'POST', url: '/api/v1/entries', payload: entryPayload(calendarId, { title: 'Community consultation', ...overrides }) });
      expect(response.statusCode, response.body).toBe(201);
      return response.json();
    },
    async participant(session: Session, entryId: string, body: Record<string, unknown>): Promise<{ id: string; name: string }> {
      const response = await t.as(session, { method: 'POST', url: `/api/v1/entries/${entryId}/participants`, payload: body });
      expect(response.statusCode, response.body).toBe(201);
      return response.json();
    },
    async list(session: Session, entryId: string, recurrenceId?: string) {
      const response = await t.as(session, { method: 'GET', url: `/api/v1/entries/${entryId}/participants${recurrenceId ? `?recurrenceId=${recurrenceId}` : ''}` });
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    },
    async count(sql: string, params: unknown[] = []): Promise<number> {
      const [row] = await t.testDb.database.query<{ n: number }>(sql, params);
      return row!.n;
    },
  };
}
