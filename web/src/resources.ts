/** The resources pages' API calls: resources, a resource's calendar, bookings (resources feature). */
import { request } from './api';
import type { FeedEvent } from './types';

export const RESOURCE_TYPES = ['vehicle', 'equipment', 'room', 'facilitator'] as const;

export interface Resource {
  id: string;
  type: string;
  name: string;
  description: string | null;
  capacity: number | null;
  quantity: number;
  location: string | null;
  needsApproval: boolean;
  timeZone: string;
}

export interface ResourceEvent { id: string; title: string; start: string; end: string; allDay: boolean; color: string }

export async function listResources(type: string, signal?: AbortSignal): Promise<Resource[]> {
  const q = type ? `?${new URLSearchParams({ type }).toString()}` : '';
  const { data } = await request<{ items: Resource[] }>(`/api/v1/resources${q}`, { signal });
  return data.items;
}

export async function resourceCalendar(id: string, start: string, end: string): Promise<ResourceEvent[]> {
  const { data } = await request<ResourceEvent[]>(`/api/v1/resources/${id}/calendar?${new URLSearchParams({ start, end }).toString()}`);
  return data;
}

export async function requestBooking(input: { resourceId: string; entryId: string; units: number; note: string | null }): Promise<{ status: string }> {
  const { data } = await request<{ status: string }>('/api/v1/bookings', { method: 'POST', body: input });
  return data;
}

/** Entries the user may book for: ones they can edit, coming in the next weeks (from the feed). */
export function bookableEntries(events: FeedEvent[]): Array<{ id: string; label: string }> {
  const seen = new Set<string>();
  return events
    .filter((e) => e.extendedProps.canEdit && !e.extendedProps.recurrenceId)
    .filter((e) => !seen.has(e.extendedProps.entryId) && seen.add(e.extendedProps.entryId))
    .map((e) => ({ id: e.extendedProps.entryId, label: `${e.title} — ${e.start.slice(0, 16).replace('T', ' ')}` }));
}
