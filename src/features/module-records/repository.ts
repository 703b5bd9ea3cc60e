/** Queries of module records and their projected entries; reads are limited to what the actor may read. */
import { and, desc, eq, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { AccessLevel } from '../../db/schema/calendars.js';
import { entries } from '../../db/schema/entries.js';
import { moduleRecords } from '../../db/schema/module-records.js';
import { containsPattern } from '../../db/like.js';
import type { Actor } from '../auth/actor.js';
import { listAccessibleCalendars } from '../calendars/repository.js';
import type { RecordType } from '../modules/index.js';
import { actsForStaff } from './policy.js';
import { MODULE_SOURCE } from './project.js';

export type RecordRow = typeof moduleRecords.$inferSelect;

/** The actor's level on a module: that of its organisation calendar. */
export async function moduleLevel(db: DbOrTx, actor: Actor, module: string): Promise<AccessLevel | null> {
  const calendar = (await listAccessibleCalendars(db, actor)).find((c) => c.type === 'organisation' && c.module === module);
  return calendar?.level ?? null;
}

/** `{ "details": { "staffId": value } }` for the path "details.staffId". */
const nestedAt = (field: string, value: unknown): unknown => field.split('.').reduceRight<unknown>((inner, key) => ({ [key]: inner }), value);

/**
 * policy.ts's canReadRecord as a condition of the query, so that a list holds only what the actor
 * may read (module access is checked before): the record's data contains the actor's id at one of
 * the privacy's fields, held alone or in a list. Containment (`@>`) so that the GIN index of 0012
 * answers it rather than a scan of every record of the type.
 */
function readableBy(actor: Actor, type: RecordType): SQL | undefined {
  const privacy = type.privacy;
  if (privacy.level === 'internal' || actsForStaff(actor)) return undefined;
  return or(...[privacy.subjectField, ...privacy.approverFields].flatMap((field) =>
    [actor.userId, [actor.userId]].map((held) => sql`${moduleRecords.data} @> ${JSON.stringify(nestedAt(field, held))}::jsonb`)));
}

const ofType = (actor: Actor, type: RecordType) => [
  eq(moduleRecords.organizationId, actor.organizationId), eq(moduleRecords.module, type.module), eq(moduleRecords.type, type.type), isNull(moduleRecords.deletedAt),
];

export async function findReadableRow(db: DbOrTx, actor: Actor, type: RecordType, id: string): Promise<RecordRow | undefined> {
  const [row] = await db.select().from(moduleRecords).where(and(eq(moduleRecords.id, id), ...ofType(actor, type), readableBy(actor, type)));
  return row;
}

export interface ListFilters { status?: string; q?: string; limit: number; before?: string }

export async function listReadableRows(db: DbOrTx, actor: Actor, type: RecordType, filters: ListFilters) {
  const conditions = [...ofType(actor, type), readableBy(actor, type)];
  if (filters.status) conditions.push(sql`${moduleRecords.data}->>'status' = ${filters.status}`);
  if (filters.q) conditions.push(sql`${moduleRecords.data}->>'title' ilike ${containsPattern(filters.q)}`);
  if (filters.before) {
    const [cursor] = await db.select({ createdAt: moduleRecords.createdAt }).from(moduleRecords)
      .where(and(eq(moduleRecords.id, filters.before), eq(moduleRecords.organizationId, actor.organizationId)));
    if (cursor) conditions.push(lt(moduleRecords.createdAt, cursor.createdAt));
  }
  const rows = await db.select().from(moduleRecords).where(and(...conditions)).orderBy(desc(moduleRecords.createdAt)).limit(filters.limit + 1);
  return { items: rows.slice(0, filters.limit), nextCursor: rows.length > filters.limit ? rows[filters.limit - 1]!.id : null };
}

export async function insertRow(db: DbOrTx, actor: Actor, type: RecordType, id: string, data: Record<string, unknown>, projectedKeys: string[]): Promise<RecordRow> {
  const [row] = await db.insert(moduleRecords).values({
    id, organizationId: actor.organizationId, module: type.module, type: type.type, data, projectedKeys, createdBy: actor.userId,
  }).returning();
  return row!;
}

/** The record's new data, if it is still at `version` (else undefined: someone changed it meanwhile). */
export async function updateRow(db: DbOrTx, id: string, version: number, data: Record<string, unknown>, projectedKeys: string[]): Promise<RecordRow | undefined> {
  const [row] = await db.update(moduleRecords)
    .set({ data, projectedKeys, version: sql`${moduleRecords.version} + 1`, updatedAt: new Date() })
    .where(and(eq(moduleRecords.id, id), eq(moduleRecords.version, version))).returning();
  return row;
}

export async function softDeleteRow(db: DbOrTx, id: string): Promise<void> {
  await db.update(moduleRecords).set({ deletedAt: new Date(), version: sql`${moduleRecords.version} + 1` }).where(eq(moduleRecords.id, id));
}

export async function projectedEntries(db: DbOrTx, actor: Actor, keys: readonly string[]) {
  if (keys.length === 0) return [];
  return db.select({ id: entries.id, projectionKey: entries.externalId, title: entries.title, kind: entries.kind, status: entries.status, startAt: entries.startAt, endAt: entries.endAt, allDay: entries.allDay, startDate: entries.startDate, endDate: entries.endDate })
    .from(entries)
    .where(and(eq(entries.organizationId, actor.organizationId), eq(entries.sourceSystem, MODULE_SOURCE), inArray(entries.externalId, [...keys]), isNull(entries.deletedAt)));
}
