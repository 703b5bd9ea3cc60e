import { EMPTY_FILTERS, countActive, type Filters } from '../filters';
import { useT } from '../i18n/t';
import { useLabels } from '../labels';
import { PRIORITIES, STATUSES, type ModuleInfo } from '../modules';
import type { CalendarInfo } from '../types';
import { communityLookup, organizerLookup } from '../lookups';
import { LookupFilter } from './LookupFilter';

interface Props {
  filters: Filters;
  modules: ModuleInfo[];
  calendars: CalendarInfo[];
  onChange: (filters: Filters) => void;
}

function toggle(list: string[], id: string, on: boolean): string[] {
  return on ? [...list, id] : list.filter((x) => x !== id);
}

/** Narrow the calendar; every choice lands in the URL so the view can be bookmarked. */
export function FilterPanel({ filters, modules, calendars, onChange }: Props) {
  const t = useT();
  const labels = useLabels();
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  return (
    <div className="filter-panel">
      <fieldset>
        <legend>{t('filters.modules')}</legend>
        {modules.map((m) => (
          <label key={m.id} className="check">
            <input type="checkbox" name="module" value={m.id} checked={filters.modules.includes(m.id)}
              onChange={(e) => set({ modules: toggle(filters.modules, m.id, e.target.checked) })} />
            <span className="swatch" style={{ background: m.color }} aria-hidden="true" />
            {labels.module(m.id, m.label)}
          </label>
        ))}
      </fieldset>
      {calendars.length > 0 && (
        <fieldset>
          <legend>{t('filters.calendars')}</legend>
          {calendars.map((c) => (
            <label key={c.id} className="check">
              <input type="checkbox" name="calendar" value={c.id} checked={filters.calendars.includes(c.id)}
                onChange={(e) => set({ calendars: toggle(filters.calendars, c.id, e.target.checked) })} />
              <span className="swatch" style={{ background: c.color }} aria-hidden="true" />
              {c.name}
              {c.access === 'freebusy' && <span className="muted small">{t('filters.busyTimes')}</span>}
            </label>
          ))}
        </fieldset>
      )}
      <div className="filter-grid">
        <label htmlFor="filter-status">{t('filters.status')}</label>
        <select id="filter-status" value={filters.status} onChange={(e) => set({ status: e.target.value })}>
          <option value="">{t('filters.any')}</option>
          {STATUSES.map((s) => <option key={s} value={s}>{labels.status(s)}</option>)}
        </select>
        <label htmlFor="filter-priority">{t('filters.priority')}</label>
        <select id="filter-priority" value={filters.priority} onChange={(e) => set({ priority: e.target.value })}>
          <option value="">{t('filters.any')}</option>
          {PRIORITIES.map((p) => <option key={p} value={p}>{labels.priority(p)}</option>)}
        </select>
        <LookupFilter id="filter-community" label={t('filters.community')} value={filters.community} lookup={communityLookup} onCommit={(community) => set({ community })} />
        <LookupFilter id="filter-organizer" label={t('filters.organizer')} value={filters.organizer} lookup={organizerLookup} onCommit={(organizer) => set({ organizer })} />
      </div>
      {countActive(filters) > 0 && (
        <button type="button" className="link-button" onClick={() => onChange(EMPTY_FILTERS)}>{t('filters.clear')}</button>
      )}
    </div>
  );
}
