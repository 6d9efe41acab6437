import { z } from 'zod';
import { defineExperimentPoint } from './experiment-point.ts';

export const productPageSections = ['reviews', 'related'] as const;
export type ProductPageSection = (typeof productPageSections)[number];

/** The order of the sections below the product on product pages: reviews and more products. */
export const productSections = defineExperimentPoint<
  { order: ProductPageSection[] },
  readonly ProductPageSection[]
>({
  key: 'product_sections',
  description: 'The order of the sections below the product on product pages (reviews, more products).',
  schema: z
    .object({
      order: z
        .array(z.enum(productPageSections))
        .length(productPageSections.length)
        .refine((order) => new Set(order).size === order.length, 'each section once'),
    })
    .strict(),
  pageKinds: ['product'],
  appearsOn: (_change, page) => page.kind === 'product',
  apply: (change) => change.order,
});
