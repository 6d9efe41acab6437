import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import * as clock from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { notFound, unprocessable } from '../../platform/errors.ts';
import { type Actor, recordAudit } from '../access/index.ts';
import { findStockVariants, findVariantBasePrices } from '../catalog/index.ts';
import { emitPricesChanged } from './market-events.ts';
import { getMarket } from './markets.ts';
import { primaryUsesBasePrices } from './price-list.ts';
import type { Market, MarketStore } from './primary-market.ts';
import { marketPrices } from './schema.ts';

const minorUnits = z
  .number()
  .int('Send the amount in minor units of the market currency (an integer).')
  .min(0)
  .max(1_000_000_000_000);

export const explicitPriceInput = z
  .object({
    variantId: z.string().min(1).max(64),
    price: z.object({ amount: minorUnits }).strict(),
    /** Shown struck through; must be above the price. None when left out or null. */
    compareAt: z.object({ amount: minorUnits }).strict().nullish(),
  })
  .strict();

/** At most this many variants per call (a CSV import takes more). */
export const maxExplicitPricesPerCall = 1000;

export const setExplicitPricesInput = z
  .object({ items: z.array(explicitPriceInput).min(1).max(maxExplicitPricesPerCall) })
  .strict();
export type SetExplicitPricesInput = z.input<typeof setExplicitPricesInput>;

export const listExplicitPricesQuery = z
  .object({
    /** The last variant id of the previous page. */
    after: z.string().min(1).max(64).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
  })
  .strict();
export type ListExplicitPricesQuery = z.input<typeof listExplicitPricesQuery>;

/** An explicit price as stored: minor units of the market's currency. */
export interface ExplicitPrice {
  variantId: string;
  amount: number;
  compareAtAmount: number | null;
}

/** A market's explicit prices by variant id, a page at a time, with the variants' names. */
export async function listExplicitPrices(
  db: Db,
  storeId: string,
  marketId: string,
  query: ListExplicitPricesQuery = {},
) {
  const { after, limit } = listExplicitPricesQuery.parse(query);
  const market = await getMarket(db, storeId, marketId);
  const rows = await db
    .select()
    .from(marketPrices)
    .where(and(eq(marketPrices.marketId, market.id), after ? gt(marketPrices.variantId, after) : undefined))
    .orderBy(asc(marketPrices.variantId))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const variants = await findStockVariants(
    db,
    storeId,
    page.map((r) => r.variantId),
  );
  const items = page.map((row) => {
    // A variant deleted from the catalog keeps its price until removed; it is listed without names.
    const variant = variants.get(row.variantId);
    return {
      variantId: row.variantId,
      productTitle: variant?.productTitle ?? null,
      variantTitle: variant?.title ?? null,
      sku: variant?.sku ?? null,
      price: { amount: row.amount, currency: market.currency },
      compareAt:
        row.compareAtAmount === null ? null : { amount: row.compareAtAmount, currency: market.currency },
      updatedAt: row.updatedAt,
    };
  });
  return { items, nextAfter: rows.length > limit ? page.at(-1)!.variantId : null };
}

/**
 * Sets explicit prices of a market for the listed variants (others are kept). Every variant must be
 * the store's (422 `unknown_variant`, naming it and its item), listed once (422
 * `duplicate_variant`), with a compare-at price above the price (422 `invalid_compare_at`); any
 * problem writes nothing. Not on the primary market (409 `primary_market_uses_base_prices`).
 */
export async function setExplicitPrices(
  tx: Db,
  store: MarketStore,
  actor: Actor,
  marketId: string,
  input: SetExplicitPricesInput,
): Promise<void> {
  const { items } = setExplicitPricesInput.parse(input);
  const market = await lockPricedMarket(tx, store.id, marketId);
  const known = await findVariantBasePrices(
    tx,
    store.id,
    items.map((i) => i.variantId),
  );
  const seen = new Set<string>();
  for (const [index, item] of items.entries()) {
    const path = `items.${index}`;
    if (!known.has(item.variantId)) {
      throw unprocessable('unknown_variant', `No variant ${item.variantId} in this store.`, {
        path: `${path}.variantId`,
        id: item.variantId,
      });
    }
    if (seen.has(item.variantId)) {
      throw unprocessable('duplicate_variant', 'Each variant can be listed once.', {
        path: `${path}.variantId`,
        id: item.variantId,
      });
    }
    seen.add(item.variantId);
    if (item.compareAt && item.compareAt.amount <= item.price.amount) {
      throw unprocessable('invalid_compare_at', 'A compare-at price must be above the price.', {
        path: `${path}.compareAt.amount`,
        id: item.variantId,
      });
    }
  }
  const prices = items.map((item) => ({
    variantId: item.variantId,
    amount: item.price.amount,
    compareAtAmount: item.compareAt?.amount ?? null,
  }));
  await writeExplicitPrices(tx, store.id, actor, market, prices, []);
}

/** Removes one variant's explicit price (404 when it has none); it is converted again. */
export async function removeExplicitPrice(
  tx: Db,
  store: MarketStore,
  actor: Actor,
  marketId: string,
  variantId: string,
): Promise<void> {
  const market = await lockPricedMarket(tx, store.id, marketId);
  const [existing] = await tx
    .select({ variantId: marketPrices.variantId })
    .from(marketPrices)
    .where(and(eq(marketPrices.marketId, market.id), eq(marketPrices.variantId, variantId)));
  if (!existing) throw notFound('Explicit price', { marketId, variantId });
  await writeExplicitPrices(tx, store.id, actor, market, [], [variantId]);
}

/** The market whose explicit prices change, locked; never the primary one. */
export async function lockPricedMarket(tx: Db, storeId: string, marketId: string): Promise<Market> {
  const market = await getMarket(tx, storeId, marketId, { forUpdate: true });
  if (market.isPrimary) throw primaryUsesBasePrices(market.id);
  return market;
}

/** Rows written or read per statement. */
const batchSize = 1000;

/** A market's explicit prices of the variants among `variantIds` (those it has), by variant id. */
export async function findExplicitPrices(
  db: Db,
  marketId: string,
  variantIds: readonly string[],
): Promise<Map<string, ExplicitPrice>> {
  const ids = [...new Set(variantIds)];
  const found = new Map<string, ExplicitPrice>();
  for (let i = 0; i < ids.length; i += batchSize) {
    const rows = await db
      .select({
        variantId: marketPrices.variantId,
        amount: marketPrices.amount,
        compareAtAmount: marketPrices.compareAtAmount,
      })
      .from(marketPrices)
      .where(
        and(
          eq(marketPrices.marketId, marketId),
          inArray(marketPrices.variantId, ids.slice(i, i + batchSize)),
        ),
      );
    for (const row of rows) found.set(row.variantId, row);
  }
  return found;
}

/**
 * Writes checked explicit prices: `prices` set, `removals` gone. One audit entry with before and
 * after, and `market.prices_changed` when the market's price list uses explicit prices.
 */
export async function writeExplicitPrices(
  tx: Db,
  storeId: string,
  actor: Actor,
  market: Market,
  prices: readonly ExplicitPrice[],
  removals: readonly string[],
): Promise<void> {
  const touched = [...prices.map((p) => p.variantId), ...removals];
  if (touched.length === 0) return;
  const before = [...(await findExplicitPrices(tx, market.id, touched)).values()];
  const now = clock.now();
  for (let i = 0; i < prices.length; i += batchSize) {
    await tx
      .insert(marketPrices)
      .values(
        prices.slice(i, i + batchSize).map((p) => ({ ...p, marketId: market.id, storeId, updatedAt: now })),
      )
      .onConflictDoUpdate({
        target: [marketPrices.marketId, marketPrices.variantId],
        set: {
          amount: sql`excluded.amount`,
          compareAtAmount: sql`excluded.compare_at_amount`,
          updatedAt: sql`excluded.updated_at`,
        },
      });
  }
  for (let i = 0; i < removals.length; i += batchSize) {
    await tx
      .delete(marketPrices)
      .where(
        and(
          eq(marketPrices.marketId, market.id),
          inArray(marketPrices.variantId, removals.slice(i, i + batchSize)),
        ),
      );
  }
  await recordAudit(tx, actor, {
    storeId,
    action: 'market.explicit_prices_changed',
    entityType: 'market',
    entityId: market.id,
    before,
    after: { set: prices, removed: removals },
  });
  if (market.pricingMode === 'explicit') {
    await emitPricesChanged(tx, storeId, 'explicit_prices', [market], touched);
  }
}
