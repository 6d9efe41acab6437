import { badRequest, unprocessable } from '../../platform/errors.ts';
import { assertMinorUnits, currencyExponent } from '../../platform/money.ts';
import { parseExchangeRate } from './exchange-rate-text.ts';
import { applyRounding, divideRoundingHalfUp } from './rounding.ts';
import type { RoundingRule } from './schema.ts';

/**
 * A base price in another currency, exactly: `baseAmount` minor units of `baseCurrency` times `rate`
 * (units of `quoteCurrency` per unit of `baseCurrency`, a decimal string), rounded half up to the
 * quote currency's minor unit, then by `rounding` (rounding.ts). Integer arithmetic only (BigInt),
 * so 19.99 EUR at 1.0856 is 21.701144 USD → 21.70, never 21.700000000000003.
 *
 * Errors: 400 `invalid_amount` (not a whole number of minor units, or negative), 400
 * `invalid_exchange_rate`, 422 `unknown_currency`, 422 `amount_out_of_range` (beyond 2^53 − 1).
 */
export function convertPrice(
  baseAmount: number,
  baseCurrency: string,
  quoteCurrency: string,
  rate: string,
  rounding: RoundingRule,
): number {
  assertMinorUnits(baseAmount, 'baseAmount');
  if (baseAmount < 0) {
    throw badRequest('invalid_amount', 'A price cannot be negative.', { baseAmount });
  }
  const baseExponent = currencyExponent(baseCurrency);
  const quoteExponent = currencyExponent(quoteCurrency);
  const { digits, scale } = parseExchangeRate(rate);
  // amount / 10^eb × digits / 10^scale major units = that × 10^eq minor units of the quote currency.
  const numerator = BigInt(baseAmount) * digits * 10n ** BigInt(quoteExponent);
  const denominator = 10n ** BigInt(scale + baseExponent);
  const minor = applyRounding(divideRoundingHalfUp(numerator, denominator), quoteExponent, rounding);
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw unprocessable('amount_out_of_range', 'The converted price is too large to represent exactly.', {
      baseAmount,
      baseCurrency,
      quoteCurrency,
      rate,
    });
  }
  return Number(minor);
}

/**
 * The other way: an amount in the quote currency back in the base currency at `rate` (units of
 * quote per unit of base), rounded half away from zero to the base currency's minor unit. For
 * reports that add up sales made in several currencies in the store's own (analytics). Integer
 * arithmetic only; negative amounts (refunds) allowed.
 */
export function convertToBase(
  quoteAmount: number,
  quoteCurrency: string,
  baseCurrency: string,
  rate: string,
): number {
  assertMinorUnits(quoteAmount, 'quoteAmount');
  const { digits, scale } = parseExchangeRate(rate);
  // amount / 10^eq major units ÷ (digits / 10^scale) = amount × 10^scale / (10^eq × digits) major units.
  const magnitude = BigInt(Math.abs(quoteAmount)) * 10n ** BigInt(scale + currencyExponent(baseCurrency));
  const denominator = digits * 10n ** BigInt(currencyExponent(quoteCurrency));
  const minor = Number(divideRoundingHalfUp(magnitude, denominator));
  return quoteAmount < 0 ? -minor : minor;
}
