import type { DbOrTx } from './client.js';

/**
 * A query built once per database handle and kept (Drizzle's building of a hot query costs more
 * than running it); `build` should end in `.prepare(name)`, so it is also prepared on each
 * pooled connection. Keyed weakly, so a closed database's queries go with it.
 */
export function preparedFor<T>(built: WeakMap<DbOrTx, T>, db: DbOrTx, build: (db: DbOrTx) => T): T {
  let query = built.get(db);
  if (!query) built.set(db, (query = build(db)));
  return query;
}
