import { currencyExponent } from '../../../platform/money.ts';

/**
 * Rounds a non-negative amount half up. The value is first cut to 15 significant digits, so a
 * product such as 1155 × 1.1 = 1270.4999999999998 (binary floating point) counts as the 1270.5 a
 * person would compute and rounds to 1271.
 */
function roundHalfUp(value: number): number {
  return Math.floor(Number(value.toPrecision(15)) + 0.5);
}

/**
 * A unit cost in the order's currency converted to minor units of the store's base currency.
 * `exchangeRate` is base currency per one unit of the order's currency (major units), so the minor
 * units' exponents are taken into account: 1000 JPY at 0.0062 EUR/JPY is 620 euro cents.
 */
export function toBaseCurrencyCost(
  amount: number,
  orderCurrency: string,
  baseCurrency: string,
  exchangeRate: number,
): number {
  if (orderCurrency === baseCurrency) return amount;
  const scale = 10 ** (currencyExponent(baseCurrency) - currencyExponent(orderCurrency));
  return roundHalfUp(amount * exchangeRate * scale);
}

/**
 * The moving weighted average cost after a receipt:
 * (onHandBefore × averageBefore + quantity × unitCost) / (onHandBefore + quantity), rounded half up,
 * in exact integer arithmetic. With no earlier average, or nothing (or less than nothing) on hand
 * before, the receipt's cost is the new average: there is no earlier stock to weigh it against.
 */
export function weightedAverageCost(receipt: {
  onHandBefore: number;
  averageBefore: number | null;
  quantity: number;
  unitCost: number;
}): number {
  const { onHandBefore, averageBefore, quantity, unitCost } = receipt;
  if (averageBefore === null || onHandBefore <= 0) return unitCost;
  if (quantity <= 0) return averageBefore;
  const numerator = BigInt(onHandBefore) * BigInt(averageBefore) + BigInt(quantity) * BigInt(unitCost);
  const denominator = BigInt(onHandBefore + quantity);
  // Half up for a non-negative fraction n/d: floor((2n + d) / 2d).
  return Number((2n * numerator + denominator) / (2n * denominator));
}
