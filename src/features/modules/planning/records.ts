/**
 * Planning records: a monitoring entry projects its start, each milestone and its end, one deadline
 * per workflow stage, its budget hearings and its quarterly reporting deadlines.
 */
import { z } from 'zod';
import type { EntryDraft } from '../model.js';
import { allDayDraft, key, timedDraft } from '../projection.js';
import { IdListSchema, IdSchema, IsoDateSchema, RecordBaseShape, TimedSpanShape, endNotBeforeStart } from '../schema-parts.js';
import { BudgetHearingDetailsSchema } from './kinds.js';

const DatedStatusShape = { date: IsoDateSchema, status: z.string().default('not_started') };

export const MonitoringEntryRecordSchema = z.strictObject({
  ...RecordBaseShape,
  ownerId: IdSchema.optional(),
  start: z.strictObject(DatedStatusShape).nullable().default(null),
  end: z.strictObject(DatedStatusShape).nullable().default(null),
  milestones: z.array(z.strictObject({ id: IdSchema, label: z.string().min(1).max(255), ...DatedStatusShape, progressPercent: z.number().min(0).max(100).optional() })).max(200).default([]),
  workflowStages: z
    .array(z.strictObject({ id: IdSchema, stage: z.string().min(1).max(100), order: z.int().nonnegative(), dueDate: IsoDateSchema, status: z.string().default('pending'), assigneeId: IdSchema.optional(), approverIds: IdListSchema }))
    .max(50)
    .default([]),
  budgetHearings: z
    .array(z.strictObject({ id: IdSchema, title: z.string().min(1).max(255).optional(), ...TimedSpanShape, status: z.string().default('scheduled'), organizerId: IdSchema.nullable().default(null), details: BudgetHearingDetailsSchema.omit({ monitoringEntryId: true }) }).refine(...endNotBeforeStart))
    .max(50)
    .default([]),
  reportingDeadlines: z
    .array(z.strictObject({ fiscalYear: z.int().min(2000).max(2200), quarter: z.int().min(1).max(4), dueDate: IsoDateSchema, status: z.string().default('pending'), approverIds: IdListSchema }))
    .max(200)
    .default([]),
});
export type MonitoringEntryRecord = z.infer<typeof MonitoringEntryRecordSchema>;

export function projectMonitoringEntry(record: MonitoringEntryRecord): EntryDraft[] {
  const owner = record.ownerId ? { ownerId: record.ownerId } : {};
  const base = { module: 'planning' as const, organizerId: record.ownerId ?? null };
  const drafts: EntryDraft[] = [];
  const milestone = (projectionKey: string, title: string, date: string, status: string, details: Record<string, unknown>) =>
    drafts.push(allDayDraft(record, { ...base, projectionKey, kind: 'monitoring_milestone', title, status, details: { monitoringEntryId: record.id, ...owner, ...details } }, date));

  if (record.start) milestone(key('planning', 'monitoring', record.id, 'start'), `Start: ${record.title}`, record.start.date, record.start.status, { milestone: 'start' });
  record.milestones.forEach((m, index) =>
    milestone(key('planning', 'monitoring', record.id, 'milestone', m.id), `${record.title}: ${m.label}`, m.date, m.status, {
      milestone: 'milestone',
      milestoneIndex: index,
      ...(m.progressPercent !== undefined ? { progressPercent: m.progressPercent } : {}),
    }),
  );
  if (record.end) milestone(key('planning', 'monitoring', record.id, 'end'), `End: ${record.title}`, record.end.date, record.end.status, { milestone: 'end' });

  for (const s of record.workflowStages) {
    drafts.push(
      allDayDraft(
        record,
        {
          ...base,
          projectionKey: key('planning', 'monitoring', record.id, 'stage', s.id),
          kind: 'workflow_stage_deadline',
          title: `${s.stage} stage due: ${record.title}`,
          status: s.status,
          organizerId: s.assigneeId ?? base.organizerId,
          details: { monitoringEntryId: record.id, stage: s.stage, stageOrder: s.order, approverIds: s.approverIds, ...(s.assigneeId ? { assigneeId: s.assigneeId } : {}) },
        },
        s.dueDate,
      ),
    );
  }
  for (const h of record.budgetHearings) {
    drafts.push(
      timedDraft(
        record,
        { ...base, projectionKey: key('planning', 'monitoring', record.id, 'hearing', h.id), kind: 'budget_hearing', title: h.title ?? `Budget hearing FY${h.details.fiscalYear}: ${record.title}`, status: h.status, organizerId: h.organizerId, details: { ...h.details, monitoringEntryId: record.id } },
        h.start,
        h.end,
      ),
    );
  }
  for (const r of record.reportingDeadlines) {
    drafts.push(
      allDayDraft(
        record,
        {
          ...base,
          projectionKey: key('planning', 'monitoring', record.id, 'report', r.fiscalYear, `Q${r.quarter}`),
          kind: 'quarterly_report_deadline',
          title: `Q${r.quarter} FY${r.fiscalYear} report due: ${record.title}`,
          status: r.status,
          details: { monitoringEntryId: record.id, fiscalYear: r.fiscalYear, quarter: r.quarter, approverIds: r.approverIds, ...owner },
        },
        r.dueDate,
      ),
    );
  }
  return drafts;
}
