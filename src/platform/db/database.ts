import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { AutoPreparedClient } from './auto-prepared-client.ts';
import { SerialClient } from './serial-client.ts';

/** Any query executor: the database itself or an open transaction. Services accept this. */
export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = PgTransaction<PgQueryResultHKT>;

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  kind: DatabaseKind;
  db: Db;
  /** Raw SQL with positional parameters, for the few places (locks, migrations) drizzle does not cover. */
  execute<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
  /** Runs `fn` while holding a cluster-wide lock (PostgreSQL advisory lock; PGlite has one process). */
  withLock<T>(key: number, fn: () => Promise<T>): Promise<T>;
  /** The connection URL when on PostgreSQL (for connections of their own, e.g. LISTEN). */
  url?: string;
  /** The PGlite instance when embedded (used to dump templates in tests). */
  pglite?: PGlite;
}

export interface OpenOptions {
  /** postgres://… — when set, PostgreSQL is used; otherwise embedded PGlite. */
  url?: string;
  /** Directory for PGlite's files; omitted means in-memory. */
  dataDir?: string;
  /** A PGlite data-dir tarball to start from (fast test databases). */
  loadDataDir?: Blob;
  poolSize?: number;
}

const kinds = new WeakMap<Db, DatabaseKind>();

/**
 * Which database a handle opened by `openDatabase` talks to (undefined for a transaction), for the
 * few places whose best strategy differs: PGlite runs in this process, PostgreSQL beside it.
 */
export function databaseKindOf(db: Db): DatabaseKind | undefined {
  return kinds.get(db);
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.url) return openPostgres(options.url, options.poolSize ?? 10);
  return openPglite(options.dataDir, options.loadDataDir);
}

async function openPglite(dataDir: string | undefined, loadDataDir: Blob | undefined): Promise<Database> {
  let location: string | undefined;
  if (dataDir) {
    location = path.join(dataDir, 'pglite');
    mkdirSync(location, { recursive: true });
  }
  const client = await PGlite.create(location, {
    ...(loadDataDir ? { loadDataDir } : {}),
    // Catalog search needs trigram similarity and accent folding (created by a migration).
    extensions: { pg_trgm, unaccent },
    // PGlite's defaults (128 MB shared buffers) double the process's memory for no gain on a small
    // store: the operating system's file cache already holds the data files.
    postgresqlconf: [
      `shared_buffers=${process.env.STOREPILOT_PGLITE_SHARED_BUFFERS ?? '16MB'}`,
      'wal_buffers=1MB',
    ],
  });
  const db = drizzlePglite(client) as unknown as Db;
  kinds.set(db, 'pglite');
  return {
    kind: 'pglite',
    db,
    pglite: client,
    async execute<T>(sql: string, params: unknown[] = []) {
      const result = await client.query(sql, params);
      return result.rows as T[];
    },
    async close() {
      if (!client.closed) await client.close();
    },
    withLock: (_key, fn) => fn(),
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    Client: process.env.STOREPILOT_DB_PREPARE === 'false' ? SerialClient : AutoPreparedClient,
  });
  // An idle connection dropped by the server (restart, failover) must not crash the process;
  // the pool replaces it on next use.
  pool.on('error', () => {});
  // Surface a bad URL or a stopped server at start, with a clear message, not on the first request.
  try {
    const c = await pool.connect();
    c.release();
  } catch (err) {
    await pool.end().catch(() => {});
    throw new Error(`Cannot connect to PostgreSQL (${redactUrl(url)}): ${(err as Error).message}`);
  }
  const db = drizzlePg(pool) as unknown as Db;
  kinds.set(db, 'postgres');
  return {
    kind: 'postgres',
    db,
    url,
    async execute<T>(sql: string, params: unknown[] = []) {
      const result = await pool.query(sql, params);
      return result.rows as T[];
    },
    async close() {
      await pool.end();
    },
    async withLock(key, fn) {
      // A connection of its own, so the pool stays free for the work done under the lock.
      const lockClient = new pg.Client({ connectionString: url });
      await lockClient.connect();
      try {
        await lockClient.query('select pg_advisory_lock($1)', [key]);
        return await fn();
      } finally {
        await lockClient.end().catch(() => {});
      }
    },
  };
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable url)';
  }
}
