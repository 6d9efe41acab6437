import { badRequest, unprocessable } from '../errors.ts';
import { currencyExponent } from './currencies.ts';

/** An exact amount: a safe integer of the currency's minor units (cents, fils, yen) and its ISO 4217 code. */
export interface Money {
  readonly amount: number;
  readonly currency: string;
}

/** Throws 400 `invalid_amount` unless `amount` is a safe integer (minor units are never fractional). */
export function assertMinorUnits(amount: unknown, what = 'amount'): asserts amount is number {
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount)) {
    throw badRequest('invalid_amount', `The ${what} must be a whole number of minor units.`, {
      [what]: amount,
    });
  }
}

/** A checked Money value; the currency must be a known ISO 4217 code (422 `unknown_currency`). */
export function moneyOf(amount: number, currency: string): Money {
  assertMinorUnits(amount);
  currencyExponent(currency);
  return { amount: amount === 0 ? 0 : amount, currency };
}

export function zeroMoney(currency: string): Money {
  return moneyOf(0, currency);
}

export function addMoney(a: Money, b: Money): Money {
  const currency = sameCurrency(a, b);
  return moneyOf(checkedResult(a.amount + b.amount), currency);
}

export function subtractMoney(a: Money, b: Money): Money {
  const currency = sameCurrency(a, b);
  return moneyOf(checkedResult(a.amount - b.amount), currency);
}

/**
 * Multiplies by a whole factor such as a quantity. Fractional factors (tax rates, percentages) need a
 * rounding decision, so they belong to the caller together with `allocate` for order-level amounts.
 */
export function multiplyMoney(money: Money, factor: number): Money {
  checkMoney(money);
  if (!Number.isSafeInteger(factor)) {
    throw badRequest('invalid_factor', 'Money can only be multiplied by a whole number.', { factor });
  }
  return moneyOf(checkedResult(money.amount * factor), money.currency);
}

/** Sums amounts of one currency; the currency is given so an empty list still has one. */
export function sumMoney(items: readonly Money[], currency: string): Money {
  let total = zeroMoney(currency);
  for (const item of items) total = addMoney(total, item);
  return total;
}

function checkMoney(money: Money): void {
  assertMinorUnits(money.amount);
  currencyExponent(money.currency);
}

function sameCurrency(a: Money, b: Money): string {
  checkMoney(a);
  checkMoney(b);
  if (a.currency !== b.currency) {
    throw unprocessable('currency_mismatch', `Cannot combine ${a.currency} with ${b.currency}.`, {
      currencies: [a.currency, b.currency],
    });
  }
  return a.currency;
}

// Any exact integer result beyond 2^53 - 1 cannot be represented, and an inexact one is not safe either.
function checkedResult(result: number): number {
  if (!Number.isSafeInteger(result)) {
    throw unprocessable('amount_out_of_range', 'The resulting amount is too large to represent exactly.', {
      maximum: Number.MAX_SAFE_INTEGER,
    });
  }
  return result;
}
