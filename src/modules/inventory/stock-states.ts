import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { resultRows } from '../../platform/db/result-rows.ts';
import { emitEvents } from '../../platform/events/index.ts';

export type StockState = 'ok' | 'low' | 'out';

/** 'out' at or below 0 available; 'low' at or below the variant's threshold; else 'ok'. */
export function stockStateOf(available: number, lowStockThreshold: number | null): StockState {
  if (available <= 0) return 'out';
  if (lowStockThreshold !== null && available <= lowStockThreshold) return 'low';
  return 'ok';
}

/**
 * Compares each tracked variant's available stock (all active locations) with its threshold and,
 * where the state moved, records it and emits one event: `inventory.low`, `inventory.out`, or
 * `inventory.restocked` when it is back above the threshold. The item row is locked, so concurrent
 * changes to one variant announce each crossing once.
 */
export async function refreshStockStates(
  tx: Db,
  storeId: string,
  variantIds: readonly string[],
): Promise<void> {
  const unique = [...new Set(variantIds)].sort();
  if (unique.length === 0) return;
  const rows = resultRows<{
    variant_id: string;
    stock_state: StockState;
    low_stock_threshold: number | null;
    available: string | number;
  }>(
    await tx.execute(sql`
      with items as (
        select variant_id, stock_state, low_stock_threshold from inventory_items
        where store_id = ${storeId} and variant_id = any(${sql.param(unique)}::text[]) and tracked
        order by variant_id
        for update
      )
      select i.variant_id, i.stock_state, i.low_stock_threshold,
        coalesce(sum(l.on_hand - l.reserved) filter (where loc.active), 0) as available
      from items i
      left join inventory_levels l on l.variant_id = i.variant_id
      left join inventory_locations loc on loc.id = l.location_id
      group by i.variant_id, i.stock_state, i.low_stock_threshold`),
  );
  const moved = rows
    .map((row) => {
      const available = Number(row.available);
      return { ...row, available, state: stockStateOf(available, row.low_stock_threshold) };
    })
    .filter((row) => row.state !== row.stock_state);
  if (moved.length === 0) return;
  for (const state of ['ok', 'low', 'out'] as const) {
    const ids = moved.filter((m) => m.state === state).map((m) => m.variant_id);
    if (ids.length === 0) continue;
    await tx.execute(sql`
      update inventory_items set stock_state = ${state}, updated_at = now()
      where variant_id = any(${sql.param(ids)}::text[])`);
  }
  await emitEvents(
    tx,
    moved.map((m) => ({
      storeId,
      type: m.state === 'ok' ? 'inventory.restocked' : `inventory.${m.state}`,
      payload: {
        variantId: m.variant_id,
        available: m.available,
        lowStockThreshold: m.low_stock_threshold,
        previousState: m.stock_state,
      },
    })),
  );
}
