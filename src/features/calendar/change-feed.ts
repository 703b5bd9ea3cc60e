import type { Database } from '../../db/client.js';

/**
 * What changed in an organisation's entries since a snapshot (`pg_current_snapshot()` as text):
 * the series families touched (a master's id, or a single entry's), and the snapshot to ask from
 * next time. Changes are found by "not visible in that snapshot" over rows stamped with their
 * writer's transaction id (migrations/0008_entry_changes.sql), so a transaction that committed
 * late, after others, is still seen: comparing commit order or timestamps would miss it.
 */
export async function readChangesSince(database: Database, organizationId: string, snapshot: string | null): Promise<{ snapshot: string; families: string[] }> {
  if (snapshot === null) {
    const [row] = await database.query<{ snapshot: string }>('select pg_current_snapshot()::text as snapshot');
    return { snapshot: row!.snapshot, families: [] };
  }
  // One statement, so that the snapshot returned is the one the changes were read with.
  const rows = await database.query<{ snapshot: string; family: string | null }>(
    `select pg_current_snapshot()::text as snapshot, c.family from (select 1) one left join (
       select coalesce(series_id, id)::text as family from entries
        where organization_id = $1 and change_txid >= pg_snapshot_xmin($2::pg_snapshot) and not pg_visible_in_snapshot(change_txid, $2::pg_snapshot)
       union
       select coalesce(series_id, entry_id)::text from entry_deletions
        where organization_id = $1 and change_txid >= pg_snapshot_xmin($2::pg_snapshot) and not pg_visible_in_snapshot(change_txid, $2::pg_snapshot)
     ) c on true`,
    [organizationId, snapshot],
  );
  return { snapshot: rows[0]!.snapshot, families: rows.flatMap((r) => (r.family ? [r.family] : [])) };
}
