import type { Session, TestApp } from './app.js';

export async function calendarIdOf(t: TestApp, session: Session, module: string): Promise<string> {
  const items = (await t.as(session, { method: 'GET', url: '/api/v1/calendars' })).json().items as { id: string; module: string | null; type: string; ownerId: string | null }[];
  const found = module === 'personal' ? items.find((c) => c.type === 'personal' && c.ownerId === session.userId) : items.find((c) => c.module === module);
  if (!found) throw new Error(`no calendar ${module}`);
  return found.id;
}

export const entryPayload = (calendarId: string, overrides: Record<string, unknown> = {}) => ({
  title: 'Coordination meeting with barangay officials',
  start: '2026-03-02T09:00:00+08:00',
  end: '2026-03-02T10:30:00+08:00',
  calendarId,
  ...overrides,
});

export async function countEntries(t: TestApp): Promise<number> {
  const [row] = await t.testDb.database.query<{ n: number }>('select count(*)::int as n from entries');
  return row!.n;
}
