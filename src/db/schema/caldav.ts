import { customType, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { entries } from './entries.js';
import { organizations } from './organizations.js';

const xid8 = customType<{ data: string }>({ dataType: () => 'xid8' });

/**
 * CalDAV (migrations/0015_caldav.sql): the name a client chose for a resource it created by PUT
 * (every other entry is "<entry id>.ics"), and the calendars entries moved out of, for sync.
 */
export const caldavNames = pgTable(
  'caldav_names',
  {
    entryId: uuid('entry_id').primaryKey().references(() => entries.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    name: text('name').notNull(),
  },
  (t) => [index('caldav_names_name_idx').on(t.organizationId, t.name)],
);

/** Written only by the entries_note_move trigger. */
export const entryMoves = pgTable(
  'entry_moves',
  {
    organizationId: uuid('organization_id').notNull(),
    entryId: uuid('entry_id').notNull(),
    seriesId: uuid('series_id'),
    fromCalendarId: uuid('from_calendar_id').notNull(),
    changeTxid: xid8('change_txid').notNull(),
    movedAt: timestamp('moved_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('entry_moves_from_idx').on(t.fromCalendarId, t.changeTxid)],
);
