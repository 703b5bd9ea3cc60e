/**
 * What the field app keeps to read offline: the signed-in user, the agenda of the coming weeks
 * (GET /api/v1/calendar) and each event's details (entry, participants, bookings), each with the
 * time it was last refreshed from the server.
 */
import { ApiError, isMissingRoute, request } from '../api';
import type { Entry, FeedEvent, Session } from '../types';
import { getValue, setValue } from './idb';

/** How far ahead the agenda is kept: three weeks from the start of today. */
export const AGENDA_DAYS = 21;
/** Details are fetched for the first events only: a phone on 3G should not spend minutes on this. */
export const DETAIL_LIMIT = 40;

export interface Stored<T> { data: T; refreshedAt: string }

export interface Participant {
  id: string;
  name: string;
  organisation: string | null;
  isWalkIn: boolean;
  attendance: { status: string; checkedInAt: string | null } | null;
}
export interface ParticipantList { participants: Participant[]; canManage: boolean; counts: { attended: number; walkIns: number; expected: number; invited: number } }
export interface Booking { id: string; status: string; resourceName?: string }
export interface EntryDetails { entry: Entry; participants: ParticipantList | null; bookings: Booking[] }

export function agendaWindow(now = new Date()): { start: string; end: string } {
  const start = new Date(now);
  start.setHours(0, 0, 0, 0);
  const end = new Date(start.getTime() + AGENDA_DAYS * 86_400_000);
  return { start: start.toISOString(), end: end.toISOString() };
}

export const readSession = () => getValue<Session>('session');
export const saveSession = (session: Session) => setValue('session', session);
export const readAgenda = () => getValue<Stored<FeedEvent[]>>('agenda');
export const readDetails = (entryId: string) => getValue<Stored<EntryDetails>>(`entry:${entryId}`);

export async function refreshAgenda(): Promise<Stored<FeedEvent[]>> {
  const { start, end } = agendaWindow();
  const { data } = await request<FeedEvent[]>(`/api/v1/calendar?start=${encodeURIComponent(start)}&end=${encodeURIComponent(end)}`);
  const stored = { data: data.filter((e) => !e.extendedProps.busyOnly).sort((a, b) => a.start.localeCompare(b.start)), refreshedAt: new Date().toISOString() };
  await setValue('agenda', stored);
  return stored;
}

async function optional<T>(path: string): Promise<T | null> {
  try {
    return (await request<T>(path)).data;
  } catch (err) {
    if (isMissingRoute(err) || (err instanceof ApiError && err.status === 403)) return null;
    throw err;
  }
}

export async function refreshDetails(entryId: string, recurrenceId?: string | null): Promise<Stored<EntryDetails>> {
  const id = encodeURIComponent(entryId);
  const occurrence = recurrenceId ? `?recurrenceId=${encodeURIComponent(recurrenceId)}` : '';
  const [entry, participants, bookings] = await Promise.all([
    request<Entry>(`/api/v1/entries/${id}`).then((r) => r.data),
    optional<ParticipantList>(`/api/v1/entries/${id}/participants${occurrence}`),
    optional<{ items: Booking[] }>(`/api/v1/bookings?entryId=${id}`),
  ]);
  const stored = { data: { entry, participants, bookings: bookings?.items ?? [] }, refreshedAt: new Date().toISOString() };
  await setValue(`entry:${entryId}`, stored);
  return stored;
}

/** Refreshes the agenda, then the details of its first events (one at a time: a slow link stays usable). */
export async function refreshAll(onAgenda?: (agenda: Stored<FeedEvent[]>) => void): Promise<Stored<FeedEvent[]>> {
  const agenda = await refreshAgenda();
  onAgenda?.(agenda);
  const seen = new Set<string>();
  for (const event of agenda.data) {
    const entryId = event.extendedProps.entryId;
    if (seen.has(entryId) || seen.size >= DETAIL_LIMIT) continue;
    seen.add(entryId);
    await refreshDetails(entryId, event.extendedProps.recurrenceId).catch(() => undefined);
  }
  return agenda;
}
