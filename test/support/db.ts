import { randomBytes } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import { createPglite, type Database, openDatabase } from '../../src/db/client.js';

// One embedded instance per test worker (vitest runs files of a worker in one process, isolate: false):
// starting PGlite costs seconds, a schema costs milliseconds.
const holder = globalThis as unknown as { kalendaryoTestPglite?: Promise<PGlite> };
const sharedPglite = (): Promise<PGlite> => (holder.kalendaryoTestPglite ??= createPglite());
import { migrate } from '../../src/db/migrate.js';

export interface TestDatabase {
  database: Database;
  schema: string;
  drop(): Promise<void>;
}

/**
 * On the embedded engine, all test databases of a worker share one connection and the schema is
 * chosen by search_path at open: use one at a time (open the next after you are done with the last).
 *
 * A migrated database of its own for one test file: on PostgreSQL (DATABASE_URL set) a fresh schema
 * that is dropped afterwards, so parallel runs never collide; otherwise an in-memory PGlite.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  const schema = `t_${randomBytes(6).toString('hex')}`;
  if (url) {
    const admin = await openDatabase({ url, poolSize: 1 });
    await admin.query(`create schema ${schema}`);
    await admin.close();
  }
  const pglite = url ? undefined : await sharedPglite();
  if (pglite) await pglite.exec(`create schema ${schema}`);
  const database = await openDatabase(url ? { url, schema, poolSize: 8 } : { pglite, schema });
  await migrate(database);
  return {
    database,
    schema,
    async drop() {
      await database.close();
      if (pglite) await pglite.exec(`set search_path to public; drop schema if exists ${schema} cascade`);
      if (url) {
        const admin = await openDatabase({ url, poolSize: 1 });
        await admin.query(`drop schema if exists ${schema} cascade`);
        await admin.close();
      }
    },
  };
}
