/**
 * Suggestions for the id filters (community, organizer) and the participants: the API filters on
 * ids, people type names. Both lookups fail soft: a server without the route gets none.
 */
import { request } from './api';

export interface Option {
  id: string;
  label: string;
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface Lookup {
  search(q: string): Promise<Option[]>;
  label(id: string): Promise<string | null>;
}

interface Community { id: string; name: string; level: string }
interface Person { id: string; name: string; email: string }

const quiet = async <T>(p: Promise<T>, fallback: T): Promise<T> => p.catch(() => fallback);

export const communityLookup: Lookup = {
  search: (q) => quiet(
    request<{ items: Community[] }>(`/api/v1/communities?${new URLSearchParams({ q, limit: '20' }).toString()}`)
      .then(({ data }) => data.items.map((c) => ({ id: c.id, label: `${c.name} (${c.level})` }))),
    [],
  ),
  label: (id) => quiet(request<Community>(`/api/v1/communities/${encodeURIComponent(id)}`).then(({ data }) => `${data.name} (${data.level})`), null),
};

/** Colleagues by name or e-mail from the people directory, open to everyone signed in. */
export const organizerLookup: Lookup = {
  search: (q) => q.trim() === '' ? Promise.resolve([]) : quiet(
    request<{ items: Person[] }>(`/api/v1/people?${new URLSearchParams({ q: q.trim(), limit: '20' }).toString()}`)
      .then(({ data }) => data.items.map((u) => ({ id: u.id, label: `${u.name} <${u.email}>` }))),
    [],
  ),
  label: (id) => quiet(request<Person>(`/api/v1/people/${encodeURIComponent(id)}`).then(({ data }) => data.name), null),
};
