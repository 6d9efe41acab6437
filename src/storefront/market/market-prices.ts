import { findVariantIdsOfProducts, type Product } from '../../modules/catalog/index.ts';
import { priceVariants } from '../../modules/markets/index.ts';
import type { Db } from '../../platform/db/database.ts';
import type { StorefrontSite } from '../site.ts';
import type { ShownPrice } from './shopper-market.ts';

/**
 * Prices a page shows, in the shopper's market: always from the markets module's `priceVariants`
 * (the calculation the cart and checkout use too), never the catalog's base price directly.
 */

/**
 * The site with each card's price: the cheapest variant of each product in the market, with that
 * variant's compare-at price. Pages without a shopper market (tests of other parts) are left as
 * they are and show base prices.
 */
export async function withCardPrices(
  db: Db,
  site: StorefrontSite,
  products: readonly Pick<Product, 'id'>[],
): Promise<StorefrontSite> {
  const { market } = site;
  if (!market || products.length === 0) return site;
  const variantsOf = await findVariantIdsOfProducts(
    db,
    site.store.id,
    products.map((p) => p.id),
  );
  const prices = await pricesOf(db, site, [...variantsOf.values()].flat());
  const cardPrices = new Map<string, ShownPrice>();
  for (const [productId, variantIds] of variantsOf) {
    let cheapest: ShownPrice | undefined;
    for (const id of variantIds) {
      const price = prices.get(id);
      if (price && (!cheapest || price.amount < cheapest.amount)) cheapest = price;
    }
    if (cheapest) cardPrices.set(productId, cheapest);
  }
  return { ...site, market: { ...market, cardPrices } };
}

/** The site with the prices of these variants (a product page's), in the shopper's market. */
export async function withVariantPrices(
  db: Db,
  site: StorefrontSite,
  variantIds: readonly string[],
): Promise<StorefrontSite> {
  const { market } = site;
  if (!market || variantIds.length === 0) return site;
  return { ...site, market: { ...market, variantPrices: await pricesOf(db, site, variantIds) } };
}

async function pricesOf(db: Db, site: StorefrontSite, variantIds: readonly string[]) {
  const { prices } = await priceVariants(db, site.store, { marketId: site.market!.marketId, variantIds });
  return new Map(
    [...prices].map(([id, p]): [string, ShownPrice] => [
      id,
      { amount: p.amount, compareAtAmount: p.compareAtAmount, currency: p.currency },
    ]),
  );
}

/** A card's price: the market's when the page has one, else the catalog's lowest base price. */
export function cardPrice(site: StorefrontSite, product: Product): ShownPrice {
  return (
    site.market?.cardPrices?.get(product.id) ?? {
      amount: product.priceAmount,
      compareAtAmount: null,
      currency: product.currency,
    }
  );
}

/** A variant's price: the market's when the page has one, else its base price. */
export function variantPrice(
  site: StorefrontSite,
  variant: { id: string; priceAmount: number; compareAtAmount: number | null },
  baseCurrency: string,
): ShownPrice {
  return (
    site.market?.variantPrices?.get(variant.id) ?? {
      amount: variant.priceAmount,
      compareAtAmount:
        variant.compareAtAmount !== null && variant.compareAtAmount > variant.priceAmount
          ? variant.compareAtAmount
          : null,
      currency: baseCurrency,
    }
  );
}
