import type { AppliedTaxRate } from '../rate-factors.ts';

/** A rate for pure calculation tests: `percent` as text ("7.25"), so tests read like invoices. */
export function rate(
  rateId: string,
  name: string,
  percent: string,
  options: { compound?: boolean; priority?: number } = {},
): AppliedTaxRate {
  const [whole, fraction = ''] = percent.split('.');
  return {
    rateId,
    name,
    ratePpm: Number(whole) * 10_000 + Number(fraction.padEnd(4, '0')),
    compound: options.compound ?? false,
    priority: options.priority ?? 0,
  };
}

/** Germany: VAT 19 % standard, 7 % reduced (books, most food), 0 % for a zero-rated class. */
export const germany = {
  standard: [rate('de-19', 'VAT 19 %', '19')],
  reduced: [rate('de-7', 'VAT 7 %', '7')],
  zero: [rate('de-0', 'VAT 0 %', '0')],
};

/** France: TVA 20 % standard, 5.5 % reduced (books, most food). */
export const france = {
  standard: [rate('fr-20', 'TVA 20 %', '20')],
  reduced: [rate('fr-5.5', 'TVA 5,5 %', '5.5')],
};

/** California: the state rate and an example county district tax, both in region US-CA. */
export const california = {
  standard: [rate('ca-state', 'CA State Tax', '7.25'), rate('ca-county', 'Example County Tax', '1')],
  // Food for home consumption is exempt in California: a zero-rated class with no rates at all.
  zero: [],
};
