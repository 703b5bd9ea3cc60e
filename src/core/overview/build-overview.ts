/**
 * The integrated calendar's sidebar in one pure function: counts and status breakdown per module,
 * upcoming highlights, follow-ups, workflow alerts, conflicts, the 7-day heatmap and the compliance
 * snapshot — everything the plan's build_calendar_payload gathered, from entries already fetched.
 */
import type { Conflict } from '../conflicts/find-conflicts.js';
import { countDeadline, emptyCompliance } from './compliance.js';
import { buildHeatmap } from './heatmap.js';
import type { ComplianceFigures, Overview, OverviewAlert, OverviewInput, OverviewItem, OverviewLifecycle, StatusBreakdown } from './types.js';

const LIFECYCLE_ORDER: readonly OverviewLifecycle[] = ['planned', 'scheduled', 'in_progress', 'pending_approval', 'completed', 'cancelled', 'rejected'];
const PRIORITY_RANK = { urgent: 0, high: 1, normal: 2, low: 3 } as const;
const SEVERITY_RANK = { critical: 0, warning: 1, info: 2 } as const;

function breakdown(module: string): StatusBreakdown {
  return { module, total: 0, byLifecycle: Object.fromEntries(LIFECYCLE_ORDER.map((l) => [l, 0])) as Record<OverviewLifecycle, number>, byStatus: {} };
}

function add(b: StatusBreakdown, item: OverviewItem): void {
  b.total++;
  b.byLifecycle[item.lifecycle]++;
  b.byStatus[item.status] = (b.byStatus[item.status] ?? 0) + 1;
}

/** Most pressing first: by severity, then soonest due (undated last), then title. */
function byUrgency(a: OverviewAlert, b: OverviewAlert): number {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (a.dueMs ?? Infinity) - (b.dueMs ?? Infinity) || a.title.localeCompare(b.title);
}

/**
 * The first `k` of `items` in `compare` order, as sort().slice(0, k) gives them, without sorting
 * them all: a month holds thousands of coming items and the sidebar shows ten.
 */
export function firstOf<T>(items: readonly T[], k: number, compare: (a: T, b: T) => number): T[] {
  const best: T[] = [];
  if (k <= 0) return best;
  for (const item of items) {
    if (best.length === k && compare(item, best[k - 1]!) >= 0) continue;
    // After every item that compares equal, as a stable sort keeps them.
    let at = best.length;
    while (at > 0 && compare(item, best[at - 1]!) < 0) at--;
    best.splice(at, 0, item);
    if (best.length > k) best.pop();
  }
  return best;
}

export function buildOverview(input: OverviewInput): Overview {
  const { nowMs, window } = input;
  const inWindow = input.items.filter((i) => i.startMs < window.endMs && (i.endMs > window.startMs || (i.startMs === i.endMs && i.startMs >= window.startMs)));

  const totals = breakdown('all');
  const perModule = new Map(input.modules.map((m) => [m, breakdown(m)]));
  const overall = emptyCompliance();
  const tasks = emptyCompliance();
  const complianceByModule: Record<string, ComplianceFigures> = Object.fromEntries(input.modules.map((m) => [m, emptyCompliance()]));
  for (const item of inWindow) {
    add(totals, item);
    let b = perModule.get(item.module);
    if (!b) perModule.set(item.module, (b = breakdown(item.module)));
    add(b, item);
    countDeadline(overall, item, nowMs);
    countDeadline((complianceByModule[item.module] ??= emptyCompliance()), item, nowMs);
    if (item.kind === 'task') countDeadline(tasks, item, nowMs);
  }

  const isOpen = (i: OverviewItem) => i.lifecycle !== 'completed' && i.lifecycle !== 'cancelled' && i.lifecycle !== 'rejected';
  const upcoming = firstOf(
    inWindow.filter((i) => i.startMs >= nowMs && isOpen(i)),
    input.upcomingLimit ?? 10,
    (a, b) => a.startMs - b.startMs || PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || a.title.localeCompare(b.title),
  );

  const ofType = (t: OverviewAlert['type']) => input.alerts.filter((a) => a.type === t).sort(byUrgency);
  const byType: Record<Conflict['type'], number> = { person_double_booked: 0, person_on_leave: 0, resource_double_booked: 0 };
  for (const c of input.conflicts) byType[c.type]++;

  return {
    window: { ...window },
    generatedAtMs: nowMs,
    totals,
    modules: [...perModule.values()],
    upcoming,
    followUps: ofType('follow_up'),
    workflow: { approvals: ofType('approval'), escalations: ofType('escalation'), overdue: ofType('overdue') },
    conflicts: { total: input.conflicts.length, byType, items: input.conflicts.filter((c) => c.endMs > nowMs).slice(0, 50) },
    heatmap: buildHeatmap(input.items, input.modules, nowMs, input.timeZone, input.heatmapDays ?? 7),
    compliance: { overall, byModule: complianceByModule, tasks },
  };
}
