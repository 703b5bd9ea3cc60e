import type { Database } from '../../db/client.js';
import { hashPassword } from '../auth/secrets.js';
import { bootstrap } from '../setup/bootstrap.js';
import { type DemoEntryRow, generateEntries } from './generate-entries.js';
import { BARANGAY_NAMES, DEMO_PROVINCES, DEMO_REGION, FIRST_NAMES, LAST_NAMES, UNITS } from './places.js';
import { seededRandom } from './random.js';
import { loadDemoResources } from './resources.js';

export const DEMO_PASSWORD = 'kalendaryo-demo';
const DEMO_DOMAIN = 'demo.kalendaryo.local';
const SIZES = {
  small: { staff: 60, yearsBack: 0.5, yearsAhead: 0.5, perWorkingDay: 24 },
  large: { staff: 60, yearsBack: 5, yearsAhead: 5, perWorkingDay: 375 },
} as const;
export type DemoSize = keyof typeof SIZES;

export interface DemoResult {
  alreadyLoaded: boolean;
  createdAdmin: { email: string; password: string } | null;
  staff: number;
  communities: number;
  entries: number;
  series: number;
}

async function insertCommunities(database: Database, organizationId: string, random: ReturnType<typeof seededRandom>) {
  const made: { id: string; name: string }[] = [];
  const insert = async (parent: { id: string; path: string[] } | null, level: string, name: string, lat: number, lon: number) => {
    const id = random.uuid();
    const path = [...(parent?.path ?? []), id];
    await database.query(
      'insert into communities (id, organization_id, parent_id, level, name, latitude, longitude, path) values ($1, $2, $3, $4, $5, $6, $7, $8::uuid[])',
      [id, organizationId, parent?.id ?? null, level, name, lat, lon, path],
    );
    return { id, path };
  };
  const region = await insert(null, 'region', DEMO_REGION.name, DEMO_REGION.lat, DEMO_REGION.lon);
  for (const province of DEMO_PROVINCES) {
    const p = await insert(region, 'province', province.name, province.lat, province.lon);
    for (const [name, lat, lon] of province.municipalities) {
      const m = await insert(p, 'municipality', name, lat, lon);
      made.push({ id: m.id, name });
      for (const barangay of BARANGAY_NAMES.slice(0, random.int(3, 5))) {
        const b = await insert(m, 'barangay', `${barangay}, ${name}`, lat + random.next() * 0.05, lon + random.next() * 0.05);
        made.push({ id: b.id, name: `Barangay ${barangay}, ${name}` });
      }
    }
  }
  return made;
}

async function insertEntries(database: Database, organizationId: string, createdBy: string, rows: DemoEntryRow[]) {
  const col = <K extends keyof DemoEntryRow>(k: K) => rows.map((r) => r[k]);
  await database.query(
    `insert into entries (id, organization_id, calendar_id, uid, module, kind, title, location, community_id, organizer_id, created_by,
       status, priority, visibility, all_day, start_at, end_at, start_date, end_date, time_zone, rrule, span_start, span_end)
     select u.id, $1, u.calendar_id, u.id::text || '@demo.kalendaryo', u.module, u.kind, u.title, u.location, u.community_id, u.organizer_id, $2,
       u.status, u.priority, u.visibility, u.all_day, u.start_at, u.end_at, u.start_date, u.end_date, 'Asia/Manila', u.rrule, u.span_start, u.span_end
     from unnest($3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::uuid[], $10::uuid[], $11::text[], $12::text[],
       $13::text[], $14::bool[], $15::timestamptz[], $16::timestamptz[], $17::date[], $18::date[], $19::text[], $20::timestamptz[], $21::timestamptz[])
       as u(id, calendar_id, module, kind, title, location, community_id, organizer_id, status, priority, visibility, all_day, start_at, end_at,
            start_date, end_date, rrule, span_start, span_end)`,
    [organizationId, createdBy, col('id'), col('calendarId'), col('module'), col('kind'), col('title'), col('location'), col('communityId'),
      col('organizerId'), col('status'), col('priority'), col('visibility'), col('allDay'), col('startAt'), col('endAt'), col('startDate'),
      col('endDate'), col('rrule'), col('spanStart'), col('spanEnd')],
  );
}

/**
 * The demo organisation: deterministic (seeded), realistic — staff across units, communities across
 * provinces and municipalities, entries of every module over working hours with statuses that fit
 * whether they are past or coming. Loading it twice changes nothing the second time.
 */
export async function loadDemo(database: Database, options: { size: DemoSize; now?: Date; adminEmail: string; onProgress?: (entries: number) => void }): Promise<DemoResult> {
  const spec = SIZES[options.size];
  const { organizationId, createdAdmin } = await bootstrap(database.db, { adminEmail: options.adminEmail });
  const [existing] = await database.query<{ n: number }>('select count(*)::int as n from users where email like $1', [`%@${DEMO_DOMAIN}`]);
  if (existing!.n > 0) return { alreadyLoaded: true, createdAdmin, staff: existing!.n, communities: 0, entries: 0, series: 0 };

  const random = seededRandom(2026);
  const [admin] = await database.query<{ id: string }>("select id from users where role = 'admin' order by created_at limit 1");
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const staff: { id: string; personalCalendarId: string }[] = [];
  for (let i = 0; i < spec.staff; i++) {
    const name = `${FIRST_NAMES[i % FIRST_NAMES.length]} ${LAST_NAMES[(i * 7) % LAST_NAMES.length]}`;
    const role = i === 0 ? 'manager' : i < 6 ? random.pick(['manager', 'staff']) : i < 8 ? 'resource_manager' : i < 10 ? 'viewer' : 'staff';
    const id = random.uuid();
    const personalCalendarId = random.uuid();
    await database.query(
      'insert into users (id, organization_id, email, name, role, unit, password_hash) values ($1, $2, $3, $4, $5, $6, $7)',
      [id, organizationId, `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${i}@${DEMO_DOMAIN}`, name, role, UNITS[i % UNITS.length], passwordHash],
    );
    await database.query("insert into calendars (id, organization_id, name, type, owner_id, color) values ($1, $2, $3, 'personal', $4, '#5b6b7f')", [personalCalendarId, organizationId, name, id]);
    staff.push({ id, personalCalendarId });
  }
  const communities = await insertCommunities(database, organizationId, random);
  const moduleCalendars = Object.fromEntries(
    (await database.query<{ id: string; module: string }>("select id, module from calendars where type = 'organisation' and module is not null and organization_id = $1", [organizationId])).map((r) => [r.module, r.id]),
  );
  const now = (options.now ?? new Date()).getTime();
  const from = now - spec.yearsBack * 365.25 * 86_400_000;
  const to = now + spec.yearsAhead * 365.25 * 86_400_000;
  let entries = 0;
  let series = 0;
  for (const batch of generateEntries({ random, staff, moduleCalendars, communities, now }, from, to, spec.perWorkingDay)) {
    await insertEntries(database, organizationId, admin!.id, batch);
    entries += batch.length;
    series += batch.filter((r) => r.rrule).length;
    options.onProgress?.(entries);
  }
  await loadDemoResources(database, organizationId, admin!.id, now);
  return { alreadyLoaded: false, createdAdmin, staff: staff.length, communities: communities.length, entries, series };
}
