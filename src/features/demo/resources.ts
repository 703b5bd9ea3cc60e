import { travelMinutes } from '../../core/resources/index.js';
import type { Database } from '../../db/client.js';

const OFFICE_HOURS = { '1': [['07:00', '19:00']], '2': [['07:00', '19:00']], '3': [['07:00', '19:00']], '4': [['07:00', '19:00']], '5': [['07:00', '19:00']] };

/** The demo office's vehicles, rooms, equipment and a facilitator: few, so the demo stays small. */
const RESOURCES = [
  { type: 'vehicle', name: 'Toyota Hilux (SAB 1234)', capacity: 5, needs: true, after: 30, hours: null },
  { type: 'vehicle', name: 'Mitsubishi L300 van (SAB 5678)', capacity: 12, needs: true, after: 30, hours: null },
  { type: 'vehicle', name: 'Motorcycle (field)', capacity: 2, needs: false, after: 15, hours: null },
  { type: 'room', name: 'Conference Room A', capacity: 40, needs: false, after: 15, hours: OFFICE_HOURS },
  { type: 'room', name: 'Training Hall', capacity: 120, needs: true, after: 30, hours: OFFICE_HOURS },
  { type: 'room', name: 'Huddle Room', capacity: 8, needs: false, after: 0, hours: OFFICE_HOURS },
  { type: 'equipment', name: 'Projector', capacity: null, needs: false, after: 0, hours: null, quantity: 3 },
  { type: 'equipment', name: 'Satellite phone', capacity: null, needs: true, after: 0, hours: null, quantity: 2 },
  { type: 'facilitator', name: 'Community facilitator (Maranao)', capacity: null, needs: true, after: 0, hours: OFFICE_HOURS },
] as const;

/**
 * Adds the resources and, for the coming month, bookings of them: vehicles for field entries in
 * a community (with the drive there and back), rooms and projectors for office meetings. Bookings
 * that would collide are skipped: the database guard decides, as it does for everyone.
 */
export async function loadDemoResources(database: Database, organizationId: string, adminId: string, nowMs: number): Promise<number> {
  const [home] = await database.query<{ id: string; latitude: number; longitude: number }>(
    "select id, latitude, longitude from communities where organization_id = $1 and level = 'municipality' and name = 'Sultan Kudarat'", [organizationId]);
  const ids: Record<string, string> = {};
  for (const r of RESOURCES) {
    const [row] = await database.query<{ id: string }>(
      `insert into resources (organization_id, type, name, capacity, quantity, needs_approval, buffer_after_minutes, bookable_hours, home_community_id, location)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id`,
      [organizationId, r.type, r.name, r.capacity, 'quantity' in r ? r.quantity : 1, r.needs, r.after, r.hours ? JSON.stringify(r.hours) : null,
        r.type === 'vehicle' ? home?.id ?? null : null, r.type === 'vehicle' ? 'Motor pool' : r.type === 'room' ? 'Regional office, 2nd floor' : 'Supply room'],
    );
    ids[r.name] = row!.id;
  }
  const candidates = await database.query<{ id: string; start_at: Date; end_at: Date; organizer_id: string | null; community_id: string | null; latitude: number | null; longitude: number | null; hour: number }>(
    `select e.id, e.start_at, e.end_at, e.organizer_id, e.community_id, c.latitude, c.longitude, extract(hour from e.start_at at time zone 'Asia/Manila')::int as hour
     from entries e left join communities c on c.id = e.community_id
     where e.organization_id = $1 and e.deleted_at is null and e.rrule is null and not e.all_day and e.start_at > $2 and e.start_at < $3
       and e.end_at > e.start_at and e.end_at - e.start_at <= interval '10 hours' and e.organizer_id is not null
     order by e.start_at, e.id limit 400`,
    [organizationId, new Date(nowMs), new Date(nowMs + 30 * 86_400_000)],
  );
  const vehicles = RESOURCES.filter((r) => r.type === 'vehicle').map((r) => r.name);
  const rooms = ['Conference Room A', 'Huddle Room', 'Training Hall'];
  let booked = 0;
  for (const [i, e] of candidates.entries()) {
    const field = e.community_id !== null && e.latitude !== null && e.longitude !== null;
    const drive = field && home ? travelMinutes(home, { latitude: e.latitude!, longitude: e.longitude! }) : 0;
    // Beyond three hours' drive (the islands) the team flies or sails: they take the satellite phone, not a car.
    const name = field ? (drive <= 180 ? vehicles[i % vehicles.length]! : 'Satellite phone') : i % 3 === 0 ? 'Projector' : rooms[i % rooms.length]!;
    const spec = RESOURCES.find((r) => r.name === name)!;
    const travel = spec.type === 'vehicle' ? drive : 0;
    // a few left pending, so the approval queue has something in it
    const status = spec.needs && i % 4 === 0 ? 'pending' : 'approved';
    try {
      await database.query(
        `insert into resource_bookings (organization_id, resource_id, entry_id, starts_at, ends_at, blocked_start, blocked_end, buffer_after_minutes,
           travel_before_minutes, travel_after_minutes, status, requested_by, decided_by, decided_at)
         values ($1, $2, $3, $4, $5, $4, $5, $6, $7, $7, $8, $9, $10, $11)`,
        [organizationId, ids[name], e.id, e.start_at, e.end_at, spec.after, travel, status, e.organizer_id,
          status === 'approved' ? adminId : null, status === 'approved' ? new Date(nowMs) : null],
      );
      booked++;
    } catch (error) {
      if ((error as { code?: string }).code !== '23P01') throw error;
    }
  }
  return booked;
}
