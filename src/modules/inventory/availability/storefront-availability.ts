import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { resultRows } from '../../../platform/db/result-rows.ts';

/**
 * What a shopper is told about a variant's stock: the same numbers the admin sees (available = on
 * hand − reserved over the active locations), read for the storefront.
 *
 * - untracked (no inventory item, or `tracked` off): `in_stock`, no count;
 * - units available: `low_stock` at or below the variant's low-stock threshold, else `in_stock`;
 * - none available: `backorder` when the variant keeps selling (policy `continue`), else `out_of_stock`.
 *
 * A variant that keeps selling is never `low_stock`: "only 3 left" would tell the shopper a limit
 * the store does not keep (a fourth unit is sold on back-order).
 */
export type StockAvailabilityStatus = 'in_stock' | 'low_stock' | 'out_of_stock' | 'backorder';

export interface StockAvailability {
  status: StockAvailabilityStatus;
  /** Units that can be sold from stock now (never below 0); null when the variant is not tracked. */
  available: number | null;
}

/** The variant facts availability is decided from besides stock (the catalog's selling policy). */
export interface AvailabilityQuery {
  variantId: string;
  /** `continue` keeps selling when out of stock. */
  inventoryPolicy: string;
}

/** Where the storefront reads availability from, one call (one query) per page. */
export interface VariantAvailabilitySource {
  availability(
    storeId: string,
    variants: readonly AvailabilityQuery[],
  ): Promise<ReadonlyMap<string, StockAvailability>>;
}

/** What inventory knows of a variant: its item and its available units over active locations. */
export interface ItemStock {
  tracked: boolean;
  lowStockThreshold: number | null;
  available: number;
}

export const untrackedAvailability: StockAvailability = { status: 'in_stock', available: null };

/** The shopper's view of one variant (see `StockAvailabilityStatus`). */
export function availabilityOf(stock: ItemStock | undefined, inventoryPolicy: string): StockAvailability {
  if (!stock?.tracked) return untrackedAvailability;
  const { available, lowStockThreshold } = stock;
  const keepsSelling = inventoryPolicy === 'continue';
  if (available <= 0) return { status: keepsSelling ? 'backorder' : 'out_of_stock', available: 0 };
  if (!keepsSelling && lowStockThreshold !== null && available <= lowStockThreshold) {
    return { status: 'low_stock', available };
  }
  return { status: 'in_stock', available };
}

/** Inventory items of the variants with their available units over active locations, in one query. */
export async function itemStock(
  db: Db,
  storeId: string,
  variantIds: readonly string[],
): Promise<Map<string, ItemStock>> {
  const ids = [...new Set(variantIds)];
  if (ids.length === 0) return new Map();
  const rows = resultRows<{
    variant_id: string;
    tracked: boolean;
    low_stock_threshold: number | null;
    available: string | number;
  }>(
    await db.execute(sql`
      select i.variant_id, i.tracked, i.low_stock_threshold,
        coalesce(sum(l.on_hand - l.reserved) filter (where loc.active), 0) as available
      from inventory_items i
      left join inventory_levels l on l.variant_id = i.variant_id
      left join inventory_locations loc on loc.id = l.location_id
      where i.store_id = ${storeId} and i.variant_id = any(${sql.param(ids)}::text[])
      group by i.variant_id, i.tracked, i.low_stock_threshold`),
  );
  return new Map(
    rows.map((r) => [
      r.variant_id,
      {
        tracked: r.tracked,
        lowStockThreshold: r.low_stock_threshold === null ? null : Number(r.low_stock_threshold),
        available: Number(r.available),
      },
    ]),
  );
}

/** Availability of the variants as the storefront shows it. */
export async function variantAvailability(
  db: Db,
  storeId: string,
  variants: readonly AvailabilityQuery[],
): Promise<Map<string, StockAvailability>> {
  const stock = await itemStock(
    db,
    storeId,
    variants.map((v) => v.variantId),
  );
  return new Map(
    variants.map((v) => [v.variantId, availabilityOf(stock.get(v.variantId), v.inventoryPolicy)]),
  );
}

/** Reads availability from inventory (the storefront's product pages). */
export function inventoryAvailabilitySource(db: Db): VariantAvailabilitySource {
  return { availability: (storeId, variants) => variantAvailability(db, storeId, variants) };
}
