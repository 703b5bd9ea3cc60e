import { createHash } from 'node:crypto';
import type { Database } from '../../db/client.js';
import { type FeedFilters, feedWhere } from '../calendar/repository.js';

/**
 * A fingerprint of every stored row a feed of this view writes — masters and single entries that
 * meet the window, and all their overrides — from each row's id, version and writing transaction
 * (migration 0008 stamps every insert and update). Any write, deletion or purge of one of them
 * changes it; it is one indexed query, so a poll that changed nothing costs no iCalendar writing.
 */
export async function viewStamp(database: Database, filters: FeedFilters): Promise<string> {
  if (filters.calendarIds?.length === 0) return 'empty';
  const { where, params } = feedWhere(filters, 'e');
  const text = `with v as (select e.id, e.change_txid, e.version from entries e where ${where.join(' and ')} and e.series_id is null)
     select count(*)::int as n, coalesce(sum(hashtextextended(x.id::text || ':' || coalesce(x.change_txid::text, '') || ':' || x.version, 0)), 0)::text as h
     from (select id, change_txid, version from v
           union all
           select o.id, o.change_txid, o.version from entries o where o.organization_id = $1 and o.series_id in (select id from v)) x`;
  // Prepared per text (the filters a feed saved decide it): planning cost more than running it.
  const name = `feed_stamp_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
  const [row] = await database.query<{ n: number; h: string }>(text, params, { name });
  return `${row!.n}.${row!.h}`;
}
