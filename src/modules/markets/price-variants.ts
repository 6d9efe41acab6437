import { and, asc, eq } from 'drizzle-orm';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { badRequest, unprocessable } from '../../platform/errors.ts';
import { isCurrencyCode } from '../../platform/money.ts';
import { findVariantBasePrices } from '../catalog/index.ts';
import type { ExchangeRate } from './exchange-rates.ts';
import { findExplicitPrices } from './explicit-prices.ts';
import { cachedExchangeRate, storeMarkets } from './market-cache.ts';
import { getMarket } from './markets.ts';
import { ensurePrimaryMarket, type Market, type MarketStore } from './primary-market.ts';
import { markets } from './schema.ts';
import { type MarketPriceRule, type PriceAmounts, priceVariant, type VariantPrice } from './variant-price.ts';

export interface PriceVariantsQuery {
  /** The market to price in; or `currency`, which picks the market selling in it (see below). */
  marketId?: string;
  currency?: string;
  variantIds: readonly string[];
  /**
   * When the price applies: an instant, or a day ("2025-03-31") in the store's time zone. It picks
   * the exchange rate of that day; now when left out.
   */
  at?: Date | string;
  /** Price an inactive market too (the admin's preview); shoppers and checkout only get active ones. */
  includeInactive?: boolean;
  /** The variants' base prices when the caller has just read them (the cart's variants), saving a read. */
  basePrices?: ReadonlyMap<string, PriceAmounts>;
}

export interface MarketPrices {
  market: Market;
  currency: string;
  /** The rate converted prices use; null in the base currency or when none is recorded. */
  exchangeRate: ExchangeRate | null;
  /** By variant id; the store's variants only (unknown ids are left out). */
  prices: Map<string, VariantPrice>;
}

/**
 * What each variant costs in a market: the one calculation behind every price a shopper sees and
 * pays (storefront, cart, checkout), and behind the admin's preview. Per variant it is
 * `priceVariant` (variant-price.ts) over the catalog's base price, the market's explicit price and
 * the exchange rate that applies `at`.
 *
 * `{ currency }` prices in the primary market for the base currency, else in the oldest active
 * market selling in that currency (422 `currency_not_sold` when none does); name the market when
 * several sell in one currency. Errors: 404 for an unknown market, 422 `market_inactive`, 422
 * `exchange_rate_missing` when a price must be converted and no rate applies.
 */
export async function priceVariants(
  db: Db,
  store: MarketStore,
  query: PriceVariantsQuery,
): Promise<MarketPrices> {
  let market = await marketToPrice(db, store, query);
  // The store changed its base currency since: the primary market follows it first.
  if (market.isPrimary && market.currency !== store.baseCurrency)
    market = await ensurePrimaryMarket(db, store);
  if (!market.active && !query.includeInactive) {
    throw unprocessable('market_inactive', `The market "${market.handle}" is not active.`, {
      marketId: market.id,
    });
  }
  const at = query.at ?? now();
  const [base, explicit, exchangeRate] = await Promise.all([
    query.basePrices ?? findVariantBasePrices(db, store.id, query.variantIds),
    market.pricingMode === 'explicit' && !market.isPrimary
      ? findExplicitPrices(db, market.id, query.variantIds)
      : new Map<string, PriceAmounts>(),
    market.currency === store.baseCurrency
      ? null
      : cachedExchangeRate(db, store, store.baseCurrency, market.currency, at),
  ]);
  const rule = marketPriceRule(store, market, exchangeRate);
  const prices = new Map<string, VariantPrice>();
  for (const [variantId, price] of base) {
    prices.set(variantId, priceVariant(variantId, price, explicit.get(variantId), rule));
  }
  return { market, currency: market.currency, exchangeRate, prices };
}

/** A market's pricing rule with the rate that applies (for callers pricing amounts they already hold). */
export function marketPriceRule(
  store: Pick<MarketStore, 'baseCurrency'>,
  market: Market,
  exchangeRate: Pick<ExchangeRate, 'rate'> | null,
): MarketPriceRule {
  return {
    baseCurrency: store.baseCurrency,
    currency: market.currency,
    // The primary market's prices are the catalog's, whatever its row says.
    mode: market.isPrimary ? 'converted' : market.pricingMode,
    rounding: market.rounding,
    convertCompareAt: market.convertCompareAt,
    rate: exchangeRate?.rate ?? null,
  };
}

async function marketToPrice(db: Db, store: MarketStore, query: PriceVariantsQuery): Promise<Market> {
  if (query.marketId !== undefined) {
    const cached = (await storeMarkets(db, store.id)).find((m) => m.id === query.marketId);
    return cached ?? getMarket(db, store.id, query.marketId);
  }
  const currency = query.currency?.toUpperCase();
  if (currency === undefined || !isCurrencyCode(currency)) {
    throw badRequest('market_required', 'Name a market, or a currency (ISO 4217), to price in.', {
      currency: query.currency,
    });
  }
  if (currency === store.baseCurrency) return ensurePrimaryMarket(db, store);
  const [market] = await db
    .select()
    .from(markets)
    .where(and(eq(markets.storeId, store.id), eq(markets.currency, currency), eq(markets.active, true)))
    .orderBy(asc(markets.createdAt), asc(markets.id))
    .limit(1);
  if (!market) {
    throw unprocessable('currency_not_sold', `No active market of this store sells in ${currency}.`, {
      currency,
    });
  }
  return market;
}
