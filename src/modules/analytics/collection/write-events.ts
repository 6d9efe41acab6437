import { getTableColumns, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { jsonRowsInsert } from '../../../platform/db/json-rows-insert.ts';
import { resultRows } from '../../../platform/db/result-rows.ts';
import { analyticsEvents, analyticsFilteredHits } from '../schema.ts';
import { ensureEventPartitions } from './event-partitions.ts';

export type EventRow = typeof analyticsEvents.$inferInsert;

/** Rows per INSERT: one JSON parameter each, well under any message size limit. */
const chunkRows = 2_000;

/**
 * Appends events; an event whose (store, time, id) is already stored is skipped, so a client that
 * retries a batch after a lost answer does not count it twice. Answers how many were new.
 */
export async function writeEvents(
  db: Db,
  rows: readonly EventRow[],
): Promise<{ written: number; duplicates: number }> {
  if (rows.length === 0) return { written: 0, duplicates: 0 };
  await ensureEventPartitions(
    db,
    rows.map((r) => r.occurredAt),
  );
  let written = 0;
  for (let i = 0; i < rows.length; i += chunkRows) {
    const insert = jsonRowsInsert(analyticsEvents, rows.slice(i, i + chunkRows).map(withAllColumns));
    if (!insert) continue;
    const [row] = resultRows<{ n: number }>(
      await db.execute(
        sql`with inserted as (${insert} on conflict do nothing returning 1) select count(*)::int as n from inserted`,
      ),
    );
    written += Number(row?.n ?? 0);
  }
  return { written, duplicates: rows.length - written };
}

/** Every row with the same keys, in the same order: jsonRowsInsert takes the first row's keys. */
const columnKeys = Object.keys(getTableColumns(analyticsEvents)) as (keyof EventRow)[];
function withAllColumns(row: EventRow): EventRow {
  const out: Record<string, unknown> = {};
  for (const key of columnKeys) out[key] = row[key] ?? null;
  out.receivedAt ??= new Date();
  out.sessionStart ??= false;
  out.consented ??= true;
  return out as EventRow;
}

/** Adds to the per-day counters of requests not recorded (bots and the like). */
export async function countFilteredHits(
  db: Db,
  counts: readonly { storeId: string; day: string; reason: string; hits: number }[],
): Promise<void> {
  if (counts.length === 0) return;
  const insert = jsonRowsInsert(analyticsFilteredHits, counts);
  if (!insert) return;
  await db.execute(
    sql`${insert} on conflict (store_id, day, reason) do update set hits = ${analyticsFilteredHits}.hits + excluded.hits`,
  );
}
