import { and, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { entries } from '../../db/schema/entries.js';
import { moduleRecords } from '../../db/schema/module-records.js';
import { forbidden, notFound, Problem, preconditionFailed } from '../../http/problem.js';
import type { Actor } from '../auth/actor.js';
import { atLeast, canCreateInCalendar } from '../calendars/policy.js';
import { listAccessibleCalendars } from '../calendars/repository.js';
import { applyProjection, MODULE_SOURCE } from './project.js';
import type { RecordType } from '../modules/index.js';

export type RecordRow = typeof moduleRecords.$inferSelect;

/** The actor's access to a module: that of its organisation calendar. */
async function moduleAccess(db: DbOrTx, actor: Actor, module: string) {
  const calendar = (await listAccessibleCalendars(db, actor)).find((c) => c.type === 'organisation' && c.module === module);
  return calendar?.level ?? null;
}

export async function requireModuleRead(db: DbOrTx, actor: Actor, module: string) {
  if (!atLeast(await moduleAccess(db, actor, module), 'view')) throw notFound(`Module ${module}`);
}

async function requireModuleWrite(db: DbOrTx, actor: Actor, module: string) {
  const level = await moduleAccess(db, actor, module);
  if (!atLeast(level, 'view')) throw notFound(`Module ${module}`);
  if (!canCreateInCalendar(actor, level)) throw forbidden(`You may read ${module} records but not change them.`);
}

/** Validates a record against its type's schema; the id is always the server's. */
export function validateRecord(type: RecordType, id: string, body: Record<string, unknown>) {
  if ('id' in body) throw new Problem(400, 'Bad Request', 'id: is set by the server', [{ field: 'id', message: 'is set by the server' }]);
  const parsed = type.schema.safeParse({ ...body, id });
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({
      field: i.code === 'unrecognized_keys' ? (i as { keys: string[] }).keys.join(', ') : i.path.map(String).join('.') || '(body)',
      message: i.message,
    }));
    throw new Problem(400, 'Bad Request', `The ${type.label.toLowerCase()} is not valid: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`, errors);
  }
  return parsed.data;
}

async function project(tx: DbOrTx, actor: Actor, type: RecordType, data: { id: string }, previousKeys: readonly string[]) {
  return applyProjection(tx, actor, type.project(data as never), previousKeys);
}

export async function createRecord(db: Db, actor: Actor, type: RecordType, body: Record<string, unknown>): Promise<RecordRow> {
  return db.transaction(async (tx) => {
    await requireModuleWrite(tx, actor, type.module);
    const id = crypto.randomUUID();
    const data = validateRecord(type, id, body);
    const keys = await project(tx, actor, type, data, []);
    const [row] = await tx.insert(moduleRecords).values({
      id, organizationId: actor.organizationId, module: type.module, type: type.type, data, projectedKeys: keys, createdBy: actor.userId,
    }).returning();
    return row!;
  });
}

export async function findRecord(db: DbOrTx, actor: Actor, type: RecordType, id: string): Promise<RecordRow> {
  const [row] = await db.select().from(moduleRecords).where(and(
    eq(moduleRecords.id, id), eq(moduleRecords.organizationId, actor.organizationId), eq(moduleRecords.module, type.module),
    eq(moduleRecords.type, type.type), isNull(moduleRecords.deletedAt),
  ));
  if (!row) throw notFound(type.label);
  return row;
}

/** Changes a record (the body's fields replace the stored ones) and re-projects it, in one transaction. */
export async function updateRecord(db: Db, actor: Actor, type: RecordType, id: string, body: Record<string, unknown>, expectedVersion: number | null, replace = false): Promise<RecordRow> {
  return db.transaction(async (tx) => {
    await requireModuleWrite(tx, actor, type.module);
    const current = await findRecord(tx, actor, type, id);
    if (expectedVersion !== null && expectedVersion !== current.version) throw preconditionFailed(`The record changed since you loaded it (now version ${current.version}).`);
    const { id: _id, ...stored } = current.data;
    const data = validateRecord(type, id, replace ? body : { ...stored, ...body });
    const keys = await project(tx, actor, type, data, current.projectedKeys);
    const [row] = await tx.update(moduleRecords)
      .set({ data, projectedKeys: keys, version: sql`${moduleRecords.version} + 1`, updatedAt: new Date() })
      .where(and(eq(moduleRecords.id, id), eq(moduleRecords.version, current.version))).returning();
    if (!row) throw preconditionFailed('The record changed while saving; reload and try again.');
    return row;
  });
}

export async function deleteRecord(db: Db, actor: Actor, type: RecordType, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    await requireModuleWrite(tx, actor, type.module);
    const current = await findRecord(tx, actor, type, id);
    await applyProjection(tx, actor, [], current.projectedKeys);
    await tx.update(moduleRecords).set({ deletedAt: new Date(), version: sql`${moduleRecords.version} + 1` }).where(eq(moduleRecords.id, id));
  });
}

export async function listRecords(db: DbOrTx, actor: Actor, type: RecordType, filters: { status?: string; q?: string; limit: number; before?: string }) {
  await requireModuleRead(db, actor, type.module);
  const conditions = [
    eq(moduleRecords.organizationId, actor.organizationId), eq(moduleRecords.module, type.module), eq(moduleRecords.type, type.type), isNull(moduleRecords.deletedAt),
  ];
  if (filters.status) conditions.push(sql`${moduleRecords.data}->>'status' = ${filters.status}`);
  if (filters.q) conditions.push(sql`${moduleRecords.data}->>'title' ilike ${`%${filters.q.replace(/[%_\\]/g, '\\$&')}%`}`);
  if (filters.before) {
    const [cursor] = await db.select({ createdAt: moduleRecords.createdAt }).from(moduleRecords).where(eq(moduleRecords.id, filters.before));
    if (cursor) conditions.push(lt(moduleRecords.createdAt, cursor.createdAt));
  }
  const rows = await db.select().from(moduleRecords).where(and(...conditions)).orderBy(desc(moduleRecords.createdAt)).limit(filters.limit + 1);
  return { items: rows.slice(0, filters.limit), nextCursor: rows.length > filters.limit ? rows[filters.limit - 1]!.id : null };
}

export async function projectedEntries(db: DbOrTx, actor: Actor, keys: readonly string[]) {
  if (keys.length === 0) return [];
  return db.select({ id: entries.id, projectionKey: entries.externalId, title: entries.title, kind: entries.kind, status: entries.status, startAt: entries.startAt, endAt: entries.endAt, allDay: entries.allDay, startDate: entries.startDate, endDate: entries.endDate })
    .from(entries)
    .where(and(eq(entries.organizationId, actor.organizationId), eq(entries.sourceSystem, MODULE_SOURCE), inArray(entries.externalId, [...keys]), isNull(entries.deletedAt)));
}
