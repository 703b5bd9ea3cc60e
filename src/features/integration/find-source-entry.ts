import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { entries } from '../../db/schema/entries.js';
import type { EntryRow } from '../entries/repository.js';

/** The entry a source system knows by its own id, tombstone included, locked for the rest of the transaction. */
export async function findSourceEntry(db: DbOrTx, organizationId: string, system: string, externalId: string): Promise<EntryRow | null> {
  const [row] = await db.select().from(entries)
    .where(and(eq(entries.organizationId, organizationId), eq(entries.sourceSystem, system), eq(entries.externalId, externalId)))
    .for('update');
  return row ?? null;
}
