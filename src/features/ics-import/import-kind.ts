import { getKind } from '../modules/index.js';
import type { IcsEntry } from '../../core/ics/index.js';

// The kind an imported event takes in each module's calendar: its meeting-like kind, else 'event'.
const MEETING_KINDS: Record<string, string> = {
  coordination: 'event',
  policy: 'review_meeting',
  planning: 'budget_hearing',
  community: 'community_event',
  staff: 'training_session',
  mana: 'baseline_data_collection',
  general: 'event',
};

export const importKindOf = (module: string): string => MEETING_KINDS[module] ?? 'event';

const PREFERRED: Record<string, string[]> = {
  confirmed: ['scheduled', 'confirmed', 'planned'],
  tentative: ['tentative', 'planned', 'scheduled'],
  cancelled: ['cancelled'],
  none: ['scheduled', 'confirmed', 'planned', 'observed'],
};

/** The kind's own status for an iCalendar STATUS (the first of its vocabulary that fits). */
export function importStatusOf(module: string, kind: string, status: IcsEntry['status']): string {
  const statuses = Object.keys(getKind(module, kind)?.statuses ?? {});
  const wanted = PREFERRED[status ?? 'none']!;
  return wanted.find((s) => statuses.includes(s)) ?? statuses[0] ?? 'scheduled';
}
