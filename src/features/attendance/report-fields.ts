import { asc, eq } from 'drizzle-orm';
import { checkReportValues, type ReportFieldDefinition } from '../../core/attendance/report-fields.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { attendanceReportFields } from '../../db/schema/attendance.js';
import { badRequest, forbidden } from '../../http/problem.js';
import type { Actor } from '../auth/actor.js';

export async function loadReportFields(db: DbOrTx, organizationId: string): Promise<ReportFieldDefinition[]> {
  const rows = await db.select().from(attendanceReportFields).where(eq(attendanceReportFields.organizationId, organizationId))
    .orderBy(asc(attendanceReportFields.position), asc(attendanceReportFields.key));
  return rows.map((r) => ({ key: r.key, label: r.label, type: r.type, options: r.options, required: r.required }));
}

/** 400 naming each report field at fault. */
export async function checkParticipantReportValues(db: DbOrTx, organizationId: string, values: Record<string, unknown>): Promise<void> {
  const errors = checkReportValues(await loadReportFields(db, organizationId), values);
  if (errors.length) throw badRequest(`The report fields are not valid: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`, errors);
}

/** Replaces the organisation's list (admins and managers). Values already stored are kept as they are. */
export async function defineReportFields(deps: { db: Db }, actor: Actor, fields: ReportFieldDefinition[]): Promise<ReportFieldDefinition[]> {
  if (actor.role !== 'admin' && actor.role !== 'manager') throw forbidden('Only administrators and managers define report fields.');
  const keys = new Set<string>();
  fields.forEach((f, i) => {
    if (keys.has(f.key)) throw badRequest(`Two fields have the key ${f.key}.`, [{ field: `fields.${i}.key`, message: 'is used twice' }]);
    if (f.type === 'select' && f.options.length === 0) throw badRequest('A select field needs options.', [{ field: `fields.${i}.options`, message: 'must list at least one option' }]);
    keys.add(f.key);
  });
  await deps.db.transaction(async (tx) => {
    await tx.delete(attendanceReportFields).where(eq(attendanceReportFields.organizationId, actor.organizationId));
    if (fields.length) await tx.insert(attendanceReportFields).values(fields.map((f, position) => ({ ...f, organizationId: actor.organizationId, position })));
  });
  return loadReportFields(deps.db, actor.organizationId);
}
