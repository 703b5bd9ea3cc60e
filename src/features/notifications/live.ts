import { EventEmitter } from 'node:events';
import type { ChannelListener, Database } from '../../db/client.js';

export interface LiveEvent {
  userId: string;
  id: string;
  type: string;
  title: string;
}

/**
 * Live delivery to open browsers. On PostgreSQL a delivery is announced with NOTIFY and every app
 * instance LISTENs, so a browser connected to any instance hears what any worker delivered. On the
 * embedded PGlite there is one process (server and worker together), so an in-process emitter is
 * the whole fan-out.
 */
export interface LiveBus {
  publish(event: LiveEvent): Promise<void>;
  subscribe(userId: string, listener: (event: LiveEvent) => void): () => void;
  /** Resolves once events published anywhere are heard here (after the first subscribe; tests wait on it). */
  heard(): Promise<void>;
  close(): Promise<void>;
}

export const LIVE_CHANNEL = 'kalendaryo_notifications';

export function createLiveBus(database: Database): LiveBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const emit = (event: LiveEvent) => emitter.emit(event.userId, event);
  const subscribeHere = (userId: string, listener: (event: LiveEvent) => void) => {
    emitter.on(userId, listener);
    return () => void emitter.off(userId, listener);
  };
  if (database.kind !== 'postgres') {
    return {
      async publish(event) {
        emit(event);
      },
      subscribe: subscribeHere,
      heard: async () => {},
      async close() {
        emitter.removeAllListeners();
      },
    };
  }
  // One LISTEN per instance (Database.listen: its own connection, opened again after a loss), made
  // when the first browser subscribes. A notice missed while it was down is not replayed: the
  // notification centre's list is read from the database when a stream opens.
  let listener: ChannelListener | null = null;
  return {
    async publish(event) {
      await database.query('select pg_notify($1, $2)', [LIVE_CHANNEL, JSON.stringify(event)]);
    },
    subscribe(userId, callback) {
      listener ??= database.listen(LIVE_CHANNEL, {
        notice: (payload) => {
          if (payload) emit(JSON.parse(payload) as LiveEvent);
        },
        lost: () => {},
      });
      return subscribeHere(userId, callback);
    },
    async heard() {
      for (let waited = 0; listener && !listener.listening && waited < 10_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    },
    async close() {
      emitter.removeAllListeners();
      await listener?.close();
      listener = null;
    },
  };
}

const buses = new WeakMap<Database, LiveBus>();

/** The one bus of a database in this process: the API's streams and an in-process worker share it. */
export function liveBusFor(database: Database): LiveBus {
  let bus = buses.get(database);
  if (!bus) {
    const created = createLiveBus(database);
    bus = { ...created, close: async () => { buses.delete(database); await created.close(); } };
    buses.set(database, bus);
  }
  return bus;
}
