import { getTableColumns, getTableName, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './database.ts';
import { insertJsonRows, jsonRowsInsert } from './json-rows-insert.ts';

/**
 * Rows that only record what happened — outbox events, an order's timeline, audit entries, a
 * payment's ledger — are written and never read back by the transaction that writes them. In a
 * transaction opened with `withDeferredAppends` they wait till its work is done and then go to the
 * database together, in one statement (one data-modifying part per table), just before the commit:
 * placing an order wrote nine such rows in nine statements. Outside it, `appendRows` writes at once.
 *
 * Only for tables whose rows the transaction does not read after appending them, and whose writes
 * cannot fail for a reason the caller would handle on the spot. A savepoint inside the transaction
 * (`tx.transaction`) writes at once, so a rolled-back savepoint takes its rows with it.
 */
interface Pending {
  table: PgTable;
  rows: Record<string, unknown>[];
}

const deferred = new WeakMap<Db, Pending[]>();

/** Runs `fn` in a transaction whose appended rows are written in one statement at its end. */
export async function withDeferredAppends<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    const pending: Pending[] = [];
    deferred.set(tx, pending);
    try {
      const result = await fn(tx);
      const statement = appendsStatement(pending);
      pending.length = 0;
      if (statement) await tx.execute(statement);
      return result;
    } finally {
      deferred.delete(tx);
    }
  });
}

/** Whether rows appended on `tx` wait for the end of its transaction. */
export function defersAppends(tx: Db): boolean {
  return deferred.has(tx);
}

/**
 * Appends rows to an append-only table: at the end of the transaction when `tx` defers them (see
 * above), else now. Columns left out take their defaults, a JavaScript default (`$defaultFn`, e.g.
 * the business clock) taken now, as an insert would.
 */
export async function appendRows<T extends PgTable>(
  tx: Db,
  table: T,
  rows: ReadonlyArray<T['$inferInsert']>,
): Promise<void> {
  if (rows.length === 0) return;
  const complete = rows.map((row) => withJsDefaults(table, row as Record<string, unknown>));
  const pending = deferred.get(tx);
  if (pending) pending.push({ table, rows: complete });
  else await insertJsonRows(tx, table, complete as T['$inferInsert'][]);
}

type ColumnWithDefault = { defaultFn?: () => unknown };

function withJsDefaults(table: PgTable, row: Record<string, unknown>): Record<string, unknown> {
  const complete: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) if (value !== undefined) complete[key] = value;
  const columns = getTableColumns(table) as Record<string, ColumnWithDefault>;
  for (const [key, column] of Object.entries(columns)) {
    if (complete[key] === undefined && column.defaultFn) complete[key] = column.defaultFn();
  }
  return complete;
}

/**
 * One statement for every pending row: rows of a table with the same columns go in one part, in
 * the order they were first appended (`with a0 as (insert …), a1 as (insert …) insert …`).
 */
function appendsStatement(pending: readonly Pending[]): SQL | null {
  const groups = new Map<string, Pending>();
  for (const { table, rows } of pending) {
    for (const row of rows) {
      const key = `${getTableName(table)}(${Object.keys(row).join(',')})`;
      const group = groups.get(key);
      if (group) group.rows.push(row);
      else groups.set(key, { table, rows: [row] });
    }
  }
  const inserts = [...groups.values()].map(({ table, rows }) => jsonRowsInsert(table, rows)!);
  if (inserts.length <= 1) return inserts[0] ?? null;
  const parts = inserts.slice(0, -1).map((insert, i) => sql`${sql.raw(`a${i}`)} as (${insert})`);
  return sql`with ${sql.join(parts, sql`, `)} ${inserts.at(-1)!}`;
}
