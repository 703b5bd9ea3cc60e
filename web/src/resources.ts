/** The resources pages' and the entry editor's API calls: resources, availability, a resource's calendar, bookings (resources feature). */
import { request } from './api';
import type { AvailabilityData, BookingLabel, SeriesOutcome } from './availability';
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
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
}

export interface ResourceEvent {
  id: string; title: string; start: string; end: string; allDay: boolean; color: string;
  extendedProps?: { part?: string; bookingId?: string; entryId?: string };
}

export interface Booking { id: string; resourceId: string; resourceName: string; entryId: string; recurrenceId: string | null; start: string; end: string; status: string; canCancel: boolean }
/** A repeating entry is booked occurrence by occurrence, up to a horizon. */
export interface SeriesBooking { bookings: Booking[]; occurrences: SeriesOutcome[] }

export async function listResources(type: string, signal?: AbortSignal): Promise<Resource[]> {
  const q = type ? `?${new URLSearchParams({ type }).toString()}` : '';
  const { data } = await request<{ items: Resource[] }>(`/api/v1/resources${q}`, { signal });
  return data.items;
}

export async function resourceCalendar(id: string, start: string, end: string): Promise<ResourceEvent[]> {
  const { data } = await request<ResourceEvent[]>(`/api/v1/resources/${id}/calendar?${new URLSearchParams({ start, end }).toString()}`);
  return data;
}

export async function requestBooking(input: { resourceId: string; entryId: string; units: number; note: string | null }): Promise<Booking | SeriesBooking> {
  const { data } = await request<Booking | SeriesBooking>('/api/v1/bookings', { method: 'POST', body: input });
  return data;
}

const windowQuery = (start: string, end: string, extra: Record<string, string> = {}) => new URLSearchParams({ start, end, ...extra }).toString();

export async function resourceAvailability(id: string, start: string, end: string, signal?: AbortSignal): Promise<AvailabilityData> {
  const { data } = await request<AvailabilityData>(`/api/v1/resources/${id}/availability?${windowQuery(start, end)}`, { signal });
  return data;
}

/** The bookings of a resource's calendar in a window, by booking id: their titles and entries. */
export async function bookingLabels(id: string, start: string, end: string, signal?: AbortSignal): Promise<Map<string, BookingLabel>> {
  const { data } = await request<ResourceEvent[]>(`/api/v1/resources/${id}/calendar?${windowQuery(start, end)}`, { signal });
  return new Map(data.filter((e) => e.extendedProps?.part === 'booking')
    .map((e) => [e.extendedProps!.bookingId ?? e.id, { title: e.title, entryId: e.extendedProps!.entryId ?? null }]));
}

/** Resources of a type free for the whole of [start, end) with their own buffers. */
export async function availableResources(type: string, start: string, end: string, signal?: AbortSignal): Promise<Resource[]> {
  const { data } = await request<{ items: Resource[] }>(`/api/v1/resources/available?${windowQuery(start, end, { type })}`, { signal });
  return data.items;
}

/** An entry's active bookings (staff see the ones they asked for; resource managers all). */
export async function entryBookings(entryId: string): Promise<Booking[]> {
  const { data } = await request<{ items: Booking[] }>(`/api/v1/bookings?${new URLSearchParams({ entryId }).toString()}`);
  return data.items.filter((b) => b.status === 'pending' || b.status === 'approved');
}

export async function cancelBooking(id: string): Promise<void> {
  await request(`/api/v1/bookings/${id}/cancel`, { method: 'POST', body: { reason: null } });
}

/** Entries the user may book for: ones they can edit, coming in the next weeks (from the feed). */
export function bookableEntries(events: FeedEvent[]): Array<{ id: string; title: string; start: string; allDay: boolean }> {
  const seen = new Set<string>();
  return events
    .filter((e) => e.extendedProps.canEdit && !e.extendedProps.recurrenceId)
    .filter((e) => !seen.has(e.extendedProps.entryId) && seen.add(e.extendedProps.entryId))
    .map((e) => ({ id: e.extendedProps.entryId, title: e.title, start: e.start, allDay: e.allDay }));
}
