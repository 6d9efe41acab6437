import { type SQL, sql } from 'drizzle-orm';

/**
 * Where a search learns whether a variant can be sold now. The inventory module (not built yet) will
 * supply one that reads its stock levels, e.g.
 *   variantAvailable: (v) => sql`(${v}.inventory_policy = 'continue' or exists (select 1 from
 *     inventory_levels l where l.variant_id = ${v}.id and l.on_hand - l.reserved > 0))`
 * and the "in stock" filter and count follow it without any change here.
 */
export interface StockSource {
  /** A condition on the `product_variants` row named by `variant`: true when it can be sold now. */
  variantAvailable(variant: SQL): SQL;
  /** Set when every variant is available, so a search can skip looking at variants for stock. */
  readonly everyVariantAvailable?: boolean;
}

/** Until inventory exists: every variant of a listed product can be sold (products always have one). */
export const everyVariantAvailable: StockSource = {
  variantAvailable: () => sql`true`,
  everyVariantAvailable: true,
};
