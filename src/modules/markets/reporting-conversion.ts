import { and, asc, eq, inArray, lte, or } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { convertPrice, convertToBase } from './convert-price.ts';
import { canonicalExchangeRate } from './exchange-rate-text.ts';
import { exchangeRates } from './schema.ts';

/** Converts a store's amounts (minor units of its base currency) on a day into the reporting currency. */
export type ReportingConverter = (amount: number, day: string) => number;

interface RateRow {
  storeId: string;
  baseCurrency: string;
  quoteCurrency: string;
  rate: string;
  effectiveOn: string;
}

/**
 * For each store, how its amounts become amounts in `currency`, from the store's own recorded rates
 * (one statement for all stores); a store missing from the answer has no rate between its base
 * currency and `currency`, so its money cannot be converted. docs/markets.md has the rule:
 *
 * - each day's amount converts at the rate in effect on that day (the latest on or before it), so a
 *   period's total is the sum of its days at their own rates; days before the first recorded rate
 *   use that first rate;
 * - a rate `base → currency` multiplies; one recorded the other way, `currency → base`, divides
 *   (both exact, rounded half away from zero to the minor unit);
 * - a store whose base currency is `currency` needs no rate.
 */
export async function reportingConverters(
  db: Db,
  stores: readonly { id: string; baseCurrency: string }[],
  currency: string,
  lastDay: string,
): Promise<Map<string, ReportingConverter>> {
  const out = new Map<string, ReportingConverter>();
  const foreign = stores.filter((s) => s.baseCurrency !== currency);
  for (const s of stores) if (s.baseCurrency === currency) out.set(s.id, (amount) => amount);
  if (foreign.length === 0) return out;
  const rows = await db
    .select({
      storeId: exchangeRates.storeId,
      baseCurrency: exchangeRates.baseCurrency,
      quoteCurrency: exchangeRates.quoteCurrency,
      rate: exchangeRates.rate,
      effectiveOn: exchangeRates.effectiveOn,
    })
    .from(exchangeRates)
    .where(
      and(
        inArray(
          exchangeRates.storeId,
          foreign.map((s) => s.id),
        ),
        or(eq(exchangeRates.baseCurrency, currency), eq(exchangeRates.quoteCurrency, currency)),
        lte(exchangeRates.effectiveOn, lastDay),
      ),
    )
    .orderBy(asc(exchangeRates.effectiveOn));
  for (const store of foreign) {
    const rates: RateRow[] = rows
      .filter(
        (r) =>
          r.storeId === store.id &&
          ((r.baseCurrency === store.baseCurrency && r.quoteCurrency === currency) ||
            (r.baseCurrency === currency && r.quoteCurrency === store.baseCurrency)),
      )
      .map((r) => ({
        ...r,
        rate: canonicalExchangeRate(String(r.rate)),
        effectiveOn: String(r.effectiveOn).slice(0, 10),
      }));
    if (rates.length === 0) continue;
    out.set(store.id, (amount, day) => {
      let applies = rates[0]!;
      // Rates are in effective order; on a day with both directions recorded, the direct one wins.
      for (const r of rates) {
        if (r.effectiveOn > day) break;
        if (r.effectiveOn > applies.effectiveOn || r.baseCurrency === store.baseCurrency) applies = r;
      }
      return convertAmount(amount, store.baseCurrency, currency, applies);
    });
  }
  return out;
}

function convertAmount(amount: number, from: string, to: string, rate: RateRow): number {
  if (amount === 0) return 0;
  if (rate.baseCurrency === from) {
    // convertPrice takes prices, never negative: a net of refunds converts by its size, sign kept.
    const size = convertPrice(Math.abs(amount), from, to, rate.rate, 'none');
    return amount < 0 ? -size : size;
  }
  return convertToBase(amount, from, to, rate.rate);
}
