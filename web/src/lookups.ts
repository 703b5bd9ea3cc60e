/**
 * Suggestions for the id filters (community, organizer): the API filters on ids, people type names.
 * Both lookups fail soft: a server without the route, or a user who may not list users, gets none.
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
interface UserRow { id: string; name: string; email: string }

const quiet = async <T>(p: Promise<T>, fallback: T): Promise<T> => p.catch(() => fallback);

export const communityLookup: Lookup = {
  search: (q) => quiet(
    request<{ items: Community[] }>(`/api/v1/communities?${new URLSearchParams({ q, limit: '20' }).toString()}`)
      .then(({ data }) => data.items.map((c) => ({ id: c.id, label: `${c.name} (${c.level})` }))),
    [],
  ),
  label: (id) => quiet(request<Community>(`/api/v1/communities/${encodeURIComponent(id)}`).then(({ data }) => `${data.name} (${data.level})`), null),
};

let users: Promise<UserRow[]> | null = null;
const allUsers = () => (users ??= quiet(request<{ items: UserRow[] }>('/api/v1/users').then(({ data }) => data.items), []));

export const organizerLookup: Lookup = {
  search: async (q) => {
    const needle = q.toLowerCase();
    return (await allUsers())
      .filter((u) => u.name.toLowerCase().includes(needle) || u.email.toLowerCase().includes(needle))
      .slice(0, 20)
      .map((u) => ({ id: u.id, label: `${u.name} <${u.email}>` }));
  },
  label: async (id) => (await allUsers()).find((u) => u.id === id)?.name ?? null,
};
