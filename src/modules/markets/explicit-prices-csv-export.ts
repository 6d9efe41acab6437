import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { Db } from '../../platform/db/database.ts';
import { formatMinorAsDecimal } from '../../platform/money.ts';
import { guardFormula, listStockVariants } from '../catalog/index.ts';
import { findExplicitPrices } from './explicit-prices.ts';
import { getMarket } from './markets.ts';
import type { MarketStore } from './primary-market.ts';

/**
 * A market's explicit prices as CSV: one row per variant of the catalog, prices as decimals in the
 * market's currency ("19.99"), an empty price where the variant has none. Importing the file back
 * changes nothing; editing a price sets it, emptying one removes it. Variants left out of an
 * imported file are left as they are.
 */
export const explicitPricesHeader = [
  'variant_id',
  'sku',
  'product_handle',
  'product_title',
  'variant_title',
  'base_currency',
  'base_price',
  'currency',
  'price',
  'compare_at_price',
] as const;

const variantsPerPage = 500;

export function exportExplicitPricesCsv(db: Db, store: MarketStore, marketId: string): Readable {
  async function* records(): AsyncGenerator<string[]> {
    const market = await getMarket(db, store.id, marketId);
    yield [...explicitPricesHeader];
    let after: { productHandle: string; position: number } | undefined;
    for (;;) {
      const variants = await listStockVariants(db, store.id, { after, limit: variantsPerPage });
      if (variants.length === 0) return;
      const explicit = await findExplicitPrices(
        db,
        market.id,
        variants.map((v) => v.variantId),
      );
      for (const v of variants) {
        const price = explicit.get(v.variantId);
        yield [
          v.variantId,
          guardFormula(v.sku ?? ''),
          v.productHandle,
          guardFormula(v.productTitle),
          guardFormula(v.title),
          store.baseCurrency,
          formatMinorAsDecimal(v.priceAmount, store.baseCurrency),
          market.currency,
          price ? formatMinorAsDecimal(price.amount, market.currency) : '',
          price?.compareAtAmount != null ? formatMinorAsDecimal(price.compareAtAmount, market.currency) : '',
        ];
      }
      const last = variants.at(-1)!;
      after = { productHandle: last.productHandle, position: last.position };
    }
  }
  return Readable.from(records()).pipe(stringify());
}
