/**
 * The module record use cases: list, find, create, change and delete a record, each write with its
 * projected entries in one transaction, each checked by policy.ts. Someone who may not read a
 * record gets 404 whatever they ask of it; someone who may read but not change it, 403.
 */
import type { Db, DbOrTx } from '../../db/client.js';
import type { AccessLevel } from '../../db/schema/calendars.js';
import { forbidden, invalidField, notFound, Problem, preconditionFailed } from '../../http/problem.js';
import type { Actor } from '../auth/actor.js';
import type { RecordType } from '../modules/index.js';
import { canChangeRecord, canReadModule, canWriteModule, subjectRefusal } from './policy.js';
import { applyProjection } from './project.js';
import { findReadableRow, insertRow, listReadableRows, type ListFilters, moduleLevel, type RecordRow, softDeleteRow, updateRow } from './repository.js';

export type { RecordRow };

export async function requireModuleRead(db: DbOrTx, actor: Actor, module: string): Promise<AccessLevel | null> {
  const level = await moduleLevel(db, actor, module);
  if (!canReadModule(level)) throw notFound(`Module ${module}`);
  return level;
}

async function requireModuleWrite(db: DbOrTx, actor: Actor, module: string): Promise<AccessLevel | null> {
  const level = await requireModuleRead(db, actor, module);
  if (!canWriteModule(actor, level)) throw forbidden(`You may read ${module} records but not change them.`);
  return level;
}

/** A record the actor may read, with their level on its module; 404 for one they may not (whether it exists is not told). */
export async function findRecord(db: DbOrTx, actor: Actor, type: RecordType, id: string): Promise<{ row: RecordRow; level: AccessLevel | null }> {
  const level = await requireModuleRead(db, actor, type.module);
  const row = await findReadableRow(db, actor, type, id);
  if (!row) throw notFound(type.label);
  return { row, level };
}

export async function listRecords(db: DbOrTx, actor: Actor, type: RecordType, filters: ListFilters) {
  const level = await requireModuleRead(db, actor, type.module);
  return { ...(await listReadableRows(db, actor, type, filters)), level };
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

/** Staff file private records about themselves only (policy.ts): 403 naming the field otherwise. */
function refuseOtherSubject(actor: Actor, type: RecordType, data: Record<string, unknown>) {
  const refusal = subjectRefusal(actor, type.privacy, data);
  if (refusal) throw new Problem(403, 'Forbidden', `${refusal.field}: ${refusal.message}`, [refusal]);
}

/**
 * A status that belongs to a workflow (a leave request's) starts at its first value and changes
 * only through its decision use case, which checks who decides: writing it directly would let the
 * requester approve their own leave. Sending the status it already has is fine.
 */
function refuseStatusWrite(type: RecordType, body: Record<string, unknown>, currentStatus: unknown) {
  const rule = type.decidedStatus;
  if (!rule || !('status' in body)) return;
  const allowed = currentStatus === undefined ? rule.initial : currentStatus;
  if (body.status !== allowed) throw invalidField('status', `${currentStatus === undefined ? `starts ${rule.initial}; it ` : ''}changes only through ${rule.through}`, 422);
}

async function project(tx: DbOrTx, actor: Actor, type: RecordType, data: { id: string }, previousKeys: readonly string[]) {
  return applyProjection(tx, actor, type.project(data as never), previousKeys);
}

/** The record written, with the actor's level on its module (for what the answer says they may do next). */
export interface Written { row: RecordRow; level: AccessLevel | null }

export async function createRecord(db: Db, actor: Actor, type: RecordType, body: Record<string, unknown>): Promise<Written> {
  return db.transaction(async (tx) => {
    const level = await requireModuleWrite(tx, actor, type.module);
    const id = crypto.randomUUID();
    const data = validateRecord(type, id, body);
    refuseOtherSubject(actor, type, data);
    refuseStatusWrite(type, body, undefined);
    return { row: await insertRow(tx, actor, type, id, data, await project(tx, actor, type, data, [])), level };
  });
}

/** Writes a record's new data and its entries, if it is still the version read; no policy check (the callers make theirs). */
export async function writeRecord(tx: DbOrTx, actor: Actor, type: RecordType, current: RecordRow, data: { id: string } & Record<string, unknown>): Promise<RecordRow> {
  const keys = await project(tx, actor, type, data, current.projectedKeys);
  const row = await updateRow(tx, current.id, current.version, data, keys);
  if (!row) throw preconditionFailed('The record changed while saving; reload and try again.');
  return row;
}

async function findChangeable(tx: DbOrTx, actor: Actor, type: RecordType, id: string): Promise<Written> {
  const { row, level } = await findRecord(tx, actor, type, id);
  if (!canWriteModule(actor, level)) throw forbidden(`You may read ${type.module} records but not change them.`);
  if (!canChangeRecord(actor, level, type.privacy, row.data)) throw forbidden(`Only the person this ${type.label.toLowerCase()} is about, a manager or an admin changes it.`);
  return { row, level };
}

/** Changes a record (the body's fields replace the stored ones) and re-projects it, in one transaction. */
export async function updateRecord(db: Db, actor: Actor, type: RecordType, id: string, body: Record<string, unknown>, expectedVersion: number | null): Promise<Written> {
  return db.transaction(async (tx) => {
    const { row: current, level } = await findChangeable(tx, actor, type, id);
    if (expectedVersion !== null && expectedVersion !== current.version) throw preconditionFailed(`The record changed since you loaded it (now version ${current.version}).`);
    refuseStatusWrite(type, body, current.data.status);
    const { id: _id, ...stored } = current.data;
    const data = validateRecord(type, id, { ...stored, ...body });
    refuseOtherSubject(actor, type, data);
    return { row: await writeRecord(tx, actor, type, current, data), level };
  });
}

export async function deleteRecord(db: Db, actor: Actor, type: RecordType, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const { row: current } = await findChangeable(tx, actor, type, id);
    await applyProjection(tx, actor, [], current.projectedKeys);
    await softDeleteRow(tx, id);
  });
}
