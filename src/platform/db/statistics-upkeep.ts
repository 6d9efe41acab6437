import { getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Database, Db } from './database.ts';

/**
 * PGlite runs no autovacuum, so on the embedded database nothing gathers planner statistics or
 * merges the pending entries of GIN indexes. Without statistics the planner takes every table for
 * a few rows and, for example, reads a store's products one by one instead of using the full-text
 * index; an unmerged GIN pending list is read by every search. This does autovacuum's part of that
 * work for PGlite: it ANALYZEs a table once it has grown by a tenth since its last analysis (or was
 * never analysed) and merges GIN pending lists. PostgreSQL does all of it in the background itself.
 */

const STATISTICS_TARGET = 20;

interface TableSize {
  name: string;
  /** Pages at the last ANALYZE (or VACUUM); reltuples < 0 means never. */
  relpages: number;
  reltuples: number;
  pages: number;
}

/** Analyses the tables whose size moved since their statistics were taken; returns their names. */
export async function refreshPlannerStatistics(database: Database): Promise<string[]> {
  const tables = await database.execute<TableSize>(
    `select quote_ident(c.relname) as name, c.relpages, c.reltuples,
       (pg_relation_size(c.oid) / current_setting('block_size')::int)::int as pages
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = current_schema() and c.relkind = 'r'`,
  );
  const stale = tables.filter(
    (t) => t.pages > 0 && (Number(t.reltuples) < 0 || t.pages > Number(t.relpages) * 1.1 + 8),
  );
  for (const table of stale) {
    // A fifth of the default sample: plenty for the plans this application needs, and PGlite runs
    // in the server's own thread, so the analysis is time every request waits for.
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`set local default_statistics_target = ${sql.raw(String(STATISTICS_TARGET))}`);
      await tx.execute(sql.raw(`analyze ${table.name}`));
    });
  }
  await database.execute(
    `select gin_clean_pending_list(i.indexrelid::regclass)
     from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam
     join pg_namespace n on n.oid = c.relnamespace
     where a.amname = 'gin' and n.nspname = current_schema()`,
  );
  return stale.map((t) => t.name);
}

/** Runs the upkeep on PGlite every `everyMs` (the first time soon after start); a no-op on PostgreSQL. */
export function startStatisticsUpkeep(
  database: Database,
  options: { everyMs?: number; onError?: (err: unknown) => void } = {},
): { stop(): Promise<void> } {
  if (database.kind !== 'pglite') return { stop: async () => {} };
  let running: Promise<unknown> | undefined;
  let stopped = false;
  const run = () => {
    // A long analysis is never doubled up by the next tick.
    if (stopped || running) return;
    running = refreshPlannerStatistics(database)
      .catch((err) => options.onError?.(err))
      .finally(() => {
        running = undefined;
      });
  };
  const first = setTimeout(run, 5_000);
  const timer = setInterval(run, options.everyMs ?? 60_000);
  first.unref();
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}

/**
 * For a bulk write that grows tables fast (an import): ANALYZEs `tables` whenever the rows written
 * since the last analysis reach `factor` times the rows there were then (and first after
 * `firstAfter` rows). Neither PostgreSQL's autovacuum (a minute apart) nor the upkeep above keeps up
 * with a table growing from nothing to 100,000 rows in seconds; with statistics of an empty table
 * the planner answers "is this SKU taken in the store?" by reading all of the store's variants, so
 * every batch gets slower than the one before. Call `wrote` between transactions.
 */
export function growthAnalyzer(
  db: Db,
  tables: readonly PgTable[],
  options: { firstAfter?: number; factor?: number } = {},
): { wrote(rows: number): Promise<void> } {
  const factor = options.factor ?? 1;
  let next = options.firstAfter ?? 1_000;
  let written = 0;
  const names = tables.map((t) => `"${getTableName(t)}"`).join(', ');
  return {
    async wrote(rows: number) {
      written += rows;
      if (written < next) return;
      next = written + written * factor;
      await db.transaction(async (tx) => {
        await tx.execute(sql`set local default_statistics_target = ${sql.raw(String(STATISTICS_TARGET))}`);
        await tx.execute(sql.raw(`analyze ${names}`));
      });
    },
  };
}
