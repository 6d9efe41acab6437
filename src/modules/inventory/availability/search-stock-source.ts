import { type SQL, sql } from 'drizzle-orm';
import type { StockSource } from '../../catalog/index.ts';

/**
 * The catalog search's view of stock ("in stock" filter and count): a variant can be sold now unless
 * it is tracked, has nothing available over the active locations and does not keep selling when out
 * of stock. The same rule as the product page's availability (`availabilityOf`): a listing never
 * counts in stock what the page then calls out of stock.
 *
 * One correlated `not exists` per variant: an untracked variant stops at the item's primary key, a
 * tracked one sums its few level rows (primary key starts with the variant).
 */
export const inventoryStockSource: StockSource = {
  variantAvailable: (variant: SQL) => sql`(${variant}.inventory_policy = 'continue' or not exists (
    select 1 from inventory_items si
    where si.variant_id = ${variant}.id and si.tracked
      and coalesce((select sum(sl.on_hand - sl.reserved) from inventory_levels sl
        join inventory_locations sloc on sloc.id = sl.location_id and sloc.active
        where sl.variant_id = si.variant_id), 0) <= 0))`,
};
