/**
 * Listing private module records (issue #17, item 2): GET /api/v1/modules/staff/leave?limit=50 over
 * 20,000 leave requests of 500 staff, as a staff member (the list filtered by who the records are
 * about, in the query) and as a manager (everything, no filter); median and p95 of 60 requests each,
 * in process. Rows are bulk-inserted into a fresh organisation on the PostgreSQL server
 * (BENCH_RECORDS_DATABASE_URL, default kalendaryo_records_bench; dropped and made again each run).
 */
import { loadConfig } from '../src/config.js';
import { buildApp } from '../src/app.js';
import { createApiToken } from '../src/features/auth/tokens.js';
import { bootstrap } from '../src/features/setup/bootstrap.js';
import type { Report } from './run.js';
import { BENCH_SECRET_KEY, freshPgDatabase, percentile } from './support.js';

const URL_ = process.env.BENCH_RECORDS_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/kalendaryo_records_bench';
const STAFF = 500;
const LEAVE = 20_000;


export default async function moduleRecordsBench(report: Report) {
  const database = await freshPgDatabase(URL_, 4);
  const app = await buildApp({ database, config: loadConfig({ LOG_LEVEL: 'silent', SECRET_KEY: BENCH_SECRET_KEY }), logger: false });
  try {
    const { organizationId } = await bootstrap(database.db, { adminEmail: 'admin@bench.local' });
    const people = await database.query<{ id: string; role: string }>(
      `insert into users (organization_id, email, name, role)
       select $1, 'person' || n || '@bench.local', 'Person ' || n, case when n = 0 then 'manager' else 'staff' end from generate_series(0, $2::int) n
       returning id, role`, [organizationId, STAFF]);
    const staffIds = people.filter((p) => p.role === 'staff').map((p) => p.id);
    await database.query(
      `insert into module_records (organization_id, module, type, data, created_by, created_at)
       select $1, 'staff', 'leave',
         jsonb_build_object('title', 'Leave ' || n, 'status', 'pending', 'startDate', '2026-07-06', 'endDate', '2026-07-06',
           'details', jsonb_build_object('staffId', ($2::uuid[])[1 + n % cardinality($2::uuid[])], 'leaveType', 'vacation', 'reason', 'family')),
         ($2::uuid[])[1 + n % cardinality($2::uuid[])], now() - n * interval '1 minute'
       from generate_series(1, $3::int) n`, [organizationId, `{${staffIds.join(',')}}`, LEAVE]);
    // As autovacuum would after such a load: the GIN index's pending list merged, statistics taken.
    await database.query('vacuum analyze module_records');
    await app.ready();
    for (const role of ['staff', 'manager'] as const) {
      const who = people.find((p) => p.role === role)!;
      const { token } = await createApiToken(database.db, { userId: who.id, organizationId }, 'bench');
      const times: number[] = [];
      let items = 0;
      for (let i = 0; i < 65; i++) {
        const started = performance.now();
        const res = await app.inject({ method: 'GET', url: '/api/v1/modules/staff/leave?limit=50', headers: { authorization: `Bearer ${token}` } });
        if (res.statusCode !== 200) throw new Error(`${role}: ${res.statusCode} ${res.body}`);
        items = (res.json() as { items: unknown[] }).items.length;
        if (i >= 5) times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      report(`records.leave_list_${role}_p50 (${LEAVE} requests, ${items} listed)`, percentile(times, 50), 'ms');
      report(`records.leave_list_${role}_p95`, percentile(times, 95), 'ms');
    }
  } finally {
    await app.close();
    await database.close();
  }
}
