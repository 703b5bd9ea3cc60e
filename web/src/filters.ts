/**
 * The calendar's filters and position live in the URL query string so that a view can be
 * bookmarked and shared. Lists are comma-separated; empty values are left out.
 */

export interface Filters {
  modules: string[];
  calendars: string[];
  status: string;
  priority: string;
  community: string;
  organizer: string;
  q: string;
}

export interface CalendarLocation {
  view: string | null;
  /** A plain date (YYYY-MM-DD) the view shows. */
  date: string | null;
  filters: Filters;
}

export const EMPTY_FILTERS: Filters = {
  modules: [],
  calendars: [],
  status: '',
  priority: '',
  community: '',
  organizer: '',
  q: '',
};

const LIST_KEYS = ['modules', 'calendars'] as const;
const TEXT_KEYS = ['status', 'priority', 'community', 'organizer', 'q'] as const;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

function splitList(value: string | null): string[] {
  if (!value) return [];
  return [...new Set(value.split(',').map((s) => s.trim()).filter(Boolean))];
}

export function parseLocation(search: string): CalendarLocation {
  const params = new URLSearchParams(search);
  const filters: Filters = { ...EMPTY_FILTERS };
  for (const key of LIST_KEYS) filters[key] = splitList(params.get(key));
  for (const key of TEXT_KEYS) filters[key] = (params.get(key) ?? '').trim();
  const date = params.get('date');
  return { view: params.get('view') || null, date: date && DATE_RE.test(date) ? date : null, filters };
}

export function formatLocation(loc: CalendarLocation): string {
  const params = new URLSearchParams();
  if (loc.view) params.set('view', loc.view);
  if (loc.date) params.set('date', loc.date);
  for (const key of LIST_KEYS) if (loc.filters[key].length) params.set(key, loc.filters[key].join(','));
  for (const key of TEXT_KEYS) if (loc.filters[key]) params.set(key, loc.filters[key]);
  const s = params.toString().replace(/%2C/g, ',');
  return s ? `?${s}` : '';
}

/** Query parameters of GET /api/v1/calendar for a visible range and the active filters. */
export function feedQuery(start: string, end: string, filters: Filters): URLSearchParams {
  const params = new URLSearchParams({ start, end });
  for (const key of LIST_KEYS) if (filters[key].length) params.set(key, filters[key].join(','));
  for (const key of TEXT_KEYS) if (filters[key]) params.set(key, filters[key]);
  return params;
}

export function countActive(filters: Filters): number {
  return LIST_KEYS.filter((k) => filters[k].length).length + TEXT_KEYS.filter((k) => filters[k]).length;
}

export function sameFilters(a: Filters, b: Filters): boolean {
  return LIST_KEYS.every((k) => a[k].join(',') === b[k].join(',')) && TEXT_KEYS.every((k) => a[k] === b[k]);
}
