import { expandRows } from '../calendar/expand-rows.js';
import { findFeedCandidates, findOverriddenOccurrences } from '../calendar/repository.js';
import type { Database } from '../../db/client.js';
import type { DigestItem } from './templates.js';

const MAX_ITEMS = 50;

/**
 * What a digest lists: the occurrences in its window of the entries the user organises (or created),
 * deadlines included (module milestones are all-day entries), and, for managers, how many leave
 * requests wait for a decision.
 */
export async function digestContent(database: Database, input: { organizationId: string; userId: string; role: string; start: Date; end: Date }): Promise<{ items: DigestItem[]; pendingApprovals: number }> {
  const filters = { organizationId: input.organizationId, startMs: input.start.getTime(), endMs: input.end.getTime() };
  const rows = (await findFeedCandidates(database, filters)).filter(
    (r) => (r.organizer_id ?? r.created_by) === input.userId && r.status !== 'cancelled',
  );
  const overridden = await findOverriddenOccurrences(database, input.organizationId, rows.map((r) => r.id));
  const items: DigestItem[] = [];
  expandRows(rows, overridden, filters.startMs, filters.endMs, (o) => {
    items.push({ title: o.row.title, startAt: new Date(o.startMs), allDay: o.row.all_day, kind: o.row.kind });
  });
  items.sort((a, b) => a.startAt.getTime() - b.startAt.getTime());
  let pendingApprovals = 0;
  if (input.role === 'manager' || input.role === 'admin') {
    const [row] = await database.query<{ n: number }>(
      `select count(*)::int as n from module_records
        where organization_id = $1 and module = 'staff' and type = 'leave' and deleted_at is null and data->>'status' = 'pending'`,
      [input.organizationId],
    );
    pendingApprovals = row?.n ?? 0;
  }
  return { items: items.slice(0, MAX_ITEMS), pendingApprovals };
}
