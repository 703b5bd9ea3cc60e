import { sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../db/client.js';
import { caldavNames } from '../../db/schema/caldav.js';
import { STORED_COLUMNS, type StoredEntry } from '../exports/stored-entries.js';

/**
 * What the DAV server reads. A resource is a series family (a master or single entry with its
 * live overrides), named by the name its creator gave it by PUT or "<entry id>.ics"; its change
 * stamp is the newest writing transaction of any row of the family (migration 0008), so any
 * change to the master or an override changes it and nothing else does (as an md5 in hex).
 */
export interface ResourceHead {
  id: string;
  name: string;
  stamp: string;
}

const NAME = `coalesce(n.name, m.id::text || '.ics')`;
// Hashed in the database (md5 is C there, and no transaction counter shows in an ETag).
const STAMP = `md5(coalesce(greatest(m.change_txid, (select max(o.change_txid) from entries o where o.series_id = m.id))::text, '') || '.' || m.version)`;
const ID_NAME = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.ics$/;

/** Every resource of a collection: what a PROPFIND of depth 1 lists. */
export async function listResourceHeads(database: Database, organizationId: string, calendarId: string): Promise<ResourceHead[]> {
  return database.query<ResourceHead>(
    `select m.id, ${NAME} as name, ${STAMP} as stamp from entries m left join caldav_names n on n.entry_id = m.id
      where m.organization_id = $1 and m.calendar_id = $2 and m.series_id is null and m.deleted_at is null`,
    [organizationId, calendarId],
    { name: 'caldav_list_heads' },
  );
}

/** The live resources of a collection with these names (unknown names are left out). */
export async function findResourceHeads(database: Database, organizationId: string, calendarId: string, names: readonly string[]): Promise<ResourceHead[]> {
  if (names.length === 0) return [];
  const ids = names.flatMap((n) => ID_NAME.exec(n)?.[1] ?? []);
  return database.query<ResourceHead>(
    `select m.id, ${NAME} as name, ${STAMP} as stamp from entries m left join caldav_names n on n.entry_id = m.id
      where m.organization_id = $1 and m.calendar_id = $2 and m.series_id is null and m.deleted_at is null
        and (n.name = any($3::text[]) or (n.name is null and m.id = any($4::uuid[])))`,
    [organizationId, calendarId, names, ids],
    { name: 'caldav_find_heads' },
  );
}

/** The heads of these families, wherever they are now (sync answers 404 for those gone from the collection). */
export async function familyStates(database: Database, organizationId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return database.query<ResourceHead & { calendar_id: string; deleted: boolean }>(
    `select m.id, ${NAME} as name, ${STAMP} as stamp, m.calendar_id, (m.deleted_at is not null) as deleted
       from entries m left join caldav_names n on n.entry_id = m.id
      where m.organization_id = $1 and m.id = any($2::uuid[])`,
    [organizationId, ids],
    { name: 'caldav_family_states' },
  );
}

/** The stored rows of these families, masters first then their live overrides, for writing calendar data. */
export async function loadFamilies(database: Database, organizationId: string, ids: readonly string[]): Promise<Map<string, StoredEntry[]>> {
  const families = new Map<string, StoredEntry[]>();
  if (ids.length === 0) return families;
  const rows = await database.query<StoredEntry>(
    `select ${STORED_COLUMNS} from entries e left join users u on u.id = e.organizer_id
      where e.organization_id = $1 and e.deleted_at is null and (e.id = any($2::uuid[]) or e.series_id = any($2::uuid[]))
      order by e.series_id nulls first, e.recurrence_id`,
    [organizationId, ids],
    { name: 'caldav_load_families' },
  );
  for (const row of rows) {
    const family = row.series_id ?? row.id;
    if (row.series_id && !families.has(family)) continue;
    families.set(family, [...(families.get(family) ?? []), row]);
  }
  return families;
}

/**
 * The collection now: the database's snapshot and the newest change stamp the collection shows
 * in it (its rows, tombstones included, and entries moved out of it), in one statement.
 */
export async function collectionState(database: Database, organizationId: string, calendarId: string): Promise<{ snapshot: string; last: string | null }> {
  const [row] = await database.query<{ snapshot: string; last: string | null }>(
    `select pg_current_snapshot()::text as snapshot, greatest(
       (select max(change_txid) from entries where calendar_id = $2 and organization_id = $1),
       (select max(change_txid) from entry_moves where from_calendar_id = $2 and organization_id = $1))::text as last`,
    [organizationId, calendarId],
    { name: 'caldav_collection_state' },
  );
  return row!;
}

/**
 * The heads of the collection's families changed since a snapshot (written, deleted, or moved
 * out), wherever they are now — found by the change stamps' index, in one round trip.
 */
export async function changedFamilyStates(database: Database, organizationId: string, calendarId: string, snapshot: string) {
  const changed = `change_txid >= pg_snapshot_xmin($3::pg_snapshot) and not pg_visible_in_snapshot(change_txid, $3::pg_snapshot)`;
  return database.query<ResourceHead & { calendar_id: string; deleted: boolean }>(
    `with changed as (
       select coalesce(series_id, id) as family from entries where organization_id = $1 and calendar_id = $2 and ${changed}
       union
       select coalesce(series_id, entry_id) from entry_moves where organization_id = $1 and from_calendar_id = $2 and ${changed})
     select m.id, ${NAME} as name, ${STAMP} as stamp, m.calendar_id, (m.deleted_at is not null) as deleted
       from entries m left join caldav_names n on n.entry_id = m.id
      where m.organization_id = $1 and m.id in (select family from changed)`,
    [organizationId, calendarId, snapshot],
    { name: 'caldav_changed_states' },
  );
}

/** Gives a resource the name its creator chose; a tombstone of this collection holding the name gives it up. */
export async function nameResource(db: DbOrTx, organizationId: string, calendarId: string, entryId: string, name: string): Promise<void> {
  await db.execute(sql`delete from caldav_names n using entries e
    where n.organization_id = ${organizationId} and n.name = ${name} and e.id = n.entry_id and e.calendar_id = ${calendarId}`);
  await db.insert(caldavNames).values({ entryId, organizationId, name });
}

/** The entry holding a UID in the organisation (UIDs are unique there, tombstones included). */
export async function findUidHolder(db: Database, organizationId: string, uid: string): Promise<{ id: string; calendar_id: string; deleted: boolean } | null> {
  const [row] = await db.query<{ id: string; calendar_id: string; deleted: boolean }>(
    `select id, calendar_id, (deleted_at is not null) as deleted from entries where organization_id = $1 and uid = $2 and recurrence_id is null limit 1`,
    [organizationId, uid],
  );
  return row ?? null;
}
