import { z } from 'zod';

/**
 * The answer of GET /api/v1/calendar/overview (src/core/overview/types.ts), as the OpenAPI document
 * and the web's generated types see it: times are epoch milliseconds, ids are entry ids.
 */
const Lifecycle = z.enum(['planned', 'scheduled', 'in_progress', 'pending_approval', 'completed', 'cancelled', 'rejected']);
const Count = z.number().int();

const StatusBreakdownSchema = z.object({
  module: z.string(),
  total: Count,
  byLifecycle: z.record(Lifecycle, Count),
  byStatus: z.record(z.string(), Count),
});

const OverviewItemSchema = z.object({
  entryId: z.string(),
  module: z.string(),
  kind: z.string(),
  title: z.string(),
  status: z.string(),
  lifecycle: Lifecycle,
  priority: z.enum(['low', 'normal', 'high', 'urgent']),
  startMs: z.number(),
  endMs: z.number(),
  allDay: z.boolean(),
  timeZone: z.string(),
  isDeadline: z.boolean(),
  dueMs: z.number().nullable(),
  completedAtMs: z.number().nullable(),
});

const OverviewAlertSchema = z.object({
  type: z.enum(['follow_up', 'approval', 'escalation', 'overdue']),
  entryId: z.string(),
  module: z.string(),
  title: z.string(),
  severity: z.enum(['info', 'warning', 'critical']),
  dueMs: z.number().nullable(),
  message: z.string(),
  actorIds: z.array(z.string()),
});

const ConflictType = z.enum(['person_double_booked', 'person_on_leave', 'resource_double_booked']);

export const OverviewConflictSchema = z.object({
  type: ConflictType,
  subjectId: z.string().describe('the person or resource'),
  entryIds: z.array(z.string()).describe('the two entries; for person_on_leave the scheduled entry first, the leave second'),
  startMs: z.number(),
  endMs: z.number(),
});

const ComplianceSchema = z.object({
  due: Count,
  completedOnTime: Count,
  completedLate: Count,
  completionTimeUnknown: Count,
  overdue: Count,
  upcoming: Count,
  onTimeRate: z.number().nullable(),
});

export const OverviewSchema = z.object({
  window: z.object({ startMs: z.number(), endMs: z.number() }),
  generatedAtMs: z.number(),
  totals: StatusBreakdownSchema,
  modules: z.array(StatusBreakdownSchema),
  upcoming: z.array(OverviewItemSchema),
  followUps: z.array(OverviewAlertSchema),
  workflow: z.object({ approvals: z.array(OverviewAlertSchema), escalations: z.array(OverviewAlertSchema), overdue: z.array(OverviewAlertSchema) }),
  conflicts: z.object({ total: Count, byType: z.record(ConflictType, Count), items: z.array(OverviewConflictSchema) }),
  heatmap: z.object({
    timeZone: z.string(),
    days: z.array(z.string()),
    modules: z.array(z.string()),
    byModule: z.array(z.array(Count)),
    bands: z.array(z.string()),
    byBand: z.array(z.array(Count)),
    allDay: z.array(Count),
    max: Count,
  }),
  compliance: z.object({ overall: ComplianceSchema, byModule: z.record(z.string(), ComplianceSchema), tasks: ComplianceSchema }),
});
