/**
 * The timeline (Gantt) of planning and MANA milestones: one row per module kind, the feed's
 * entries as bars. EventCalendar shows floating wall times, so instants become wall times in the
 * zone the user looks at, and a milestone without length gets one day so it is visible.
 */
import type { IntlShape } from 'react-intl';
import type { Filters } from './filters';
import { translator } from './i18n/t';
import { labelsOf } from './labels';
import type { ModuleInfo } from './modules';
import { addDays, isDateOnly, isoToWall } from './times';
import type { FeedEvent } from './types';

export const TIMELINE_VIEW = 'timeline';
export const TIMELINE_MODULES = ['planning', 'mana'];
const OTHER_ROW = 'other';

export interface TimelineResource { id: string; title: string; eventBackgroundColor?: string }
export interface TimelineEvent {
  id: string;
  resourceIds: string[];
  title: string;
  start: string;
  end: string;
  allDay: boolean;
  backgroundColor?: string;
  textColor?: string;
  extendedProps: { entryId: string; seriesId?: string | null; recurrenceId?: string | null };
}

/** Modules the timeline asks the feed for: the milestone modules, narrowed by the module filter. */
export function timelineModules(filters: Filters): string[] {
  const chosen = filters.modules.filter((m) => TIMELINE_MODULES.includes(m));
  return chosen.length ? chosen : TIMELINE_MODULES;
}

export const rowId = (module: string | null | undefined, kind: string | null | undefined) => (module && kind ? `${module}:${kind}` : OTHER_ROW);

/** One row per kind of the timeline modules, in module order, plus "Other" for anything else. */
export function timelineResources(modules: ModuleInfo[], shown: string[], intl: IntlShape): TimelineResource[] {
  const t = translator(intl);
  const labels = labelsOf(intl);
  const rows = modules
    .filter((m) => shown.includes(m.id))
    .flatMap((m) => m.kinds.map((k) => ({
      id: rowId(m.id, k.id),
      title: t('timeline.row', { module: labels.module(m.id, m.label).replace(/ \(.*\)$/, ''), kind: labels.kind(m.id, k.id, k.label) }),
      eventBackgroundColor: `var(--module-${m.id})`,
    })));
  return [...rows, { id: OTHER_ROW, title: t('timeline.other') }];
}

function wall(value: string, allDay: boolean, zone: string): string {
  if (allDay || isDateOnly(value)) return value.slice(0, 10);
  return isoToWall(value, zone);
}

export function toTimelineEvent(e: FeedEvent, zone: string, knownRows: Set<string>): TimelineEvent {
  const row = rowId(e.extendedProps.module, e.extendedProps.kind);
  const start = wall(e.start, e.allDay, zone);
  let end = e.end ? wall(e.end, e.allDay, zone) : start;
  // A point in time (a deadline) would be a bar of no width: give it its day.
  if (end <= start) end = e.allDay ? addDays(start, 1) : `${addDays(start.slice(0, 10), 1)}T00:00`;
  return {
    id: e.id,
    resourceIds: [knownRows.has(row) ? row : OTHER_ROW],
    title: e.title,
    start,
    end,
    allDay: e.allDay,
    backgroundColor: e.extendedProps.module ? `var(--module-${e.extendedProps.module})` : e.backgroundColor,
    textColor: e.extendedProps.module ? 'var(--on-module)' : e.textColor,
    extendedProps: { entryId: e.extendedProps.entryId, seriesId: e.extendedProps.seriesId, recurrenceId: e.extendedProps.recurrenceId },
  };
}
