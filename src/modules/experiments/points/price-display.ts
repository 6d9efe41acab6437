import { z } from 'zod';
import { defineExperimentPoint } from './experiment-point.ts';

export interface ShownPrice {
  amount: number;
  compareAtAmount: number | null;
  currency: string;
}

/** Product pages' price: with the struck-through compare-at price (when there is one) or without. */
export const priceDisplay = defineExperimentPoint<{ showCompareAt: boolean }, ShownPrice>({
  key: 'price_display',
  description: 'Product pages show the compare-at price struck through, or only the price.',
  schema: z.object({ showCompareAt: z.boolean() }).strict(),
  pageKinds: ['product'],
  appearsOn: (_change, page) => page.kind === 'product',
  apply: (change, price) => (change.showCompareAt ? price : { ...price, compareAtAmount: null }),
});
