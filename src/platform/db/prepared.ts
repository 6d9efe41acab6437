import type { Db } from './database.ts';

/**
 * Hot read paths (authentication, store lookup, list pages) run on every request. Building a drizzle
 * query costs more than running it on the embedded database, so those queries are built once per
 * database handle and reused with placeholders. On PostgreSQL they also become named server-side
 * prepared statements.
 */
const cache = new WeakMap<Db, Map<string, unknown>>();

export function prepared<T>(db: Db, name: string, build: (db: Db, name: string) => T): T {
  let byName = cache.get(db);
  if (!byName) {
    byName = new Map();
    cache.set(db, byName);
  }
  let statement = byName.get(name) as T | undefined;
  if (!statement) {
    statement = build(db, name);
    byName.set(name, statement);
  }
  return statement;
}
