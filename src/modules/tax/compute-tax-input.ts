import { badRequest, unprocessable } from '../../platform/errors.ts';
import { currencyExponent } from '../../platform/money.ts';
import type { ComputeTaxInput } from './compute-tax.ts';
import { maxRatePpm } from './rate-percent.ts';
import { shippingTaxations } from './schema.ts';

/** Lines a calculation takes: a cart, or an order being placed. */
export const maxTaxLines = 1000;
/**
 * The largest line or shipping amount (10¹² minor units). With at most 1000 lines every sum stays
 * a safe integer, so the arithmetic is exact without checks at each step.
 */
export const maxTaxableAmount = 1_000_000_000_000;
/** Rates that may apply together to one class at one destination (a state, a county, a city …). */
export const maxRatesPerClass = 16;

/**
 * Checks what computeTax is given, so a caller's mistake is a clear 4xx rather than a wrong tax.
 * Errors: 400 `invalid_tax_input` (with the path), 422 `unknown_currency`,
 * 422 `shipping_tax_class_required`.
 */
export function checkTaxInput(input: ComputeTaxInput): void {
  currencyExponent(input.currency);
  if (!Array.isArray(input.lines) || input.lines.length > maxTaxLines) {
    throw invalid('lines', `A calculation takes at most ${maxTaxLines} lines.`);
  }
  const seen = new Set<string>();
  input.lines.forEach((line, i) => {
    if (typeof line.lineId !== 'string' || line.lineId === '' || seen.has(line.lineId)) {
      throw invalid(`lines.${i}.lineId`, 'Every line needs its own id.');
    }
    seen.add(line.lineId);
    checkAmount(line.amount, `lines.${i}.amount`);
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) {
      throw invalid(`lines.${i}.quantity`, 'A quantity is a whole number of at least 1.');
    }
  });
  if (input.shipping) {
    checkAmount(input.shipping.amount, 'shipping.amount');
    if (!shippingTaxations.includes(input.shipping.taxation)) {
      throw invalid('shipping.taxation', `Shipping is taxed as one of ${shippingTaxations.join(', ')}.`);
    }
    if (input.shipping.taxation === 'class' && !input.shipping.taxClass) {
      throw unprocessable('shipping_tax_class_required', 'Shipping taxed as a class needs the class.', {
        path: 'shipping.taxClass',
      });
    }
  }
  for (const [taxClass, rates] of Object.entries(input.rates.byClass)) {
    if (rates.length > maxRatesPerClass) {
      throw invalid(`rates.${taxClass}`, `At most ${maxRatesPerClass} rates apply to one class.`);
    }
    for (const rate of rates) {
      if (!Number.isSafeInteger(rate.ratePpm) || rate.ratePpm < 0 || rate.ratePpm > maxRatePpm) {
        throw invalid(`rates.${taxClass}`, 'A rate is whole millionths from 0 to 1,000,000.');
      }
      if (!Number.isSafeInteger(rate.priority) || rate.priority < 0) {
        throw invalid(`rates.${taxClass}`, 'A priority is a whole number from 0.');
      }
    }
  }
}

function checkAmount(amount: unknown, path: string): void {
  if (
    typeof amount !== 'number' ||
    !Number.isSafeInteger(amount) ||
    amount < 0 ||
    amount > maxTaxableAmount
  ) {
    throw invalid(path, `An amount is whole minor units from 0 to ${maxTaxableAmount}.`);
  }
}

function invalid(path: string, message: string) {
  return badRequest('invalid_tax_input', message, { path });
}
