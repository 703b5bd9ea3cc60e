import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { Database } from '../../db/client.js';

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
  close(): Promise<void>;
}

export const LIVE_CHANNEL = 'kalendaryo_notifications';

export function createLiveBus(database: Database, postgresUrl?: string): LiveBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const emit = (event: LiveEvent) => emitter.emit(event.userId, event);
  if (database.kind !== 'postgres' || !postgresUrl) {
    return {
      async publish(event) {
        emit(event);
      },
      subscribe(userId, listener) {
        emitter.on(userId, listener);
        return () => emitter.off(userId, listener);
      },
      async close() {
        emitter.removeAllListeners();
      },
    };
  }
  let listener: Promise<pg.Client> | null = null;
  const listen = async () => {
    const client = new pg.Client({ connectionString: postgresUrl });
    client.on('error', () => {
      listener = null;
    });
    await client.connect();
    client.on('notification', (message) => {
      if (message.channel !== LIVE_CHANNEL || !message.payload) return;
      emit(JSON.parse(message.payload) as LiveEvent);
    });
    await client.query(`listen ${LIVE_CHANNEL}`);
    return client;
  };
  return {
    async publish(event) {
      await database.query('select pg_notify($1, $2)', [LIVE_CHANNEL, JSON.stringify(event)]);
    },
    subscribe(userId, callback) {
      // One LISTEN connection per instance, opened when the first browser subscribes.
      listener ??= listen();
      listener.catch(() => (listener = null));
      emitter.on(userId, callback);
      return () => emitter.off(userId, callback);
    },
    async close() {
      emitter.removeAllListeners();
      const client = await listener?.catch(() => null);
      await client?.end().catch(() => {});
    },
  };
}

const buses = new WeakMap<Database, LiveBus>();

/** The one bus of a database in this process: the API's streams and an in-process worker share it. */
export function liveBusFor(database: Database, postgresUrl?: string): LiveBus {
  let bus = buses.get(database);
  if (!bus) {
    const created = createLiveBus(database, postgresUrl);
    bus = { ...created, close: async () => { buses.delete(database); await created.close(); } };
    buses.set(database, bus);
  }
  return bus;
}
