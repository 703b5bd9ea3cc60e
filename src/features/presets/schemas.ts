import { z } from 'zod';

/** Views a preset may open (the web calendar's views, plus the timeline). */
export const PRESET_VIEWS = ['timeGridDay', 'timeGridWeek', 'dayGridMonth', 'multiWeek', 'multiMonthYear', 'listWeek', 'timeline'] as const;
export const MAX_PRESETS_PER_USER = 50;

const Text = (max: number) => z.string().trim().max(max).default('');

/** The same filters the web calendar keeps in its URL (web/src/filters.ts). */
export const PresetFiltersSchema = z.strictObject({
  modules: z.array(z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, 'must be a module id')).max(20).default([]),
  calendars: z.array(z.uuid('must be a UUID')).max(100).default([]),
  status: Text(40),
  priority: Text(40),
  community: z.union([z.uuid('must be a UUID'), z.literal('')]).default(''),
  organizer: z.union([z.uuid('must be a UUID'), z.literal('')]).default(''),
  q: Text(200),
});
export type PresetFilters = z.infer<typeof PresetFiltersSchema>;

export const PresetCreateSchema = z.strictObject({
  name: z.string().trim().min(1, 'is required').max(80),
  view: z.enum(PRESET_VIEWS).nullable().default(null),
  filters: PresetFiltersSchema,
});
export type PresetCreate = z.infer<typeof PresetCreateSchema>;

export const PresetSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  view: z.string().nullable(),
  filters: PresetFiltersSchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Preset = z.infer<typeof PresetSchema>;
