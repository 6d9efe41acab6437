import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { ensurePrimaryMarket, type Market, type MarketStore } from './primary-market.ts';
import { markets } from './schema.ts';

export interface ResolvedMarket {
  market: Market;
  /** Why this market: the shopper's country is in it, it sells in the asked currency, or neither. */
  matchedBy: 'country' | 'currency' | 'primary';
}

/**
 * The market a shopper buys in: the active market whose countries include `country`; else, when a
 * `currency` is asked for, the active market selling in it (the primary one for the base currency,
 * else the oldest); else the primary market. Codes are matched case-insensitively; an unknown or
 * malformed one simply matches nothing, since it comes from a shopper (a header, a cookie, a form).
 */
export async function resolveMarket(
  db: Db,
  store: MarketStore,
  shopper: { country?: string | null; currency?: string | null },
): Promise<ResolvedMarket> {
  const active = await db
    .select()
    .from(markets)
    .where(and(eq(markets.storeId, store.id), eq(markets.active, true)))
    .orderBy(asc(markets.createdAt), asc(markets.id));
  const country = shopper.country?.trim().toUpperCase();
  const byCountry = country ? active.find((m) => m.countries.includes(country)) : undefined;
  if (byCountry) return { market: byCountry, matchedBy: 'country' };
  const currency = shopper.currency?.trim().toUpperCase();
  if (currency) {
    const byCurrency =
      active.find((m) => m.isPrimary && m.currency === currency) ??
      active.find((m) => m.currency === currency);
    if (byCurrency) return { market: byCurrency, matchedBy: 'currency' };
  }
  const primary = active.find((m) => m.isPrimary && m.currency === store.baseCurrency);
  return { market: primary ?? (await ensurePrimaryMarket(db, store)), matchedBy: 'primary' };
}
