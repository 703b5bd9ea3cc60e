/** The compliance snapshot: how many deadlines were met, missed, or are overdue right now. */
import type { ComplianceFigures, OverviewItem } from './types.js';

export function emptyCompliance(): ComplianceFigures {
  return { due: 0, completedOnTime: 0, completedLate: 0, completionTimeUnknown: 0, overdue: 0, upcoming: 0, onTimeRate: null };
}

/** Adds one item to `f` (deadlines only; cancelled and rejected ones do not count either way). */
export function countDeadline(f: ComplianceFigures, item: OverviewItem, nowMs: number): void {
  if (!item.isDeadline || item.dueMs === null || item.lifecycle === 'cancelled' || item.lifecycle === 'rejected') return;
  const isDone = item.lifecycle === 'completed' || item.completedAtMs !== null;
  if (isDone) {
    f.due++;
    if (item.completedAtMs === null) {
      f.completionTimeUnknown++;
      f.completedOnTime++;
    } else if (item.completedAtMs <= item.dueMs) f.completedOnTime++;
    else f.completedLate++;
  } else if (nowMs >= item.dueMs) {
    f.due++;
    f.overdue++;
  } else f.upcoming++;
  f.onTimeRate = f.due > 0 ? f.completedOnTime / f.due : null;
}
