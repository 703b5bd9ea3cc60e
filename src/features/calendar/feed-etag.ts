import { createHash } from 'node:crypto';
import type { Actor } from '../auth/actor.js';
import type { CalendarView } from './view.js';

/**
 * The calendar feed's ETag, from what decides its body — known before anything is read, expanded or
 * serialised, so a conditional GET that matches is answered 304 at once:
 * - the state of the organisation's entries (the occurrence cache's change stamp: it changes with
 *   any entry written or deleted, and never repeats across processes or restarts);
 * - who is looking (user and role: the access policy's inputs) and, per calendar shown, the access
 *   level and colour (events carry both);
 * - the window and every filter, with a community filter as the communities it takes in now.
 * Dangerous to change: anything else a feed event comes to depend on must be added here, or a
 * client keeps a stale calendar after a 304.
 */
export function feedEtag(stamp: string, actor: Pick<Actor, 'userId' | 'role'>, view: CalendarView, communities: string[] | null): string {
  const { filters: f, calendars } = view;
  const identity = [
    stamp, actor.userId, actor.role, f.startMs, f.endMs, f.modules ?? null, f.status ?? null, f.priority ?? null, f.organizers ?? null, f.q ?? null, communities,
    [...calendars.values()].map((c) => [c.id, c.level, c.color]),
  ];
  return `W/"${createHash('sha1').update(JSON.stringify(identity)).digest('base64url')}"`;
}
