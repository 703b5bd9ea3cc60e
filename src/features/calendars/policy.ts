import type { AccessLevel } from '../../db/schema/calendars.js';
import type { Actor } from '../auth/actor.js';

/**
 * Who may do what with a calendar and its entries: pure predicates, used by every route.
 * Levels rise freebusy < view < edit < manage; a user's level on a calendar is the highest of
 * what their role, their own access rows and ownership give.
 */
const RANK: Record<AccessLevel, number> = { freebusy: 1, view: 2, edit: 3, manage: 4 };

export interface CalendarForPolicy {
  id: string;
  type: 'organisation' | 'personal' | 'holidays';
  ownerId: string | null;
  isReadOnly: boolean;
}

export interface AccessRow {
  calendarId: string;
  userId: string | null;
  role: string | null;
  level: AccessLevel;
}

export interface EntryForPolicy {
  visibility: string;
  organizerId: string | null;
  createdBy: string | null;
  /** An override (changed occurrence): its series' visibility, so one occurrence of a private series stays private. */
  seriesVisibility?: string | null;
}

/**
 * How much of an entry a viewer sees: nothing, a busy block, its title and time, or all of it.
 * A viewer is whoever reads: a signed-in user (cap "full"), or a subscription feed acting as its
 * owner at the detail the owner chose — never more than the owner may see now.
 */
export type Detail = 'none' | 'busy' | 'titles' | 'full';
export interface Viewer {
  actor: Actor;
  cap: Exclude<Detail, 'none'>;
}
const DETAIL_RANK: Record<Detail, number> = { none: 0, busy: 1, titles: 2, full: 3 };
export const userViewer = (actor: Actor): Viewer => ({ actor, cap: 'full' });

export const atLeast = (level: AccessLevel | null, wanted: AccessLevel): boolean => level !== null && RANK[level] >= RANK[wanted];

function higher(a: AccessLevel | null, b: AccessLevel | null): AccessLevel | null {
  if (a === null) return b;
  if (b === null) return a;
  return RANK[a] >= RANK[b] ? a : b;
}

export function accessLevelOf(actor: Actor, calendar: CalendarForPolicy, rows: readonly AccessRow[]): AccessLevel | null {
  let level: AccessLevel | null = null;
  if (actor.role === 'admin' || calendar.ownerId === actor.userId) level = 'manage';
  // Everyone in the office may see when a colleague is busy; holidays are everyone's.
  if (calendar.type === 'personal') level = higher(level, 'freebusy');
  if (calendar.type === 'holidays') level = higher(level, 'view');
  for (const row of rows) {
    if (row.calendarId !== calendar.id) continue;
    if (row.userId === actor.userId || (row.role !== null && row.role === actor.role)) level = higher(level, row.level);
  }
  // A read-only calendar (holidays, imported feeds) is changed by its managers only through sync.
  if (calendar.isReadOnly && level !== null && RANK[level] > RANK.view && actor.role !== 'admin') level = 'view';
  return level;
}

const isOwnEntry = (actor: Actor, entry: EntryForPolicy): boolean =>
  entry.organizerId === actor.userId || entry.createdBy === actor.userId;

const isPrivate = (entry: EntryForPolicy): boolean => entry.visibility === 'private' || entry.seriesVisibility === 'private';

/** Private entries of others show only as busy, even to people who can see the calendar. */
const privateHidden = (actor: Actor, level: AccessLevel | null, entry: EntryForPolicy): boolean =>
  isPrivate(entry) && !isOwnEntry(actor, entry) && level !== 'manage';

/** The one read decision every output asks (calendar views, exports, feeds, CalDAV). */
export function detailFor(viewer: Viewer, level: AccessLevel | null, entry: EntryForPolicy): Detail {
  if (level === null) return 'none';
  const allowed: Detail = !atLeast(level, 'view') || privateHidden(viewer.actor, level, entry) ? 'busy' : 'full';
  return DETAIL_RANK[allowed] <= DETAIL_RANK[viewer.cap] ? allowed : viewer.cap;
}

export const canSeeEntryDetails = (actor: Actor, level: AccessLevel | null, entry: EntryForPolicy): boolean =>
  detailFor(userViewer(actor), level, entry) === 'full';

export function canEditEntry(actor: Actor, level: AccessLevel | null, entry: EntryForPolicy): boolean {
  if (actor.role === 'viewer' || !atLeast(level, 'edit')) return false;
  return !privateHidden(actor, level, entry);
}

export const canCreateInCalendar = (actor: Pick<Actor, 'role'>, level: AccessLevel | null): boolean =>
  actor.role !== 'viewer' && atLeast(level, 'edit');

export const canManageCalendar = (level: AccessLevel | null): boolean => atLeast(level, 'manage');

export const canCreateCalendar = (actor: Actor): boolean => actor.role === 'admin' || actor.role === 'manager';
