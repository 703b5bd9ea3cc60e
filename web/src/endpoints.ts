/** One function per API call the web calendar makes. */
import { request, setCsrfToken } from './api';
import type { EntryPatch } from './entry-form';
import type { CalendarInfo, Entry, EntryInput, FeedEvent, Session } from './types';

const V1 = '/api/v1';

export async function signIn(email: string, password: string): Promise<Session> {
  const { data } = await request<Session>(`${V1}/auth/login`, { method: 'POST', body: { email, password } });
  setCsrfToken(data.csrfToken);
  return data;
}

export async function signOut(): Promise<void> {
  await request<void>(`${V1}/auth/logout`, { method: 'POST' });
  setCsrfToken(null);
}

export async function currentSession(): Promise<Session> {
  const { data } = await request<Session>(`${V1}/me`);
  setCsrfToken(data.csrfToken);
  return data;
}

export async function listCalendars(): Promise<CalendarInfo[]> {
  const { data } = await request<{ items: CalendarInfo[] }>(`${V1}/calendars`);
  return data.items;
}

export async function fetchFeed(query: URLSearchParams, signal?: AbortSignal): Promise<FeedEvent[]> {
  const { data } = await request<FeedEvent[]>(`${V1}/calendar?${query.toString()}`, { signal });
  return data;
}

export interface VersionedEntry {
  entry: Entry;
  /** What to send back in If-Match: the ETag, or the entry's version quoted. */
  ifMatch: string;
}

export async function getEntry(id: string): Promise<VersionedEntry> {
  const { data, etag } = await request<Entry>(`${V1}/entries/${encodeURIComponent(id)}`);
  return { entry: data, ifMatch: etag ?? `"${data.version}"` };
}

export async function createEntry(input: EntryInput): Promise<Entry> {
  const { data } = await request<Entry>(`${V1}/entries`, { method: 'POST', body: input });
  return data;
}

export async function updateEntry(id: string, ifMatch: string, patch: EntryPatch): Promise<Entry> {
  const { data } = await request<Entry>(`${V1}/entries/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: patch,
    headers: { 'If-Match': ifMatch },
  });
  return data;
}

export async function deleteEntry(id: string, ifMatch?: string): Promise<void> {
  await request<void>(`${V1}/entries/${encodeURIComponent(id)}`, {
    method: 'DELETE',
    headers: ifMatch ? { 'If-Match': ifMatch } : {},
  });
}

/**
 * What a drag or resize does. With the version the feed showed (when the feed carries one), a
 * change made by someone else meanwhile is refused (412) instead of overwritten; without it the
 * current version is fetched first.
 */
export async function moveEntry(id: string, patch: Pick<EntryInput, 'start' | 'end' | 'allDay'>, shownVersion?: string | number): Promise<Entry> {
  const ifMatch = shownVersion !== undefined ? `"${shownVersion}"` : (await getEntry(id)).ifMatch;
  return updateEntry(id, ifMatch, patch);
}

/** Which occurrences of a repeating entry a change applies to. */
export type OccurrenceScope = 'this' | 'following' | 'all';

const occurrencePath = (seriesId: string, recurrenceId: string, scope: OccurrenceScope) =>
  `${V1}/entries/${encodeURIComponent(seriesId)}/occurrences/${encodeURIComponent(recurrenceId)}?scope=${scope}`;

/** Moves one occurrence (an override), or this and the following ones (a new series from here). */
export async function moveOccurrence(seriesId: string, recurrenceId: string, scope: OccurrenceScope, patch: Pick<EntryInput, 'start' | 'end' | 'allDay'>): Promise<void> {
  const { ifMatch } = await getEntry(seriesId);
  await request(occurrencePath(seriesId, recurrenceId, scope), { method: 'PATCH', body: patch, headers: { 'If-Match': ifMatch } });
}

export async function deleteOccurrence(seriesId: string, recurrenceId: string, scope: OccurrenceScope): Promise<void> {
  const { ifMatch } = await getEntry(seriesId);
  await request(occurrencePath(seriesId, recurrenceId, scope), { method: 'DELETE', headers: { 'If-Match': ifMatch } });
}
