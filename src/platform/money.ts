/**
 * Money: integer minor units plus an ISO 4217 code, never floats. The public face of `./money/`:
 * the currency table, checked arithmetic, decimal text in and out, and allocation of order-level
 * amounts to lines so that lines always sum to the total.
 */
export { allocate, splitEvenly } from './money/allocation.ts';
export {
  addMoney,
  assertMinorUnits,
  type Money,
  moneyOf,
  multiplyMoney,
  subtractMoney,
  sumMoney,
  zeroMoney,
} from './money/amounts.ts';
export {
  type CurrencyCode,
  type CurrencyExponent,
  currencyCodes,
  currencyExponent,
  isCurrencyCode,
} from './money/currencies.ts';
export { formatMinorAsDecimal, formatMoney, parseMoney } from './money/decimal-text.ts';
