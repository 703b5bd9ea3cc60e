import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db.js';
import { DEMO_KINDS } from './kinds.js';
import { loadDemo } from './load-demo.js';

let db: TestDatabase;
const now = new Date('2026-11-25T00:00:00Z');
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.drop());

describe('the demo organisation', () => {
  it('loads staff, communities and entries of every module kind, over working hours, once', async () => {
    const first = await loadDemo(db.database, { size: 'small', now, adminEmail: 'admin@test.local' });
    expect(first).toMatchObject({ alreadyLoaded: false, staff: 60 });
    expect(first.entries).toBeGreaterThan(4000);
    expect(first.series).toBeGreaterThan(100);
    expect(first.createdAdmin?.email).toBe('admin@test.local');

    const kinds = await db.database.query<{ module: string; kind: string }>('select distinct module, kind from entries');
    expect(kinds.map((k) => `${k.module}/${k.kind}`).sort()).toEqual(DEMO_KINDS.map((k) => `${k.module}/${k.kind}`).sort());

    const levels = await db.database.query<{ level: string; n: number }>('select level, count(*)::int as n from communities group by level order by level');
    expect(levels.map((l) => l.level)).toEqual(['barangay', 'municipality', 'province', 'region']);

    // Timed meetings sit in office hours (Asia/Manila), and past ones are not left "planned".
    const [outside] = await db.database.query<{ n: number }>(
      `select count(*)::int as n from entries where not all_day and start_at <> end_at
         and extract(hour from start_at at time zone 'Asia/Manila') not between 8 and 16`,
    );
    expect(outside!.n).toBe(0);
    const [pastPlanned] = await db.database.query<{ n: number }>("select count(*)::int as n from entries where end_at < $1 and status in ('planned', 'pending', 'not_started')", [now]);
    expect(pastPlanned!.n).toBe(0);

    const again = await loadDemo(db.database, { size: 'small', now, adminEmail: 'admin@test.local' });
    expect(again.alreadyLoaded).toBe(true);
    const [count] = await db.database.query<{ n: number }>('select count(*)::int as n from entries');
    expect(count!.n).toBe(first.entries);
  });

  it('is the same organisation on every run (seeded)', async () => {
    const digest = async (d: TestDatabase) =>
      (await d.database.query<{ h: string }>("select md5(string_agg(id::text || title || start_at::text || status, ',' order by id)) as h from entries"))[0]!.h;
    const firstDigest = await digest(db);
    // Opened after the first is done with: test databases on the embedded engine share one connection.
    const other = await createTestDatabase();
    try {
      const result = await loadDemo(other.database, { size: 'small', now, adminEmail: 'admin@test.local' });
      expect(result.entries).toBeGreaterThan(0);
      expect(await digest(other)).toBe(firstDigest);
    } finally {
      await other.drop();
    }
  });
});
