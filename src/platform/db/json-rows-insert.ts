import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './database.ts';

/**
 * Inserts many rows in one statement that carries them as a single JSON parameter
 * (`insert … select … from jsonb_to_recordset($1)`). For bulk writes (imports) this is several times
 * cheaper than a multi-row VALUES list: the driver sends one value instead of one per cell, and no
 * query builder walks every cell. Rows use the table's property names; the columns written are the
 * keys of the first row (every row must have the same keys), others get their defaults. Dates,
 * numbers, booleans, arrays (for array columns) and objects (for jsonb) map as JSON does.
 */
export async function insertJsonRows<T extends PgTable>(
  tx: Db,
  table: T,
  rows: ReadonlyArray<T['$inferInsert']>,
): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table) as Record<string, { name: string; getSQLType(): string }>;
  const keys = Object.keys(rows[0]!).filter((key) => columns[key]);
  const names = keys.map((key) => `"${columns[key]!.name}"`);
  const record = keys.map((key) => `"${columns[key]!.name}" ${columns[key]!.getSQLType()}`);
  const values = rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (const key of keys) out[columns[key]!.name] = (row as Record<string, unknown>)[key] ?? null;
    return out;
  });
  const statement: SQL = sql`insert into ${table} (${sql.raw(names.join(', '))}) select ${sql.raw(names.join(', '))} from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as r(${sql.raw(record.join(', '))})`;
  await tx.execute(statement);
}
