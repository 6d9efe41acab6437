import { asc, eq } from 'drizzle-orm';
import { cachedConfig } from '../../platform/cache/index.ts';
import type { Db } from '../../platform/db/database.ts';
import { type ExchangeRate, effectiveExchangeRate, storeDay } from './exchange-rates.ts';
import { marketsTopic } from './market-events.ts';
import type { Market, MarketStore } from './primary-market.ts';
import { markets } from './schema.ts';

/**
 * A store's markets, oldest first, from the process's configuration cache (every write to markets,
 * price lists and exchange rates announces `marketsTopic`). For reads on the shopper's path; a
 * writer that must see a row as locked reads it with `getMarket(…, { forUpdate })`.
 */
export function storeMarkets(db: Db, storeId: string): Promise<Market[]> {
  return cachedConfig(`${storeId}:markets`, [marketsTopic(storeId)], () =>
    db
      .select()
      .from(markets)
      .where(eq(markets.storeId, storeId))
      .orderBy(asc(markets.createdAt), asc(markets.id)),
  );
}

/** `effectiveExchangeRate` for the store's day of `at`, cached for that day. */
export async function cachedExchangeRate(
  db: Db,
  store: Pick<MarketStore, 'id' | 'timezone'>,
  baseCurrency: string,
  quoteCurrency: string,
  at: Date | string,
): Promise<ExchangeRate | null> {
  const day = typeof at === 'string' ? at : storeDay(store, at);
  const found = await cachedConfig(
    `${store.id}:rate:${baseCurrency}:${quoteCurrency}:${day}`,
    [marketsTopic(store.id)],
    async () => ({ rate: await effectiveExchangeRate(db, store, baseCurrency, quoteCurrency, day) }),
  );
  return found.rate;
}
