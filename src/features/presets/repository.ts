import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { viewPresets } from '../../db/schema/view-presets.js';
import { PresetFiltersSchema, type Preset } from './schemas.js';

type Row = typeof viewPresets.$inferSelect;
export interface Owner { organizationId: string; userId: string }

const mine = (owner: Owner) => and(eq(viewPresets.organizationId, owner.organizationId), eq(viewPresets.userId, owner.userId));

export function presentPreset(row: Row): Preset {
  // Stored filters were validated on the way in; parsing again fills defaults added since.
  const filters = PresetFiltersSchema.safeParse(row.filters);
  return {
    id: row.id,
    name: row.name,
    view: row.view,
    filters: filters.success ? filters.data : PresetFiltersSchema.parse({}),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export const listPresetRows = (db: DbOrTx, owner: Owner) =>
  db.select().from(viewPresets).where(mine(owner)).orderBy(asc(sql`lower(${viewPresets.name})`));

export async function countPresets(db: DbOrTx, owner: Owner): Promise<number> {
  const [row] = await db.select({ n: count() }).from(viewPresets).where(mine(owner));
  return row?.n ?? 0;
}

export async function findPresetByName(db: DbOrTx, owner: Owner, name: string): Promise<Row | undefined> {
  const [row] = await db.select().from(viewPresets).where(and(mine(owner), eq(sql`lower(${viewPresets.name})`, name.toLowerCase())));
  return row;
}

export async function deletePresetRow(db: DbOrTx, owner: Owner, id: string): Promise<boolean> {
  const rows = await db.delete(viewPresets).where(and(mine(owner), eq(viewPresets.id, id))).returning({ id: viewPresets.id });
  return rows.length > 0;
}
