/**
 * Decisions waiting for the signed-in user, for the sidebar: pending leave requests (managers and
 * admins) and pending resource bookings they may decide. A server without a route answers 404,
 * which leaves that list empty.
 */
import type { IntlShape } from 'react-intl';
import { isMissingRoute, request } from './api';

export type DecisionAction = 'approve' | 'reject';

export interface PendingItem {
  kind: 'leave' | 'booking';
  id: string;
  title: string;
  /** "2026-07-06 – 2026-07-08" or instants, as the API gives them. */
  start: string;
  end: string;
  /** A leave's type ("sick"), or a booking's note. */
  detail: string | null;
}

interface LeaveRecord { id: string; canDecide?: boolean; data: { title?: string; startDate?: string; endDate?: string; details?: { leaveType?: string; staffId?: string } } }
interface Booking { id: string; resourceName: string; start: string; end: string; note: string | null; canDecide: boolean }

const optional = <T>(p: Promise<T>, empty: T): Promise<T> => p.catch((err: unknown) => {
  if (isMissingRoute(err)) return empty;
  throw err;
});

export const DECIDES_LEAVE = new Set(['manager', 'admin']);

export async function loadPending(role: string, signal?: AbortSignal): Promise<PendingItem[]> {
  const leave = DECIDES_LEAVE.has(role)
    ? optional(request<{ items: LeaveRecord[] }>('/api/v1/modules/staff/leave?status=pending&limit=50', { signal }).then((r) => r.data.items), [])
    : Promise.resolve([]);
  const bookings = optional(request<{ items: Booking[] }>('/api/v1/bookings?status=pending&limit=50', { signal }).then((r) => r.data.items), []);
  const [l, b] = await Promise.all([leave, bookings]);
  return [
    ...l.filter((r) => r.canDecide !== false).map((r): PendingItem => ({
      kind: 'leave', id: r.id, title: r.data.title ?? '', start: r.data.startDate ?? '', end: r.data.endDate ?? '',
      detail: r.data.details?.leaveType ?? null,
    })),
    ...b.filter((x) => x.canDecide).map((x): PendingItem => ({ kind: 'booking', id: x.id, title: x.resourceName, start: x.start, end: x.end, detail: x.note })),
  ];
}

export async function decide(item: Pick<PendingItem, 'kind' | 'id'>, action: DecisionAction, reason?: string): Promise<void> {
  const url = item.kind === 'leave' ? `/api/v1/modules/staff/leave/${item.id}/decision` : `/api/v1/bookings/${item.id}/decision`;
  await request(url, { method: 'POST', body: reason ? { action, reason } : { action } });
}

/** A short, readable span for a list in the user's language: dates as dates, instants as date and time in the zone. */
export function describeSpan(start: string, end: string, zone: string, intl: IntlShape): string {
  if (!start) return '';
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(start);
  const at = (v: string) => new Date(dateOnly ? `${v}T12:00:00Z` : v);
  const options: Intl.DateTimeFormatOptions = dateOnly ? { timeZone: 'UTC', dateStyle: 'medium' } : { timeZone: zone, dateStyle: 'medium', timeStyle: 'short' };
  return end && end !== start ? intl.formatDateTimeRange(at(start), at(end), options) : intl.formatDate(at(start), options);
}
