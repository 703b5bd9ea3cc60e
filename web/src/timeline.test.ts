import { describe, expect, it } from 'vitest';
import { testIntl } from './i18n/test-intl';
import { EMPTY_FILTERS } from './filters';
import { DEFAULT_MODULES } from './modules';
import { timelineModules, timelineResources, toTimelineEvent } from './timeline';
import type { FeedEvent } from './types';

const feed = (over: Partial<FeedEvent> & { kind?: string; module?: string }): FeedEvent => ({
  id: 'e1', title: 'Milestone', start: '2026-03-02', end: '2026-03-03', allDay: true, backgroundColor: '#0e7490', borderColor: '#0e7490', color: '#0e7490', contrastColor: '#fff', textColor: '#fff', editable: false,
  extendedProps: {
    entryId: 'e1', module: over.module ?? 'planning', kind: over.kind ?? 'monitoring_milestone', calendarId: 'c', canEdit: false, canDelete: false,
    busyOnly: false, location: null, priority: 'normal', status: 'planned', version: 1, visibility: 'internal',
  },
  ...over,
});

describe('timeline', () => {
  it('shows planning and MANA unless the module filter narrows it to one of them', () => {
    expect(timelineModules(EMPTY_FILTERS)).toEqual(['planning', 'mana']);
    expect(timelineModules({ ...EMPTY_FILTERS, modules: ['mana', 'staff'] })).toEqual(['mana']);
    expect(timelineModules({ ...EMPTY_FILTERS, modules: ['staff'] })).toEqual(['planning', 'mana']);
  });

  it('has a row per kind of the shown modules and an Other row', () => {
    const rows = timelineResources(DEFAULT_MODULES, ['mana'], testIntl);
    expect(rows.map((r) => r.id)).toEqual(['mana:assessment_milestone', 'mana:baseline_data_collection', 'mana:need_follow_up', 'other']);
    expect(rows[0]!.title).toBe('Needs assessment · Assessment milestone');
  });

  it('gives a one-day milestone its day and places it on its kind row', () => {
    const rows = new Set(timelineResources(DEFAULT_MODULES, ['planning'], testIntl).map((r) => r.id));
    expect(toTimelineEvent(feed({}), 'Asia/Manila', rows)).toMatchObject({ start: '2026-03-02', end: '2026-03-03', resourceIds: ['planning:monitoring_milestone'] });
    expect(toTimelineEvent(feed({ kind: 'unknown' }), 'Asia/Manila', rows).resourceIds).toEqual(['other']);
  });

  it('turns instants into wall times of the shown zone and lengthens a zero-length deadline', () => {
    const rows = new Set<string>();
    const timed = feed({ allDay: false, start: '2026-03-02T01:00:00Z', end: '2026-03-02T03:30:00Z' });
    expect(toTimelineEvent(timed, 'Asia/Manila', rows)).toMatchObject({ start: '2026-03-02T09:00', end: '2026-03-02T11:30' });
    const point = feed({ allDay: false, start: '2026-03-02T09:00:00Z', end: '2026-03-02T09:00:00Z' });
    expect(toTimelineEvent(point, 'UTC', rows)).toMatchObject({ start: '2026-03-02T09:00', end: '2026-03-03T00:00' });
  });
});
