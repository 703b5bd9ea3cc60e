import { EMPTY_FILTERS, countActive, type Filters } from '../filters';
import { humanize, PRIORITIES, STATUSES, type ModuleInfo } from '../modules';
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
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  return (
    <div className="filter-panel">
      <fieldset>
        <legend>Modules</legend>
        {modules.map((m) => (
          <label key={m.id} className="check">
            <input type="checkbox" name="module" value={m.id} checked={filters.modules.includes(m.id)}
              onChange={(e) => set({ modules: toggle(filters.modules, m.id, e.target.checked) })} />
            <span className="swatch" style={{ background: m.color }} aria-hidden="true" />
            {m.label}
          </label>
        ))}
      </fieldset>
      {calendars.length > 0 && (
        <fieldset>
          <legend>Calendars</legend>
          {calendars.map((c) => (
            <label key={c.id} className="check">
              <input type="checkbox" name="calendar" value={c.id} checked={filters.calendars.includes(c.id)}
                onChange={(e) => set({ calendars: toggle(filters.calendars, c.id, e.target.checked) })} />
              <span className="swatch" style={{ background: c.color }} aria-hidden="true" />
              {c.name}
              {c.access === 'freebusy' && <span className="muted small"> (busy times)</span>}
            </label>
          ))}
        </fieldset>
      )}
      <div className="filter-grid">
        <label htmlFor="filter-status">Status</label>
        <select id="filter-status" value={filters.status} onChange={(e) => set({ status: e.target.value })}>
          <option value="">Any</option>
          {STATUSES.map((s) => <option key={s} value={s}>{humanize(s)}</option>)}
        </select>
        <label htmlFor="filter-priority">Priority</label>
        <select id="filter-priority" value={filters.priority} onChange={(e) => set({ priority: e.target.value })}>
          <option value="">Any</option>
          {PRIORITIES.map((p) => <option key={p} value={p}>{humanize(p)}</option>)}
        </select>
        <LookupFilter id="filter-community" label="Community" value={filters.community} lookup={communityLookup} onCommit={(community) => set({ community })} />
        <LookupFilter id="filter-organizer" label="Organizer" value={filters.organizer} lookup={organizerLookup} onCommit={(organizer) => set({ organizer })} />
      </div>
      {countActive(filters) > 0 && (
        <button type="button" className="link-button" onClick={() => onChange(EMPTY_FILTERS)}>Clear all filters</button>
      )}
    </div>
  );
}
