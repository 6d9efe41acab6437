import type { PriceSource, PricingMode, RoundingRule } from './market-types.ts';

export const pricingModeLabels: Record<PricingMode, string> = {
  converted: 'Converted',
  explicit: 'Explicit prices',
};

/** The rounding rules in the order a person weighs them, with what each does to 21.70. */
export const roundingRules: { value: RoundingRule; label: string; example: string }[] = [
  { value: 'none', label: 'No rounding', example: 'to the cent: 21.70' },
  { value: 'whole', label: 'Up to a whole unit', example: '21.70 → 22.00' },
  { value: 'ninety_nine', label: 'Up to .99', example: '21.70 → 21.99 (¥731 → ¥740)' },
  { value: 'nearest_5', label: 'Nearest 5', example: '21.70 → 20.00' },
  { value: 'nearest_10', label: 'Nearest 10', example: '108.56 → 110.00' },
];

export const roundingLabels = Object.fromEntries(roundingRules.map((r) => [r.value, r.label])) as Record<
  RoundingRule,
  string
>;

export const priceSourceLabels: Record<PriceSource, string> = {
  base: 'Base price',
  explicit: 'Explicit',
  converted: 'Converted',
};

export const priceSourceColors: Record<PriceSource, string> = {
  base: 'gray',
  explicit: 'grape',
  converted: 'indigo',
};
