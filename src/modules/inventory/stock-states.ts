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

export interface EvaluatedStock {
  variantId: string;
  /** The state recorded before this change. */
  previous: StockState;
  state: StockState;
  available: number;
  lowStockThreshold: number | null;
}

/**
 * Compares each tracked variant's available stock (all active locations) with its threshold and,
 * where the state moved, records it and emits one event: `inventory.low`, `inventory.out`, or
 * `inventory.restocked` when it is back above the threshold. The item row is locked, so concurrent
 * changes to one variant announce each crossing once. Returns each tracked variant's evaluation.
 */
export async function refreshStockStates(
  tx: Db,
  storeId: string,
  variantIds: readonly string[],
): Promise<EvaluatedStock[]> {
  const unique = [...new Set(variantIds)].sort();
  if (unique.length === 0) return [];
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
  const evaluated: EvaluatedStock[] = rows.map((row) => {
    const available = Number(row.available);
    const lowStockThreshold = row.low_stock_threshold === null ? null : Number(row.low_stock_threshold);
    return {
      variantId: row.variant_id,
      previous: row.stock_state,
      state: stockStateOf(available, lowStockThreshold),
      available,
      lowStockThreshold,
    };
  });
  const moved = evaluated.filter((e) => e.state !== e.previous);
  if (moved.length === 0) return evaluated;
  for (const state of ['ok', 'low', 'out'] as const) {
    const ids = moved.filter((m) => m.state === state).map((m) => m.variantId);
    if (ids.length === 0) continue;
    await tx.execute(sql`
      update inventory_items set stock_state = ${state}, updated_at = now()
      where variant_id = any(${sql.param(ids)}::text[])`);
  }
  await emitEvents(tx, stockStateEvents(storeId, moved));
  return evaluated;
}

/** The events of states that moved: `inventory.low`, `inventory.out` or `inventory.restocked`. */
export function stockStateEvents(storeId: string, moved: readonly EvaluatedStock[]) {
  return moved.map((m) => ({
    storeId,
    type: m.state === 'ok' ? 'inventory.restocked' : `inventory.${m.state}`,
    payload: {
      variantId: m.variantId,
      available: m.available,
      lowStockThreshold: m.lowStockThreshold,
      previousState: m.previous,
    },
  }));
}
