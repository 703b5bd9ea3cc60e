/**
 * The modules and kinds the calendar offers: the server's kind catalogue (GET /api/v1/modules/kinds)
 * when it answers, else these built-in defaults, the same as the server's module registry
 * (src/features/modules). Colours pass WCAG AA with white text; labels are shown
 * from the catalogue (labels.ts) and these English ones only stand in for ids it does not know.
 */
import { loadKindCatalogue, type KindCatalogue, type KindInfo } from './kinds';

export interface ModuleInfo {
  id: string;
  label: string;
  color: string;
  kinds: Array<{ id: string; label: string }>;
}

const kinds = (list: Array<[string, string]>) => list.map(([id, label]) => ({ id, label }));

export const DEFAULT_MODULES: ModuleInfo[] = [
  { id: 'coordination', label: 'Coordination', color: '#1d4ed8', kinds: kinds([['event', 'Coordination event'], ['stakeholder_engagement', 'Stakeholder engagement'], ['communication_follow_up', 'Communication follow-up'], ['partnership_milestone', 'Partnership milestone']]) },
  { id: 'mana', label: 'Needs assessment (MANA)', color: '#047857', kinds: kinds([['assessment_milestone', 'Assessment milestone'], ['baseline_data_collection', 'Baseline data collection'], ['need_follow_up', 'Need follow-up']]) },
  { id: 'staff', label: 'Staff', color: '#6d28d9', kinds: kinds([['task', 'Staff task'], ['training_session', 'Training session'], ['training_enrollment', 'Training enrollment'], ['leave', 'Leave'], ['performance_review', 'Performance review']]) },
  { id: 'policy', label: 'Policy', color: '#b45309', kinds: kinds([['recommendation_deadline', 'Policy recommendation deadline'], ['consultation', 'Policy consultation'], ['review_meeting', 'Policy review meeting']]) },
  { id: 'planning', label: 'Planning and monitoring', color: '#0e7490', kinds: kinds([['monitoring_milestone', 'Monitoring milestone'], ['workflow_stage_deadline', 'Workflow stage deadline'], ['budget_hearing', 'Budget hearing'], ['quarterly_report_deadline', 'Quarterly reporting deadline']]) },
  { id: 'community', label: 'Community', color: '#be123c', kinds: kinds([['community_event', 'Community event'], ['observance', 'Observance']]) },
  { id: 'general', label: 'General', color: '#4b5563', kinds: kinds([['event', 'Event']]) },
];

/** The common lifecycle words; each kind has its own statuses, which the server checks. */
export const STATUSES = ['planned', 'scheduled', 'in_progress', 'pending_approval', 'completed', 'cancelled', 'rejected'];
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'];

/** The catalogue's modules with their kinds, in the server's order. */
export function modulesOf(catalogue: KindCatalogue): ModuleInfo[] {
  return catalogue.modules.map((m) => ({
    id: m.module,
    label: m.label,
    color: m.colour,
    kinds: catalogue.kinds.filter((k) => k.module === m.module).map((k) => ({ id: k.kind, label: k.label })),
  }));
}

/** The server's modules and kinds when it gives them, else the defaults. */
export async function loadModules(): Promise<ModuleInfo[]> {
  const catalogue = await loadKindCatalogue();
  const mods = catalogue ? modulesOf(catalogue) : [];
  return mods.length ? mods : DEFAULT_MODULES;
}

/** Whether two module lists offer the same modules, labels, colours and kinds. */
export function sameModules(a: readonly ModuleInfo[], b: readonly ModuleInfo[]): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * What the Status select offers for a kind: its own statuses, plus the entry's current one even if
 * the kind does not list it (so that opening an entry never silently changes its status).
 */
export function statusChoices(kind: KindInfo, current: string): string[] {
  const listed = kind.statuses.map((s) => s.status);
  return current && !listed.includes(current) ? [...listed, current] : listed;
}
