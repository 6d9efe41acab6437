import { z } from 'zod';
import { defineExperimentPoint } from './experiment-point.ts';

/**
 * One product's title and description on its page: a variant overrides either (the control
 * names only the product). Every variant names the same product.
 */
export const productText = defineExperimentPoint<
  { productId: string; title?: string | undefined; description?: string | undefined },
  { title: string; description: string }
>({
  key: 'product_text',
  description: "One product's title and description on its page.",
  schema: z
    .object({
      productId: z.string().regex(/^prod_[0-9a-z]{26}$/, 'a product id'),
      title: z.string().trim().min(1).max(255).optional(),
      description: z.string().max(20_000).optional(),
    })
    .strict(),
  pageKinds: ['product'],
  appearsOn: (change, page) => page.kind === 'product' && page.productId === change.productId,
  apply: (change, text) => ({
    title: change.title ?? text.title,
    description: change.description ?? text.description,
  }),
  checkVariants: (changes) =>
    new Set(changes.map((c) => c.productId)).size === 1 ? null : 'every variant names the same productId',
});
