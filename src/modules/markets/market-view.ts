import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { type ExchangeRate, effectiveExchangeRates, storeDay } from './exchange-rates.ts';
import { type PriceList, priceListOf } from './price-list-input.ts';
import type { Market, MarketStore } from './primary-market.ts';
import { marketPrices } from './schema.ts';

/** A market as the admin API shows it: its price list, how many explicit prices it has, today's rate. */
export interface MarketView {
  id: string;
  name: string;
  handle: string;
  currency: string;
  countries: string[];
  defaultLocale: string;
  active: boolean;
  isPrimary: boolean;
  priceList: PriceList;
  explicitPriceCount: number;
  /** The rate from the base currency that applies today; null in the base currency or when none is recorded. */
  exchangeRate: Pick<ExchangeRate, 'id' | 'rate' | 'effectiveOn'> | null;
  createdAt: Date;
  updatedAt: Date;
}

export async function marketViews(
  db: Db,
  store: MarketStore,
  list: readonly Market[],
): Promise<MarketView[]> {
  if (list.length === 0) return [];
  const ids = list.map((m) => m.id);
  const [counts, rates] = await Promise.all([
    db
      .select({ marketId: marketPrices.marketId, n: sql<number>`count(*)::int` })
      .from(marketPrices)
      .where(ids.length === 1 ? eq(marketPrices.marketId, ids[0]!) : inArray(marketPrices.marketId, ids))
      .groupBy(marketPrices.marketId),
    effectiveExchangeRates(
      db,
      store.id,
      store.baseCurrency,
      list.map((m) => m.currency),
      storeDay(store),
    ),
  ]);
  const countOf = new Map(counts.map((c) => [c.marketId, Number(c.n)]));
  return list.map((market) => {
    const rate = rates.get(market.currency);
    return {
      id: market.id,
      name: market.name,
      handle: market.handle,
      currency: market.currency,
      countries: market.countries,
      defaultLocale: market.defaultLocale,
      active: market.active,
      isPrimary: market.isPrimary,
      priceList: priceListOf(market),
      explicitPriceCount: countOf.get(market.id) ?? 0,
      exchangeRate: rate ? { id: rate.id, rate: rate.rate, effectiveOn: rate.effectiveOn } : null,
      createdAt: market.createdAt,
      updatedAt: market.updatedAt,
    };
  });
}

export async function marketView(db: Db, store: MarketStore, market: Market): Promise<MarketView> {
  const [view] = await marketViews(db, store, [market]);
  return view!;
}
