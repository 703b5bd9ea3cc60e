import type { ChannelListener, Database } from '../../db/client.js';
import type { Actor } from './actor.js';

/** The channel migration 0011 announces token, session and user changes on. */
export const ACTORS_CHANNEL = 'kalendaryo_actors';
/** How long an answer is believed at most, even with no change announced (a backstop). */
const TTL_MS = 60_000;
const MAX_ENTRIES = 10_000;

/** What a lookup found, and until when it holds by itself (a session's expiry). */
export interface FoundActor {
  actor: Actor;
  untilMs: number;
}

/**
 * Who a token or a session cookie is, remembered so that most requests need not ask the database
 * before their own work (a third of a booking's round trips). Revoking a token, signing out and
 * changing a user make every process forget everything: this one at once (`forget`, called where
 * it writes them), every other on the NOTIFY of migration 0011's triggers. While that channel is
 * not heard, nothing is remembered or believed — always so on the embedded database, whose lookups
 * cost no network round trip.
 */
export class ActorCache {
  private readonly entries = new Map<string, FoundActor>();
  private generation = 0;

  constructor(private readonly heard: () => boolean) {}

  async resolve(key: string, nowMs: number, load: () => Promise<FoundActor | null>): Promise<Actor | null> {
    const hit = this.entries.get(key);
    if (hit && hit.untilMs > nowMs && this.heard()) return { ...hit.actor };
    if (hit) this.entries.delete(key);
    const generation = this.generation;
    const found = await load();
    if (!found) return null;
    // A change heard while the database was being asked may have come after its answer: keep nothing.
    if (generation === this.generation && this.heard()) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, { actor: found.actor, untilMs: Math.min(found.untilMs, nowMs + TTL_MS) });
    }
    return { ...found.actor };
  }

  forget(): void {
    this.generation++;
    this.entries.clear();
  }
}

interface Shared {
  cache: ActorCache;
  listener: ChannelListener;
  users: number;
}
const shared = new WeakMap<Database, Shared>();

/**
 * The cache of a database in this process, shared by the apps on it (so that one's `forget` is
 * every one's); `release` when an app closes, and the last one stops listening.
 */
export function acquireActorCache(database: Database): { cache: ActorCache; release: () => Promise<void> } {
  let entry = shared.get(database);
  if (!entry) {
    let listener: ChannelListener | null = null;
    const cache = new ActorCache(() => listener?.listening ?? false);
    listener = database.listen(ACTORS_CHANNEL, { notice: () => cache.forget(), lost: () => cache.forget() });
    entry = { cache, listener, users: 0 };
    shared.set(database, entry);
  }
  entry.users++;
  const held = entry;
  let released = false;
  return {
    cache: held.cache,
    async release() {
      if (released) return;
      released = true;
      if (--held.users > 0) return;
      shared.delete(database);
      await held.listener.close();
    },
  };
}

/** Whether this process is hearing announced changes (and so remembering anything) for the database. */
export function actorChangesHeard(database: Database): boolean {
  return shared.get(database)?.listener.listening ?? false;
}

/** After a write that changes who someone is (token revoked, signed out, user changed). */
export function forgetActors(database: Database): void {
  shared.get(database)?.cache.forget();
}
