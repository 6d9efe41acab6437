import { z } from 'zod';
import { editProduct } from '../../catalog/index.ts';
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
  // The winning text becomes the product's own, through the catalog's workflow: a shipper without
  // catalog:publish stages it for review instead of changing the live product.
  ship: async (tx, change, { storeId, actor, canPublish }) => {
    const edit = {
      ...(change.title !== undefined ? { title: change.title } : {}),
      ...(change.description !== undefined ? { description: change.description } : {}),
    };
    if (Object.keys(edit).length === 0)
      return { outcome: 'unchanged', sentence: 'the product keeps its text' };
    const outcome = await editProduct(tx, { actor, canPublish }, storeId, change.productId, edit);
    return outcome.staged
      ? { outcome: 'in_review', sentence: 'the product’s new text awaits review' }
      : { outcome: 'live', sentence: 'the product’s text was changed' };
  },
});
