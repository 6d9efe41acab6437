import type { ShippingTaxation, TaxBasis, TaxRounding } from './tax-types.ts';

export const taxBasisLabels: Record<TaxBasis, string> = {
  shipping_address: 'The shipping address',
  billing_address: 'The billing address',
  store_address: 'The store’s address',
};

export const shippingTaxationLabels: Record<ShippingTaxation, { label: string; description: string }> = {
  proportional: {
    label: 'In proportion to the goods',
    description:
      'Split over the cart’s tax classes by their amounts: shipping follows what it carries (common in the EU).',
  },
  by_highest_rate: {
    label: 'At the highest rate in the cart',
    description: 'All of it taxed like the cart’s line with the highest rate.',
  },
  class: { label: 'As a tax class', description: 'Taxed like products of the class you choose.' },
  not_taxed: { label: 'Not taxed', description: 'Shipping carries no tax.' },
};

export const roundingLabels: Record<TaxRounding, { label: string; description: string }> = {
  per_line: { label: 'Per line', description: 'Each line’s tax is rounded on its own.' },
  per_total: {
    label: 'Per total',
    description: 'Lines taxed alike are rounded together once, then spread back over them.',
  },
};

export const rateLevelLabels = {
  region: 'the region’s own rates',
  country: 'the country’s rates',
  none: 'no rates (nothing is taxed there)',
} as const;
