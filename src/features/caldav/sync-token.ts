import type { AccessLevel } from '../../db/schema/calendars.js';

/**
 * RFC 6578 sync tokens. A token says "you have seen every change to this collection that a
 * PostgreSQL snapshot shows", so the next sync asks for rows stamped by transactions not visible in
 * it (migration 0008's change stamps): late-committing writers are never missed, which comparing
 * times or counters would do. The snapshot is narrowed to the collection's own last change
 * (`narrowSnapshot`), so the token stays the same while the collection does not change. It also
 * carries the access level it was made for (a changed level changes every resource: full resync)
 * and the day it was made: tombstones are purged after TOMBSTONE_DAYS, so an older token cannot
 * list every deletion and is refused (DAV:valid-sync-token) — the client then syncs afresh.
 */
export const TOMBSTONE_DAYS = 30;
const DAY_MS = 86_400_000;
const PREFIX = 'urn:kalendaryo:sync:';

export interface Snapshot {
  xmin: bigint;
  xmax: bigint;
  xip: bigint[];
}

export interface SyncToken {
  level: AccessLevel;
  day: number;
  snapshot: Snapshot;
}

export function parseSnapshot(text: string): Snapshot | null {
  const match = /^(\d{1,20}):(\d{1,20}):((?:\d{1,20}(?:,\d{1,20})*)?)$/.exec(text);
  if (!match) return null;
  const xmin = BigInt(match[1]!);
  const xmax = BigInt(match[2]!);
  const xip = match[3] ? match[3].split(',').map(BigInt) : [];
  if (xmin > xmax || xip.some((x) => x < xmin || x >= xmax)) return null;
  return { xmin, xmax, xip };
}

export const formatSnapshot = (s: Snapshot): string => `${s.xmin}:${s.xmax}:${s.xip.join(',')}`;

/**
 * The smallest snapshot that shows exactly what `current` shows of a collection whose newest
 * visible change stamp is `last` (null: none): transactions after `last` cannot have written into
 * it visibly, and those below it still running stay invisible.
 */
export function narrowSnapshot(current: Snapshot, last: bigint | null): Snapshot {
  if (last === null) return { xmin: current.xmin, xmax: current.xmin, xip: [] };
  const xmax = last + 1n;
  const xip = current.xip.filter((x) => x < xmax);
  const xmin = xip.reduce((a, b) => (b < a ? b : a), xmax);
  return { xmin, xmax, xip };
}

export function formatSyncToken(token: SyncToken): string {
  return `${PREFIX}${Buffer.from(`${token.level}|${token.day}|${formatSnapshot(token.snapshot)}`).toString('base64url')}`;
}

export const dayOf = (ms: number): number => Math.floor(ms / DAY_MS);

/**
 * The token a client sent, if it is still good for this collection at this level: not malformed,
 * made for the same access level, and younger than the oldest kept tombstone.
 */
export function readSyncToken(text: string, level: AccessLevel, nowMs: number): SyncToken | null {
  if (!text.startsWith(PREFIX)) return null;
  const [tokenLevel, day, snapshotText] = Buffer.from(text.slice(PREFIX.length), 'base64url').toString('utf8').split('|');
  const snapshot = snapshotText ? parseSnapshot(snapshotText) : null;
  const dayNumber = Number(day);
  if (!snapshot || tokenLevel !== level || !Number.isInteger(dayNumber)) return null;
  if (dayNumber <= dayOf(nowMs) - TOMBSTONE_DAYS || dayNumber > dayOf(nowMs) + 1) return null;
  return { level, day: dayNumber, snapshot };
}
