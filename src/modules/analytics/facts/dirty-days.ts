import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { jsonRowsInsert } from '../../../platform/db/json-rows-insert.ts';
import { analyticsDirtyDays } from '../schema.ts';

/** Notes store days whose rollups must be worked out again (new events, new or changed facts). */
export async function markDirtyDays(db: Db, days: Iterable<{ storeId: string; day: string }>): Promise<void> {
  const unique = new Map<string, { storeId: string; day: string }>();
  for (const d of days) unique.set(`${d.storeId}|${d.day}`, d);
  if (unique.size === 0) return;
  const insert = jsonRowsInsert(
    analyticsDirtyDays,
    [...unique.values()].map((d) => ({ storeId: d.storeId, day: d.day, markedAt: new Date() })),
  );
  if (insert)
    await db.execute(sql`${insert} on conflict (store_id, day) do update set marked_at = excluded.marked_at`);
}
