import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { jsonRowsInsert } from '../../../platform/db/json-rows-insert.ts';
import { analyticsDirtyDays } from '../schema.ts';

/** Notes store days whose rollups must be worked out again (new events, new or changed facts). */
export async function markDirtyDays(db: Db, days: Iterable<{ storeId: string; day: string }>): Promise<void> {
  const statement = dirtyDaysUpsert(days);
  if (statement) await db.execute(statement);
}

/** The statement `markDirtyDays` runs (null for no days), for a caller that makes it part of its own. */
export function dirtyDaysUpsert(days: Iterable<{ storeId: string; day: string }>): SQL | null {
  const unique = new Map<string, { storeId: string; day: string }>();
  for (const d of days) unique.set(`${d.storeId}|${d.day}`, d);
  const insert = jsonRowsInsert(
    analyticsDirtyDays,
    [...unique.values()].map((d) => ({ storeId: d.storeId, day: d.day, markedAt: new Date() })),
  );
  return insert && sql`${insert} on conflict (store_id, day) do update set marked_at = excluded.marked_at`;
}
