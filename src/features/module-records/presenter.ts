/** A module record as the API gives it: its data, its projected entries and what the caller may do with it. */
import type { DbOrTx } from '../../db/client.js';
import type { AccessLevel } from '../../db/schema/calendars.js';
import type { Actor } from '../auth/actor.js';
import type { RecordType } from '../modules/index.js';
import { canChangeRecord, canDecideLeave } from './policy.js';
import { projectedEntries, type RecordRow } from './repository.js';

export async function presentRecord(db: DbOrTx, actor: Actor, type: RecordType, level: AccessLevel | null, row: RecordRow) {
  const projected = await projectedEntries(db, actor, row.projectedKeys);
  const canChange = canChangeRecord(actor, level, type.privacy, row.data);
  return {
    id: row.id, module: row.module, type: row.type, data: row.data, version: row.version,
    createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString(),
    canEdit: canChange,
    canDelete: canChange,
    canDecide: type.decidedStatus !== null && canDecideLeave(actor, level, row.data),
    entries: projected.map((e) => ({
      id: e.id, projectionKey: e.projectionKey, title: e.title, kind: e.kind, status: e.status, allDay: e.allDay,
      start: e.allDay ? e.startDate! : e.startAt.toISOString(), end: e.allDay ? e.endDate! : e.endAt.toISOString(),
    })),
  };
}
