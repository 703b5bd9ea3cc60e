/**
 * Resources on PostgreSQL, in a database of their own (kalendaryo_bench_resources, made afresh each
 * run): 200 resources with two bookings a day each over four weeks around the measured week.
 *  - availability search: GET /api/v1/resources/available over one week, all 200 resources;
 *  - booking creation over HTTP from a separate process, timed by the server: one client alone, then
 *    20 concurrent clients booking random resources for random entries (many collide on purpose,
 *    mostly with the seeded bookings), then a check that no two active bookings of a unit resource
 *    overlap and no quantity resource is over its stock at any instant;
 *  - a control: GET /api/v1/me alone (in process) and from the same 20 clients, the floor any
 *    authenticated request stands on at that moment.
 */
import { bootstrap } from '../src/features/setup/bootstrap.js';
import type { Report } from './run.js';
import { benchApp, forkHttpClient, freshPgDatabase, percentile } from './support.js';

const URL_TEXT = process.env.BENCH_RESOURCES_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/kalendaryo_bench_resources';
const RESOURCES = 200;
const WEEK_START = Date.parse('2027-03-01T00:00:00+08:00');
const DAY = 86_400_000;
const HOUR = 3_600_000;
const CLIENTS = 20;
const REQUESTS_PER_CLIENT = 40;
const SEARCH_RUNS = 60;
// Rounds of 20 concurrent bookings before anything is measured: every pooled connection then has
// its statements planned and cached (PostgreSQL settles on a cached plan after five runs), as in a
// server that has been running. They book a week of their own, far from the measured one.
const WARMUP_ROUNDS = 10;


function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export default async function (report: Report): Promise<void> {
  const database = await freshPgDatabase(URL_TEXT, 24);
  try {
    const { organizationId } = await bootstrap(database.db, { adminEmail: 'admin@bench.local' });
    const [admin] = await database.query<{ id: string }>("select id from users where role = 'admin' limit 1");
    const [calendar] = await database.query<{ id: string }>("select id from calendars where type = 'organisation' limit 1");
    const types = ['room', 'vehicle', 'equipment', 'facilitator'];
    const resourceIds = (await database.query<{ id: string }>(
      `insert into resources (organization_id, type, name, capacity, quantity, buffer_after_minutes)
       select $1, ($2::text[])[1 + i % 4], 'Resource ' || i, 5 + i % 50, case when i % 4 = 2 then 3 else 1 end, (i % 3) * 15
       from generate_series(0, $3 - 1) i returning id`, [organizationId, types, RESOURCES])).map((r) => r.id);

    // Seeded bookings: per resource and day, 08:00-10:00 and 13:00-15:00 (shifted by up to 90 min per
    // resource) over four weeks around the measured one; they never collide, so one statement loads them
    // all, each row still judged by the guard trigger.
    const seedStarts: number[] = [];
    const seedResources: string[] = [];
    for (let r = 0; r < RESOURCES; r++) {
      for (let day = -7; day < 21; day++) {
        for (const hour of [8, 13]) {
          seedStarts.push(WEEK_START + day * DAY + hour * HOUR + (r % 4) * 30 * 60_000);
          seedResources.push(resourceIds[r]!);
        }
      }
    }
    const rnd = seeded(42);
    const startIn = (weekStart: number) => weekStart + Math.floor(rnd() * 5) * DAY + (7 + Math.floor(rnd() * 20) / 2) * HOUR;
    const poolStarts = Array.from({ length: CLIENTS * REQUESTS_PER_CLIENT + SEARCH_RUNS }, () => startIn(WEEK_START));
    const warmupStarts = Array.from({ length: CLIENTS * WARMUP_ROUNDS }, () => startIn(WEEK_START + 42 * DAY));
    const entryStarts = [...seedStarts, ...poolStarts, ...warmupStarts];
    const entryIds = (await database.query<{ id: string }>(
      `insert into entries (organization_id, calendar_id, uid, module, kind, title, start_at, end_at, span_start, span_end, created_by, organizer_id)
       select $1, $2, gen_random_uuid()::text, 'general', 'event', 'Bench ' || n, s, s + interval '2 hours', s, s + interval '2 hours', $3, $3
       from unnest($4::timestamptz[]) with ordinality as u(s, n) order by n returning id`,
      [organizationId, calendar!.id, admin!.id, entryStarts.map((ms) => new Date(ms))])).map((r) => r.id);
    const seedCount = seedStarts.length;
    await database.query(
      `insert into resource_bookings (organization_id, resource_id, entry_id, starts_at, ends_at, blocked_start, blocked_end, status, requested_by, buffer_after_minutes)
       select $1, u.r, u.e, u.s, u.s + interval '2 hours', u.s, u.s, 'approved', $2, res.buffer_after_minutes
       from unnest($3::uuid[], $4::uuid[], $5::timestamptz[]) as u(r, e, s) join resources res on res.id = u.r`,
      [organizationId, admin!.id, seedResources, entryIds.slice(0, seedCount), seedStarts.map((ms) => new Date(ms))],
    );
    const seededBookings = seedCount;
    await database.query('analyze');
    report('resources.seeded_bookings', seededBookings, 'bookings');

    const { app, headers, serverTime } = await benchApp(database);
    try {
      // A control on the same machine at the same moment: the cheapest authenticated request. On a
      // shared, loaded machine every figure below is inflated by about what this one is.
      const control: number[] = [];
      for (let i = 0; i < SEARCH_RUNS; i++) {
        const t0 = performance.now();
        await app.inject({ method: 'GET', url: '/api/v1/me', headers });
        control.push(performance.now() - t0);
      }
      control.sort((a, b) => a - b);
      report('resources.control_me.p50', percentile(control, 50), 'ms');
      report('resources.control_me.p95', percentile(control, 95), 'ms');

      const week = `start=${encodeURIComponent('2027-03-01T00:00:00+08:00')}&end=${encodeURIComponent('2027-03-08T00:00:00+08:00')}`;
      const times: number[] = [];
      let found = 0;
      let cpuMs = 0;
      for (let i = 0; i < SEARCH_RUNS + 5; i++) {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        const response = await app.inject({ method: 'GET', url: `/api/v1/resources/available?${week}`, headers });
        const ms = performance.now() - t0;
        if (response.statusCode !== 200) throw new Error(`available: ${response.statusCode} ${response.body}`);
        found = response.json().items.length;
        const c = process.cpuUsage(c0);
        if (i >= 5) {
          times.push(ms);
          cpuMs += (c.user + c.system) / 1000;
        }
      }
      times.sort((a, b) => a - b);
      report('resources.available_week_200.cpu_ms_per_request', cpuMs / SEARCH_RUNS, 'ms');
      report('resources.available_week_200.p50', percentile(times, 50), 'ms');
      report('resources.available_week_200.p95', percentile(times, 95), 'ms');
      report('resources.available_week_200.free', found, 'resources');

      const day1 = `start=${encodeURIComponent('2027-03-03T09:00:00+08:00')}&end=${encodeURIComponent('2027-03-03T11:00:00+08:00')}`;
      const slot: number[] = [];
      for (let i = 0; i < SEARCH_RUNS; i++) {
        const t0 = performance.now();
        await app.inject({ method: 'GET', url: `/api/v1/resources/available?${day1}`, headers });
        slot.push(performance.now() - t0);
      }
      slot.sort((a, b) => a - b);
      report('resources.available_slot_200.p95', percentile(slot, 95), 'ms');

      // Bookings over real HTTP from a load generator in its own process (one socket per client), timed
      // where the server sees them (arrival to last byte sent); what the clients saw is reported beside.
      const address = await app.listen({ port: 0, host: '127.0.0.1' });
      const client = forkHttpClient(CLIENTS);
      const pool = entryIds.slice(seedCount);
      const rndBook = seeded(7);
      const book = (entryId: string) => client.post(`${address}/api/v1/bookings`, headers, { resourceId: resourceIds[Math.floor(rndBook() * RESOURCES)]!, entryId });
      try {
        const warmup = pool.slice(CLIENTS * REQUESTS_PER_CLIENT + SEARCH_RUNS);
        for (let round = 0; round < WARMUP_ROUNDS; round++) {
          await Promise.all(Array.from({ length: CLIENTS }, (_c, c) => book(warmup[round * CLIENTS + c]!)));
        }

        // One client alone first: the cost of a booking without queueing behind 19 others.
        const seen: number[] = [];
        serverTime.take();
        for (let k = 0; k < SEARCH_RUNS; k++) seen.push((await book(pool[CLIENTS * REQUESTS_PER_CLIENT + k]!)).ms);
        const alone = serverTime.take().sort((a, b) => a - b);
        seen.sort((a, b) => a - b);
        report('resources.book_1_client.p50', percentile(alone, 50), 'ms');
        report('resources.book_1_client.p95', percentile(alone, 95), 'ms');
        report('resources.book_1_client.client_p95', percentile(seen, 95), 'ms');

        // 20 clients, each booking one after the other; entries past the seeded ones, resources at random.
        const latencies: number[] = [];
        const statuses = new Map<number, number>();
        const cpu0 = process.cpuUsage();
        const t0 = performance.now();
        await Promise.all(Array.from({ length: CLIENTS }, async (_c, c) => {
          for (let k = 0; k < REQUESTS_PER_CLIENT; k++) {
            const answer = await book(pool[c * REQUESTS_PER_CLIENT + k]!);
            latencies.push(answer.ms);
            statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          }
        }));
        const wall = performance.now() - t0;
        const cpu = process.cpuUsage(cpu0);
        const server = serverTime.take().sort((a, b) => a - b);
        latencies.sort((a, b) => a - b);
        report('resources.book_20_clients.p50', percentile(server, 50), 'ms');
        report('resources.book_20_clients.p95', percentile(server, 95), 'ms');
        report('resources.book_20_clients.client_p50', percentile(latencies, 50), 'ms');
        report('resources.book_20_clients.client_p95', percentile(latencies, 95), 'ms');
        report('resources.book_20_clients.throughput', (latencies.length / wall) * 1000, 'req/s');
        // The server's own CPU (this process: it also hands each request to the load generator).
        report('resources.book_20_clients.server_cpu_per_request', (cpu.user + cpu.system) / 1000 / latencies.length, 'ms');
        report('resources.book_20_clients.created', statuses.get(201) ?? 0, 'bookings');
        report('resources.book_20_clients.conflicts', statuses.get(409) ?? 0, 'responses');
        const other = [...statuses].filter(([code]) => code !== 201 && code !== 409).reduce((n, [, count]) => n + count, 0);
        report('resources.book_20_clients.other_status', other, 'responses');

        // The floor under the same load: 20 clients asking the cheapest authenticated request.
        const m0 = performance.now();
        serverTime.take();
        await Promise.all(Array.from({ length: CLIENTS }, async () => {
          for (let k = 0; k < REQUESTS_PER_CLIENT; k++) await client.get(`${address}/api/v1/me`, headers);
        }));
        const meWall = performance.now() - m0;
        const me = serverTime.take().sort((a, b) => a - b);
        report('resources.control_me_20_clients.p50', percentile(me, 50), 'ms');
        report('resources.control_me_20_clients.p95', percentile(me, 95), 'ms');
        report('resources.control_me_20_clients.throughput', (me.length / meWall) * 1000, 'req/s');
      } finally {
        client.close();
      }

      const [overlaps] = await database.query<{ n: number }>(
        `select count(*)::int as n from resource_bookings a join resource_bookings b
           on a.resource_id = b.resource_id and a.id < b.id and a.blocked && b.blocked
         join resources r on r.id = a.resource_id
         where r.quantity = 1 and a.status in ('pending','approved') and b.status in ('pending','approved')`);
      const [overStock] = await database.query<{ n: number }>(
        `select count(*)::int as n from resource_bookings b join resources r on r.id = b.resource_id
         where b.status in ('pending','approved') and r.quantity < (select sum(o.units) from resource_bookings o
           where o.resource_id = b.resource_id and o.status in ('pending','approved') and o.blocked @> b.blocked_start)`);
      report('resources.double_bookings', overlaps!.n + overStock!.n, 'pairs');
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}
