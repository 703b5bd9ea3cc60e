/**
 * Decisions waiting for the signed-in user, for the sidebar: pending leave requests (managers and
 * admins) and pending resource bookings they may decide. A server without a route answers 404,
 * which leaves that list empty.
 */
import { isMissingRoute, request } from './api';

export type DecisionAction = 'approve' | 'reject';

export interface PendingItem {
  kind: 'leave' | 'booking';
  id: string;
  title: string;
  /** "2026-07-06 – 2026-07-08" or instants, as the API gives them. */
  start: string;
  end: string;
  detail: string;
}

interface LeaveRecord { id: string; data: { title?: string; startDate?: string; endDate?: string; details?: { leaveType?: string; staffId?: string } } }
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
    ...l.map((r): PendingItem => ({
      kind: 'leave', id: r.id, title: r.data.title ?? 'Leave request', start: r.data.startDate ?? '', end: r.data.endDate ?? '',
      detail: r.data.details?.leaveType ? `${r.data.details.leaveType.replace(/_/g, ' ')} leave` : 'Leave',
    })),
    ...b.filter((x) => x.canDecide).map((x): PendingItem => ({ kind: 'booking', id: x.id, title: x.resourceName, start: x.start, end: x.end, detail: x.note ?? 'Booking' })),
  ];
}

export async function decide(item: Pick<PendingItem, 'kind' | 'id'>, action: DecisionAction, reason?: string): Promise<void> {
  const url = item.kind === 'leave' ? `/api/v1/modules/staff/leave/${item.id}/decision` : `/api/v1/bookings/${item.id}/decision`;
  await request(url, { method: 'POST', body: reason ? { action, reason } : { action } });
}

/** A short, readable span for a list: dates stay dates, instants become local date and time. */
export function describeSpan(start: string, end: string, zone: string): string {
  const fmt = (v: string) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? v : new Intl.DateTimeFormat('en-GB', { timeZone: zone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(v)));
  if (!start) return '';
  return end && end !== start ? `${fmt(start)} – ${fmt(end)}` : fmt(start);
}
