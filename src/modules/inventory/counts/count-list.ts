import { and, desc, eq, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../platform/db/database.ts';
import { countStates, inventoryCountLines, inventoryCounts, inventoryLocations } from '../schema.ts';
import { countName } from './count-records.ts';

export const countListQuery = z
  .object({
    state: z.enum(countStates).optional(),
    locationId: z.string().min(1).max(64).optional(),
    /** The `number` of the last count of the previous page (newest first). */
    before: z.coerce.number().int().positive().optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type CountListQuery = z.output<typeof countListQuery>;

/** A page of the store's counts, newest first, with how far each has got. */
export async function listCounts(db: Db, storeId: string, query: CountListQuery) {
  const rows = await db
    .select({
      id: inventoryCounts.id,
      number: inventoryCounts.number,
      state: inventoryCounts.state,
      locationId: inventoryCounts.locationId,
      locationName: inventoryLocations.name,
      note: inventoryCounts.note,
      appliedAt: inventoryCounts.appliedAt,
      createdAt: inventoryCounts.createdAt,
      updatedAt: inventoryCounts.updatedAt,
      lineCount: sql<number>`(select count(*)::int from ${inventoryCountLines} l where l.count_id = ${inventoryCounts.id})`,
      countedLines: sql<number>`(select count(*)::int from ${inventoryCountLines} l where l.count_id = ${inventoryCounts.id} and l.counted_quantity is not null)`,
    })
    .from(inventoryCounts)
    .innerJoin(inventoryLocations, eq(inventoryLocations.id, inventoryCounts.locationId))
    .where(
      and(
        eq(inventoryCounts.storeId, storeId),
        query.state ? eq(inventoryCounts.state, query.state) : undefined,
        query.locationId ? eq(inventoryCounts.locationId, query.locationId) : undefined,
        query.before ? lt(inventoryCounts.number, query.before) : undefined,
      ),
    )
    .orderBy(desc(inventoryCounts.number))
    .limit(query.limit + 1);
  const items = rows.slice(0, query.limit).map((row) => ({
    ...row,
    name: countName(row.number),
    lineCount: Number(row.lineCount),
    countedLines: Number(row.countedLines),
  }));
  return { items, nextBefore: rows.length > query.limit ? items[items.length - 1]!.number : null };
}
