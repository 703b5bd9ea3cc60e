/** Saved views (GET/POST/DELETE /api/v1/me/presets): a name, a view and the calendar's filters. */
import { request } from './api';
import { EMPTY_FILTERS, type Filters } from './filters';

export interface Preset {
  id: string;
  name: string;
  view: string | null;
  filters: Filters;
}

const URL = '/api/v1/me/presets';

export async function listPresets(signal?: AbortSignal): Promise<Preset[]> {
  const { data } = await request<{ items: Preset[] }>(URL, { signal });
  return data.items.map((p) => ({ ...p, filters: { ...EMPTY_FILTERS, ...p.filters } }));
}

export async function savePreset(name: string, view: string | null, filters: Filters): Promise<Preset> {
  const { data } = await request<Preset>(URL, { method: 'POST', body: { name, view, filters } });
  return data;
}

export async function deletePreset(id: string): Promise<void> {
  await request<void>(`${URL}/${id}`, { method: 'DELETE' });
}

/** The list after saving `saved`: a preset of the same name is replaced, the list stays in name order. */
export function mergePreset(list: Preset[], saved: Preset): Preset[] {
  return [...list.filter((p) => p.id !== saved.id), saved].sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));
}
