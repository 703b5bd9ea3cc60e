/**
 * Workflow alert builders shared by the kinds: overdue, escalation, follow-up and approval. A kind
 * decides which apply; these keep the wording and severities the same across modules.
 */
import { DAY_MS } from './dates.js';
import { CLOSED_LIFECYCLES, type EntryLike, type Lifecycle, type WorkflowAlert, type WorkflowAlertType } from './model.js';

export function alert(
  entry: EntryLike,
  type: WorkflowAlertType,
  severity: WorkflowAlert['severity'],
  actorIds: readonly string[],
  dueMs: number | null,
  message: string,
): WorkflowAlert {
  return { type, entryId: entry.id, module: entry.module, kind: entry.kind, title: entry.title, actorIds: unique(actorIds), dueMs, severity, message };
}

export interface DeadlineRule {
  dueMs: number | null;
  actorIds: readonly string[];
  /** Remind the actors this long before the due moment (follow-up); 0 = no reminder. */
  followUpWithinMs?: number;
  /** Escalate once overdue by more than this; undefined = never. */
  escalateAfterMs?: number;
}

/** Overdue / escalation / follow-up alerts of an open item with a due moment. */
export function deadlineAlerts(entry: EntryLike, lifecycle: Lifecycle, rule: DeadlineRule, nowMs: number): WorkflowAlert[] {
  const { dueMs } = rule;
  if (dueMs === null || CLOSED_LIFECYCLES.has(lifecycle)) return [];
  const alerts: WorkflowAlert[] = [];
  if (nowMs >= dueMs) {
    const lateDays = Math.floor((nowMs - dueMs) / DAY_MS);
    alerts.push(alert(entry, 'overdue', 'warning', rule.actorIds, dueMs, `"${entry.title}" is overdue${lateDays > 0 ? ` by ${lateDays} day${lateDays === 1 ? '' : 's'}` : ''}`));
    if (rule.escalateAfterMs !== undefined && nowMs - dueMs > rule.escalateAfterMs) {
      alerts.push(alert(entry, 'escalation', 'critical', rule.actorIds, dueMs, `"${entry.title}" is still open ${lateDays} days after its due date`));
    }
  } else if ((rule.followUpWithinMs ?? 0) > 0 && dueMs - nowMs <= (rule.followUpWithinMs ?? 0)) {
    const days = Math.ceil((dueMs - nowMs) / DAY_MS);
    alerts.push(alert(entry, 'follow_up', 'info', rule.actorIds, dueMs, `"${entry.title}" is due in ${days} day${days === 1 ? '' : 's'}`));
  }
  return alerts;
}

/** An item waiting for a decision; escalates when the decision is still missing at `dueMs`. */
export function approvalAlerts(entry: EntryLike, lifecycle: Lifecycle, approverIds: readonly string[], dueMs: number | null, nowMs: number): WorkflowAlert[] {
  if (lifecycle !== 'pending_approval') return [];
  const alerts = [alert(entry, 'approval', 'warning', approverIds, dueMs, `"${entry.title}" awaits approval`)];
  if (dueMs !== null && nowMs >= dueMs) {
    alerts.push(alert(entry, 'escalation', 'critical', approverIds, dueMs, `"${entry.title}" passed its date without a decision`));
  }
  return alerts;
}

export function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
