import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { conflict, notFound } from '../../../platform/errors.ts';
import { type CountState, inventoryCountLines, inventoryCounts } from '../schema.ts';

export type StockCount = typeof inventoryCounts.$inferSelect;
export type StockCountLine = typeof inventoryCountLines.$inferSelect;
export interface StockCountWithLines extends StockCount {
  lines: StockCountLine[];
}

/** The number people use: CNT-1001. */
export function countName(number: number): string {
  return `CNT-${number}`;
}

/** The count and its lines (by variant id); with `lock`, the count row is locked until the transaction ends. */
export async function readCount(
  db: Db,
  storeId: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<StockCountWithLines> {
  const query = db
    .select()
    .from(inventoryCounts)
    .where(and(eq(inventoryCounts.storeId, storeId), eq(inventoryCounts.id, id)));
  const [count] = options.lock ? await query.for('update') : await query;
  if (!count) throw notFound('Count', { id });
  const lines = await db
    .select()
    .from(inventoryCountLines)
    .where(eq(inventoryCountLines.countId, id))
    .orderBy(asc(inventoryCountLines.variantId));
  return { ...count, lines };
}

/** Refuses a step the count's state does not allow (409, with the state it is in). */
export function assertCountState(count: StockCount, allowed: readonly CountState[], step: string): void {
  if (allowed.includes(count.state)) return;
  throw conflict(
    'invalid_count_state',
    `${countName(count.number)} is ${count.state}: it cannot be ${step}.`,
    {
      state: count.state,
      allowed,
    },
  );
}
