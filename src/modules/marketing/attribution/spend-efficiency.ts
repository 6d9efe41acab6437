import { badRequest, unprocessable } from '../../../platform/errors.ts';
import { type Money, moneyOf } from '../../../platform/money.ts';

/**
 * The ratios a manager judges ad spend by. Each takes amounts in minor units of one currency
 * (convert first; mixing currencies is 422 `currency_mismatch`) and returns null where the ratio
 * does not exist — nothing spent, nobody acquired — rather than Infinity or NaN, so a report
 * shows "—" instead of a number that would poison sums and charts.
 */

/** Return on ad spend: revenue attributed to the ads ÷ what they cost. 4 means 4 earned per 1 spent. */
export function roas(attributedRevenue: Money, adSpend: Money): number | null {
  return ratio(attributedRevenue, adSpend);
}

/** Marketing efficiency ratio: all revenue ÷ all marketing spend, whatever the attribution says. */
export function mer(totalRevenue: Money, totalMarketingSpend: Money): number | null {
  return ratio(totalRevenue, totalMarketingSpend);
}

/** Cost per acquisition: spend ÷ conversions, rounded half up to the currency's minor unit. */
export function cpa(spend: Money, conversions: number): Money | null {
  return costPer(spend, conversions, 'conversions');
}

/**
 * Customer acquisition cost: acquisition spend ÷ new customers, rounded half up to the minor unit.
 * New customers may be fractional: a multi-touch model credits a channel with a share of one.
 */
export function cac(acquisitionSpend: Money, newCustomers: number): Money | null {
  return costPer(acquisitionSpend, newCustomers, 'newCustomers');
}

/**
 * The ROAS at which ads pay for themselves: 1 ÷ contribution margin (the share of revenue left
 * after the cost of goods, shipping, fees and other costs that grow with sales). A 25% margin needs
 * a ROAS of 4. Null for a margin of zero or less: no ROAS breaks even.
 * Errors: 400 `invalid_margin` for a margin above 1 (100%) or not a number.
 */
export function breakEvenRoas(contributionMargin: number): number | null {
  if (typeof contributionMargin !== 'number' || Number.isNaN(contributionMargin) || contributionMargin > 1) {
    throw badRequest('invalid_margin', 'The contribution margin is a fraction of revenue, at most 1.', {
      contributionMargin,
    });
  }
  return contributionMargin <= 0 ? null : 1 / contributionMargin;
}

function ratio(numerator: Money, denominator: Money): number | null {
  const currency = sameCurrency(numerator, denominator);
  moneyOf(numerator.amount, currency);
  moneyOf(denominator.amount, currency);
  // Both are whole numbers of the same unit, so one division gives the correctly rounded ratio.
  return denominator.amount === 0 ? null : numerator.amount / denominator.amount;
}

function costPer(spend: Money, count: number, name: string): Money | null {
  const checked = moneyOf(spend.amount, spend.currency);
  if (typeof count !== 'number' || !Number.isFinite(count) || count < 0) {
    throw badRequest('invalid_count', `${name} must be a number of at least 0.`, { [name]: count });
  }
  if (count === 0) return null;
  return moneyOf(divideRoundingHalfUp(checked.amount, count), checked.currency);
}

/**
 * amount ÷ count to the nearest whole unit, halves away from zero, exactly: the count (a whole
 * number, or a decimal such as Google Ads' 12.5 conversions) is read as a fraction of integers so
 * the division is done in BigInt arithmetic, never rounded twice.
 */
function divideRoundingHalfUp(amount: number, count: number): number {
  const [numerator, denominator] = asFraction(count);
  // amount ÷ (numerator / denominator) = amount · denominator ÷ numerator
  const dividend = BigInt(Math.abs(amount)) * denominator;
  const quotient = (2n * dividend + numerator) / (2n * numerator);
  const result = Number(quotient);
  return amount < 0 && result !== 0 ? -result : result;
}

/** A positive finite number as numerator / denominator of BigInts, from its shortest decimal form. */
function asFraction(value: number): [bigint, bigint] {
  const [digits = '0', exponentText = '0'] = value.toString().split('e');
  const [whole = '0', fraction = ''] = digits.split('.');
  const exponent = Number(exponentText) - fraction.length;
  const mantissa = BigInt(`${whole}${fraction}`);
  return exponent >= 0 ? [mantissa * 10n ** BigInt(exponent), 1n] : [mantissa, 10n ** BigInt(-exponent)];
}

function sameCurrency(a: Money, b: Money): string {
  if (a.currency !== b.currency) {
    throw unprocessable('currency_mismatch', `Cannot compare ${a.currency} with ${b.currency}.`, {
      currencies: [a.currency, b.currency],
    });
  }
  return a.currency;
}
