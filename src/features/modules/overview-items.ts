/**
 * Entries → the overview's plain items and alerts (src/core/overview cannot read the registry):
 * lifecycle, deadline and completion time are worked out here, once.
 */
import type { OverviewItem } from '../../core/overview/types.js';
import { startOfDateMs } from './dates.js';
import type { EntryLike, WorkflowAlert } from './model.js';
import { getKind, lifecycleOf, parseDetailsOf, workflowAlertsOf } from './registry.js';

export function toOverviewItem(entry: EntryLike): OverviewItem {
  const kind = getKind(entry.module, entry.kind);
  const parsed = kind ? parseDetailsOf(kind, entry.details) : undefined;
  const dueMs = kind && parsed?.success ? kind.dueMsOf(entry, parsed.data) : null;
  const completedOn = entry.details['completedOn'];
  return {
    entryId: entry.id,
    module: entry.module,
    kind: entry.kind,
    title: entry.title,
    status: entry.status,
    lifecycle: lifecycleOf(entry.module, entry.kind, entry.status),
    priority: entry.priority,
    startMs: entry.startMs,
    endMs: entry.endMs,
    allDay: entry.allDay,
    timeZone: entry.timeZone,
    isDeadline: kind?.isDeadline ?? false,
    dueMs,
    completedAtMs: typeof completedOn === 'string' ? startOfDateMs(completedOn, entry.timeZone) : null,
  };
}

/** Items and workflow alerts of many entries at `nowMs`, ready for buildOverview. */
export function overviewInputsOf(entries: readonly EntryLike[], nowMs: number): { items: OverviewItem[]; alerts: WorkflowAlert[] } {
  return { items: entries.map(toOverviewItem), alerts: entries.flatMap((e) => workflowAlertsOf(e, nowMs)) };
}
