import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { cachedExchangeRate, storeMarkets } from './market-cache.ts';
import { ensurePrimaryMarket, type Market, type MarketStore } from './primary-market.ts';

export interface ResolvedMarket {
  market: Market;
  /**
   * Why this market: the shopper's country is in it, it sells in the asked currency, or neither —
   * or the market that matched cannot price yet (`unpriced`, see resolveMarket).
   */
  matchedBy: 'country' | 'currency' | 'primary';
  /** The market that matched but converts its prices and has no exchange rate for today; null otherwise. */
  unpriced: Market | null;
}

/**
 * The market a shopper buys in: the active market whose countries include `country`; else, when a
 * `currency` is asked for, the active market selling in it (the primary one for the base currency,
 * else the oldest); else the primary market. Codes are matched case-insensitively; an unknown or
 * malformed one simply matches nothing, since it comes from a shopper (a header, a cookie, a form).
 *
 * A market that converts its prices from the base currency but has no exchange rate on the store's
 * day yet cannot price anything: the shopper gets the primary market instead of an error on every
 * page, and `unpriced` names the market skipped (the admin's price preview still says why).
 */
export async function resolveMarket(
  db: Db,
  store: MarketStore,
  shopper: { country?: string | null; currency?: string | null },
): Promise<ResolvedMarket> {
  const active = (await storeMarkets(db, store.id)).filter((m) => m.active);
  const primary = async (unpriced: Market | null): Promise<ResolvedMarket> => ({
    market:
      active.find((m) => m.isPrimary && m.currency === store.baseCurrency) ??
      (await ensurePrimaryMarket(db, store)),
    matchedBy: 'primary',
    unpriced,
  });
  const matched = async (market: Market, matchedBy: 'country' | 'currency'): Promise<ResolvedMarket> =>
    (await canPrice(db, store, market)) ? { market, matchedBy, unpriced: null } : primary(market);
  const country = shopper.country?.trim().toUpperCase();
  const byCountry = country ? active.find((m) => m.countries.includes(country)) : undefined;
  if (byCountry) return matched(byCountry, 'country');
  const currency = shopper.currency?.trim().toUpperCase();
  if (currency) {
    const byCurrency =
      active.find((m) => m.isPrimary && m.currency === currency) ??
      active.find((m) => m.currency === currency);
    if (byCurrency) return matched(byCurrency, 'currency');
  }
  return primary(null);
}

/**
 * Whether a market can price today: it sells in the base currency, keeps explicit prices (the
 * store chose them; what has none converts, and says so), or has an exchange rate for the day.
 */
async function canPrice(db: Db, store: MarketStore, market: Market): Promise<boolean> {
  if (market.currency === store.baseCurrency || market.pricingMode === 'explicit') return true;
  return (await cachedExchangeRate(db, store, store.baseCurrency, market.currency, now())) !== null;
}
