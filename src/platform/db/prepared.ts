import type { Db } from './database.ts';

/**
 * Hot paths (authentication, store lookup, a cart's read, pricing's reads) run on every request, and
 * building a drizzle query costs more than running it (a fifth of the server's CPU on the checkout
 * benchmark). So those queries are built once per process and database kind, with placeholders, and
 * run on whichever handle the caller has — the database itself or an open transaction. On PostgreSQL
 * they are also named server-side prepared statements (parsed and planned once per connection).
 *
 * A statement is built against the first handle of its kind that asks for it; on any other handle it
 * runs through a view of the same statement whose driver client is that handle's (a transaction's
 * connection, another database in tests). The SQL is the same for every database of a kind.
 */
type Session = { client: unknown };
type Statement = { client: unknown };

const built = new WeakMap<object, Map<string, Statement>>();

const sessionOf = (db: Db) => (db as unknown as { session: Session }).session;

export function prepared<T>(db: Db, name: string, build: (db: Db, name: string) => T): T {
  const session = sessionOf(db);
  // The session's class tells the driver (node-postgres or PGlite, root or transaction alike).
  const kind = Object.getPrototypeOf(session) as object;
  let byName = built.get(kind);
  if (!byName) {
    byName = new Map();
    built.set(kind, byName);
  }
  let statement = byName.get(name);
  if (!statement) {
    statement = build(db, name) as Statement;
    byName.set(name, statement);
  }
  if (statement.client === session.client) return statement as T;
  return Object.create(statement, { client: { value: session.client } }) as T;
}
