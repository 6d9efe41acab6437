import type { Db } from '../../../platform/db/database.ts';
import type { Store } from '../../access/index.ts';
import { convertToBase, effectiveExchangeRate } from '../../markets/index.ts';

/** Turns an order's amounts into the store's currency (reports add up in one currency). */
export interface ReportingConversion {
  /** Units of the order's currency per unit of the store's; null when they are the same currency. */
  rate: string | null;
  toStoreCurrency(amount: number): number;
}

/**
 * The store's exchange rate for `currency` on the day of `at` (the rate checkout priced with), else
 * the latest recorded at all; an order in a currency the store never recorded a rate for is
 * counted at face value (rate "1"), which only a store that prices a market explicitly without
 * ever recording a rate can hit.
 */
export async function reportingConversion(
  db: Db,
  store: Pick<Store, 'id' | 'timezone' | 'baseCurrency'>,
  currency: string,
  at: Date,
): Promise<ReportingConversion> {
  if (currency === store.baseCurrency) return { rate: null, toStoreCurrency: (amount) => amount };
  const found =
    (await effectiveExchangeRate(db, store, store.baseCurrency, currency, at)) ??
    (await effectiveExchangeRate(db, store, store.baseCurrency, currency, '9999-12-31'));
  const rate = found?.rate ?? '1';
  return { rate, toStoreCurrency: (amount) => convertToBase(amount, currency, store.baseCurrency, rate) };
}
