import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import { currencyCodes, currencyExponent } from '../../platform/money.ts';
import type { MarketStore } from './primary-market.ts';
import { exchangeRates } from './schema.ts';

type Expression = SQL | AnyColumn;

/**
 * In SQL, an amount (minor units of `currency`, a column) in the store's base currency, for
 * figures that add up orders placed in several currencies in one statement (a customer's amount
 * spent). The rate and rounding are analytics' reporting conversion, so an order counts the same
 * in both:
 *
 * - the store's rate base → currency in effect on the store's day of `at` (the latest on or before
 *   it), else its latest rate at all, else face value (a market priced explicitly with no rate);
 * - amount ÷ rate, exact (integer `div` over numerics, no floating point), rounded half away from
 *   zero to the base currency's minor unit, like `convertToBase`.
 */
export function amountInBaseSql(
  store: Pick<MarketStore, 'id' | 'baseCurrency' | 'timezone'>,
  amount: Expression,
  currency: AnyColumn,
  at: AnyColumn,
): SQL<number> {
  const rateOf = (onOrBefore: SQL | undefined) => sql`(select ${exchangeRates.rate} from ${exchangeRates}
    where ${exchangeRates.storeId} = ${store.id} and ${exchangeRates.baseCurrency} = ${store.baseCurrency}
      and ${exchangeRates.quoteCurrency} = ${currency}${onOrBefore ? sql` and ${exchangeRates.effectiveOn} <= ${onOrBefore}` : sql``}
    order by ${exchangeRates.effectiveOn} desc limit 1)`;
  const day = sql`(${at} at time zone ${store.timezone})::date`;
  const rate = sql`coalesce(${rateOf(day)}, ${rateOf(undefined)}, 1)`;
  // |amount| × 10^(12 + base digits) ÷ (rate × 10^12 × 10^currency digits), half up: ⌊(2n + d) ÷ 2d⌋.
  const numerator = sql`abs(${amount})::numeric * power(10::numeric, ${12 + currencyExponent(store.baseCurrency)})`;
  const denominator = sql`${rate} * power(10::numeric, 12 + ${currencyDigitsSql(currency)})`;
  return sql<number>`(case when ${currency} = ${store.baseCurrency} then ${amount}::numeric
    else sign(${amount}) * div(2 * ${numerator} + ${denominator}, 2 * ${denominator}) end)`;
}

/** A currency column's minor-unit digits as an SQL expression (2 unless ISO says otherwise). */
function currencyDigitsSql(currency: AnyColumn): SQL {
  const others = currencyCodes.filter((code) => currencyExponent(code) !== 2);
  const cases = sql.join(
    others.map((code) => sql` when ${code} then ${sql.raw(String(currencyExponent(code)))}`),
    sql``,
  );
  return sql`(case ${currency}${cases} else 2 end)`;
}
