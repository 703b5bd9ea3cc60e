import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import path from 'node:path';
import pg from 'pg';
import * as schema from './schema/index.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

/**
 * `name` makes the statement a prepared one on each pooled connection (PostgreSQL): worth it for a
 * hot statement whose planning costs more than its running (the booking's context read plans in
 * ~0.7 ms and runs in ~0.1). The text under one name must never change. PGlite ignores it.
 */
export interface QueryOptions { name?: string }

export type QueryFn = <T = Record<string, unknown>>(text: string, params?: unknown[], options?: QueryOptions) => Promise<T[]>;

/** A LISTEN on one channel (Database.listen). */
export interface ChannelListener {
  /** True while notices on the channel are heard; false while they may be missed. */
  readonly listening: boolean;
  close(): Promise<void>;
}

export interface ListenHandlers {
  notice: (payload: string) => void;
  /** The connection was lost: notices may have been missed until `listening` is true again. */
  lost: () => void;
}

export interface Database {
  readonly db: Db;
  readonly kind: 'pglite' | 'postgres';
  /** Raw SQL with $1… parameters, for what the query builder cannot say (ranges, GiST, COPY-like bulk). */
  query<T = Record<string, unknown>>(text: string, params?: unknown[], options?: QueryOptions): Promise<T[]>;
  /** Raw SQL inside one transaction on one connection (pool.query alone may hop between clients). */
  rawTransaction<T>(fn: (query: QueryFn) => Promise<T>): Promise<T>;
  /** NOTIFY on `channel` from any session of this database, this process's or another's (PostgreSQL; PGlite never hears). */
  listen(channel: string, handlers: ListenHandlers): ChannelListener;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres:// URL; without it the embedded PGlite is used. */
  url?: string;
  /** PGlite data directory; omitted = in memory. */
  dataDir?: string;
  /** Schema to work in (tests isolate themselves this way); extensions stay in public. */
  schema?: string;
  poolSize?: number;
  /** An embedded instance to share (tests): close() then leaves it open for its owner. */
  pglite?: PGlite;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) {
    throw new Error(`invalid schema name ${options.schema}`);
  }
  const searchPath = options.schema ? `${options.schema},public` : undefined;
  return options.url ? openPostgres(options.url, searchPath, options.poolSize) : openPglite(options.dataDir, searchPath, options.pglite);
}

async function openPostgres(url: string, searchPath: string | undefined, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    // Without it a request waits for a connection for ever when the server is unreachable; after it
    // the request fails fast and is answered 503 (src/db/unavailable.ts).
    connectionTimeoutMillis: 5_000,
    ...(searchPath ? { options: `-c search_path=${searchPath}` } : {}),
  });
  // An idle client that errors (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    async query<T>(text: string, params: unknown[] = [], options: QueryOptions = {}) {
      const result = await pool.query({ text, values: params, name: options.name });
      return result.rows as T[];
    },
    async rawTransaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await fn(async (text, params = [], options = {}) => (await client.query({ text, values: params, name: options.name })).rows);
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    listen: (channel, handlers) => listenOnPostgres(url, channel, handlers),
    async ping() {
      await pool.query('select 1');
    },
    async close() {
      await pool.end();
    },
  };
}

const RELISTEN_MS = 1_000;

/** A connection of its own (a pooled one would be handed to queries), opened again after a loss. */
function listenOnPostgres(url: string, channel: string, handlers: ListenHandlers): ChannelListener {
  let current: pg.Client | null = null;
  let listening = false;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  const lost = (client: pg.Client) => {
    if (current !== client) return;
    current = null;
    listening = false;
    client.end().catch(() => {});
    handlers.lost();
    if (!closed) retry = setTimeout(connect, RELISTEN_MS).unref();
  };
  const connect = () => {
    const client = new pg.Client({ connectionString: url });
    current = client;
    client.on('error', () => lost(client));
    client.on('end', () => lost(client));
    client.on('notification', (message) => {
      if (message.channel === channel) handlers.notice(message.payload ?? '');
    });
    client
      .connect()
      .then(() => client.query(`listen "${channel.replaceAll('"', '')}"`))
      .then(() => {
        if (current === client && !closed) listening = true;
      })
      .catch(() => lost(client));
  };
  connect();
  return {
    get listening() {
      return listening;
    },
    async close() {
      closed = true;
      listening = false;
      clearTimeout(retry);
      const client = current;
      current = null;
      await client?.end().catch(() => {});
    },
  };
}

export async function createPglite(dataDir?: string): Promise<PGlite> {
  // PGlite makes its own folder but not the ones above it (DATA_DIR=./var/kalendaryo on a bare checkout).
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  return PGlite.create({
    ...(dataDir ? { dataDir: path.join(dataDir, 'pg') } : {}),
    extensions: { btree_gist, pg_trgm },
  });
}

async function openPglite(dataDir: string | undefined, searchPath: string | undefined, shared?: PGlite): Promise<Database> {
  const client = shared ?? (await createPglite(dataDir));
  if (searchPath) await client.exec(`set search_path to ${searchPath}`);
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    async query<T>(text: string, params: unknown[] = []) {
      const result = await client.query(text, params);
      return result.rows as T[];
    },
    async rawTransaction(fn) {
      return client.transaction(async (tx) => fn(async (text, params = []) => (await tx.query(text, params)).rows as never));
    },
    // The embedded database does not listen: its queries are in-process, so there is nothing worth
    // remembering across them, and a LISTEN made every later query about 10 % slower (PGlite
    // looks for notices after each). `listening` false tells callers so.
    listen: () => ({ listening: false, close: async () => {} }),
    async ping() {
      await client.query('select 1');
    },
    async close() {
      if (!shared) await client.close();
    },
  };
}
