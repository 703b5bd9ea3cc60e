/**
 * What the web calendar knows about modules before the server tells it more. GET /api/v1/modules
 * (a later feature) replaces this when it answers; until then the calendar uses these defaults,
 * the same as the server's module registry (src/features/modules). Colours pass WCAG AA with white text.
 */
import { isMissingRoute, request } from './api';

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

interface ServerModule {
  id?: string;
  name?: string;
  key?: string;
  label?: string;
  color?: string;
  kinds?: Array<string | { id?: string; key?: string; name?: string; label?: string }>;
}

function fromServer(m: ServerModule): ModuleInfo | null {
  const id = m.id ?? m.key ?? m.name;
  if (!id) return null;
  const fallback = DEFAULT_MODULES.find((d) => d.id === id);
  const serverKinds = (m.kinds ?? [])
    .map((k) => (typeof k === 'string' ? { id: k, label: k } : { id: k.id ?? k.key ?? k.name ?? '', label: k.label ?? k.name ?? k.id ?? '' }))
    .filter((k) => k.id);
  return {
    id,
    label: m.label ?? fallback?.label ?? id,
    color: m.color ?? fallback?.color ?? '#334155',
    kinds: serverKinds.length ? serverKinds : fallback?.kinds ?? [],
  };
}

/** The server's module list when it has one, else the defaults. */
export async function loadModules(): Promise<ModuleInfo[]> {
  try {
    const { data } = await request<{ items?: ServerModule[] } | ServerModule[]>('/api/v1/modules');
    const items = Array.isArray(data) ? data : data.items ?? [];
    const mods = items.map(fromServer).filter((m): m is ModuleInfo => m !== null);
    return mods.length ? mods : DEFAULT_MODULES;
  } catch (err) {
    // A server without the modules feature (404) or with a broken one still gets a usable calendar.
    if (!isMissingRoute(err)) console.warn('GET /api/v1/modules failed; using the built-in module list', err);
    return DEFAULT_MODULES;
  }
}

export function humanize(id: string): string {
  return id.replace(/[_-]/g, ' ').replace(/^./, (c) => c.toUpperCase());
}
