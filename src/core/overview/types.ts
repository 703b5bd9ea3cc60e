/**
 * The overview's inputs and outputs. Core cannot read the kind registry, so each item arrives with
 * its lifecycle, deadline facts and completion time already worked out by the modules feature.
 */
import type { Conflict } from '../conflicts/find-conflicts.js';

export type OverviewLifecycle = 'planned' | 'scheduled' | 'in_progress' | 'pending_approval' | 'completed' | 'cancelled' | 'rejected';
export type OverviewPriority = 'low' | 'normal' | 'high' | 'urgent';

export interface OverviewItem {
  entryId: string;
  module: string;
  kind: string;
  title: string;
  status: string;
  lifecycle: OverviewLifecycle;
  priority: OverviewPriority;
  startMs: number;
  endMs: number;
  allDay: boolean;
  /** The entry's zone: all-day items keep their dates whatever zone the viewer is in. */
  timeZone: string;
  isDeadline: boolean;
  dueMs: number | null;
  /** When the item was done, if recorded. */
  completedAtMs: number | null;
}

export interface OverviewAlert {
  type: 'follow_up' | 'approval' | 'escalation' | 'overdue';
  entryId: string;
  module: string;
  title: string;
  severity: 'info' | 'warning' | 'critical';
  dueMs: number | null;
  message: string;
  actorIds: string[];
}

export interface OverviewInput {
  items: readonly OverviewItem[];
  alerts: readonly OverviewAlert[];
  conflicts: readonly Conflict[];
  nowMs: number;
  window: { startMs: number; endMs: number };
  /** The viewer's zone: heatmap days and hour bands are in it. */
  timeZone: string;
  modules: readonly string[];
  upcomingLimit?: number;
  heatmapDays?: number;
}

export interface StatusBreakdown {
  module: string;
  total: number;
  byLifecycle: Record<OverviewLifecycle, number>;
  byStatus: Record<string, number>;
}

export interface ComplianceFigures {
  /** Deadlines due by now (or already done) in the window, cancelled/rejected left out. */
  due: number;
  completedOnTime: number;
  completedLate: number;
  /** Done without a recorded completion time: counted on time. */
  completionTimeUnknown: number;
  overdue: number;
  /** Deadlines later in the window, not yet done. */
  upcoming: number;
  /** completedOnTime / due, or null when nothing was due. */
  onTimeRate: number | null;
}

export const HOUR_BANDS = [
  { key: 'night', fromHour: 0, toHour: 6 },
  { key: 'morning', fromHour: 6, toHour: 12 },
  { key: 'afternoon', fromHour: 12, toHour: 18 },
  { key: 'evening', fromHour: 18, toHour: 24 },
] as const;

export interface Heatmap {
  timeZone: string;
  days: string[];
  modules: string[];
  /** byModule[d][m]: entries touching day d, of module m. */
  byModule: number[][];
  bands: string[];
  /** byBand[d][b]: timed entries touching hour band b of day d; all-day ones in `allDay[d]`. */
  byBand: number[][];
  allDay: number[];
  /** Busiest day's total, for scaling colours. */
  max: number;
}

export interface Overview {
  window: { startMs: number; endMs: number };
  generatedAtMs: number;
  totals: StatusBreakdown;
  modules: StatusBreakdown[];
  upcoming: OverviewItem[];
  followUps: OverviewAlert[];
  workflow: { approvals: OverviewAlert[]; escalations: OverviewAlert[]; overdue: OverviewAlert[] };
  conflicts: { total: number; byType: Record<Conflict['type'], number>; items: Conflict[] };
  heatmap: Heatmap;
  compliance: { overall: ComplianceFigures; byModule: Record<string, ComplianceFigures>; tasks: ComplianceFigures };
}
