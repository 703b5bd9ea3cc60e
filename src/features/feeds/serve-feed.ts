import { createHash } from 'node:crypto';
import type { Database } from '../../db/client.js';
import type { Actor } from '../auth/actor.js';
import { sha256 } from '../auth/secrets.js';
import type { CalendarView } from '../calendar/view.js';
import type { Viewer } from '../calendars/policy.js';
import { listAccessibleCalendars } from '../calendars/repository.js';
import { exportIcs } from '../exports/ics-export.js';
import { viewStamp } from './feed-stamp.js';
import { type FeedWithOwner, findFeedByTokenHash, noteContentTag } from './repository.js';

const DAY_MS = 86_400_000;
/** The window a feed covers, from today (UTC): enough for any calendar app, small enough to poll. */
export const FEED_DAYS_BACK = 90;
export const FEED_DAYS_AHEAD = 548;
/** What a feed asks calendar apps to poll at (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
export const FEED_REFRESH_MINUTES = 60;
const SECRET = /^kf_[A-Za-z0-9_-]{43}$/;

export type FeedAnswer =
  | { status: 404 | 410 }
  | { status: 200 | 304; etag: string; lastModified: Date; body: AsyncIterable<string> | null };

export interface Conditions {
  ifNoneMatch?: string;
  ifModifiedSince?: string;
}

function ownerActor(feed: FeedWithOwner): Actor {
  const { owner } = feed;
  return { userId: owner.userId, organizationId: owner.organizationId, email: owner.email, name: owner.name, role: owner.role, timeZone: owner.timeZone, via: 'token', csrfToken: null };
}

/** What the feed shows now: the owner's view of the chosen calendars (none once the owner is deactivated). */
async function feedView(database: Database, feed: FeedWithOwner, actor: Actor, nowMs: number): Promise<CalendarView> {
  const today = Math.floor(nowMs / DAY_MS) * DAY_MS;
  const wanted = feed.calendarIds ? new Set(feed.calendarIds) : null;
  const accessible = feed.owner.isActive ? await listAccessibleCalendars(database.db, actor) : [];
  const calendars = new Map(accessible.filter((c) => !wanted || wanted.has(c.id)).map((c) => [c.id, c]));
  const f = feed.filters;
  return {
    calendars,
    filters: {
      organizationId: actor.organizationId, startMs: today - FEED_DAYS_BACK * DAY_MS, endMs: today + FEED_DAYS_AHEAD * DAY_MS,
      calendarIds: [...calendars.keys()], modules: f.modules, status: f.status, priority: f.priority, communities: f.community, organizers: f.organizer, q: f.q,
    },
  };
}

/** RFC 9110 §13.1.2: weak comparison, any of a list, or "*". */
export function noneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

function notModifiedSince(header: string | undefined, lastModified: Date): boolean {
  const since = header ? Date.parse(header) : Number.NaN;
  return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
}

/**
 * The answer to a feed URL, read with no session: 404 for an unknown secret, 410 for a revoked
 * feed, 304 when the client's copy is current (If-None-Match, else If-Modified-Since), otherwise
 * the calendar streamed. What it shows is decided now, by the one viewer policy, for the owner at
 * the feed's detail — never what the owner could see when the feed was made.
 */
export async function readFeed(deps: { database: Database; now: () => Date }, secret: string, conditions: Conditions): Promise<FeedAnswer> {
  if (!SECRET.test(secret)) return { status: 404 };
  const { database } = deps;
  const feed = await findFeedByTokenHash(database.db, sha256(secret));
  if (!feed) return { status: 404 };
  if (feed.revokedAt) return { status: 410 };
  const now = deps.now();
  const actor = ownerActor(feed);
  const view = await feedView(database, feed, actor, now.getTime());
  const stamp = await viewStamp(database, view.filters);
  const fingerprint = JSON.stringify([feed.id, feed.name, feed.detail, feed.filters, view.filters.startMs, [...view.calendars.values()].map((c) => `${c.id}:${c.level}`), stamp]);
  const etag = `W/"${createHash('sha256').update(fingerprint).digest('base64url').slice(0, 32)}"`;
  let lastModified = feed.contentChangedAt;
  if (feed.contentTag !== etag) {
    lastModified = now;
    await noteContentTag(database.db, feed.id, etag, now);
  }
  const fresh = conditions.ifNoneMatch !== undefined ? noneMatch(conditions.ifNoneMatch, etag) : notModifiedSince(conditions.ifModifiedSince, lastModified);
  if (fresh) return { status: 304, etag, lastModified, body: null };
  const viewer: Viewer = { actor, cap: feed.detail };
  return { status: 200, etag, lastModified, body: exportIcs(database, viewer, view, { name: feed.name, refreshMinutes: FEED_REFRESH_MINUTES }, now) };
}
