/**
 * The exchange rate of a purchase order from a supplier who bills in another currency than the
 * store's: store base currency per 1 unit of the supplier's (src/modules/inventory/purchase-orders/draft.ts).
 */
import { currencyFractionDigits, formatMoney } from '../money/minor-units.ts';

/** Only an order in another currency than the store's has a rate to give (the server refuses one otherwise). */
export function needsExchangeRate(orderCurrency: string, baseCurrency: string): boolean {
  return orderCurrency !== baseCurrency;
}

export type ParsedRate = { ok: true; rate: number } | { ok: false; message: string };

/**
 * Reads a typed rate such as "0.92" (a decimal comma, "0,92", is read the same). It must be above 0;
 * the server keeps the upper bound and says so on the field.
 */
export function parseExchangeRate(input: string, orderCurrency: string, baseCurrency: string): ParsedRate {
  const text = input.trim().replace(/\s/g, '');
  if (text === '') {
    return { ok: false, message: `Give the rate: how many ${baseCurrency} 1 ${orderCurrency} costs.` };
  }
  const normalized = text.replace(',', '.');
  if (!/^(\d+\.?\d*|\.\d+)$/.test(normalized)) return { ok: false, message: 'Enter a number such as 0.92.' };
  const rate = Number(normalized);
  if (!(rate > 0)) return { ok: false, message: 'The rate must be more than 0.' };
  return { ok: true, rate };
}

/** A rate as the field shows it to be changed: plain digits, never an exponent (1e-7). */
export function exchangeRateInputValue(rate: number): string {
  return rate.toLocaleString('en', { useGrouping: false, maximumFractionDigits: 12 });
}

/** "1 USD = 0.92 EUR". */
export function formatExchangeRate(
  orderCurrency: string,
  baseCurrency: string,
  rate: number,
  locale?: string,
): string {
  const digits = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 }).format(rate);
  return `1 ${orderCurrency} = ${digits} ${baseCurrency}`;
}

/**
 * An amount in minor units of the order's currency, in minor units of the base currency, as receipts
 * convert unit costs (src/modules/inventory/purchase-orders/receipt-costs.ts): times the rate, scaled
 * for the two currencies' decimals, rounded half up after cutting float noise to 15 digits.
 */
export function toBaseCurrencyAmount(
  amount: number,
  orderCurrency: string,
  baseCurrency: string,
  rate: number,
): number {
  if (orderCurrency === baseCurrency) return amount;
  const scale = 10 ** (currencyFractionDigits(baseCurrency) - currencyFractionDigits(orderCurrency));
  const converted = Number((Math.abs(amount) * rate * scale).toPrecision(15));
  return Math.sign(amount) * Math.floor(converted + 0.5);
}

/** "$1,234.00 ≈ €1,135.28" for an order in another currency; just "€1,234.00" for one in the store's. */
export function formatWithBaseCurrency(
  money: { amount: number; currency: string },
  baseCurrency: string,
  rate: number,
  locale?: string,
): string {
  const own = formatMoney(money.amount, money.currency, locale);
  if (!needsExchangeRate(money.currency, baseCurrency)) return own;
  const base = toBaseCurrencyAmount(money.amount, money.currency, baseCurrency, rate);
  return `${own} ≈ ${formatMoney(base, baseCurrency, locale)}`;
}
