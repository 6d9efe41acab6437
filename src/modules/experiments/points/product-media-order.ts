import { z } from 'zod';
import { getStore, storeLocales } from '../../access/index.ts';
import { type ProductImage, productGallery, reorderProductImages } from '../../catalog/index.ts';
import { defineExperimentPoint } from './experiment-point.ts';

/** A product image's id (`img_` and a TypeID suffix), as the catalog makes them. */
const imageId = z.string().regex(/^img_[0-9a-z]{26}$/, 'an image id');

/**
 * `images` in the change's order: the images it lists first, in its order, then the others in the
 * order they had. Ids that are not among `images` (an image deleted since the test was defined)
 * are passed over, so the gallery always shows every image the product has, once.
 */
export function inMediaOrder<Image extends { id: string }>(
  order: readonly string[] | undefined,
  images: readonly Image[],
): Image[] {
  if (!order?.length) return [...images];
  const byId = new Map(images.map((image) => [image.id, image]));
  const listed = order.flatMap((id) => byId.get(id) ?? []);
  const first = new Set(listed.map((image) => image.id));
  return [...listed, ...images.filter((image) => !first.has(image.id))];
}

/**
 * The order of one product's images on its page: the first is the main picture (and the first of
 * the structured data's images), the rest the thumbnails. The control usually names only the
 * product (the stored order). Every variant names the same product.
 */
export const productMediaOrder = defineExperimentPoint<
  { productId: string; order?: string[] | undefined },
  ProductImage[]
>({
  key: 'product_media_order',
  description: "The order of one product's images on its page (the first is the main image).",
  schema: z
    .object({
      productId: z.string().regex(/^prod_[0-9a-z]{26}$/, 'a product id'),
      order: z
        .array(imageId)
        .max(250)
        .refine((ids) => new Set(ids).size === ids.length, 'each image once')
        .optional(),
    })
    .strict(),
  pageKinds: ['product'],
  appearsOn: (change, page) => page.kind === 'product' && page.productId === change.productId,
  apply: (change, images) => inMediaOrder(change.order, images),
  checkVariants: (changes) =>
    new Set(changes.map((c) => c.productId)).size === 1 ? null : 'every variant names the same productId',
  // The winning order becomes the product's own through the gallery's reorder, the one the admin
  // uses (by image id; editProduct would rewrite the gallery by URL, and images sharing a stored file
  // share a URL). A shipper without catalog:publish stages it in the product's revision for review.
  ship: async (tx, change, { storeId, actor, canPublish }) => {
    const unchanged = { outcome: 'unchanged', sentence: 'the product keeps its image order' } as const;
    if (!change.order?.length) return unchanged;
    const store = await getStore(tx, storeId);
    const galleryStore = { id: store.id, locale: store.locale, locales: storeLocales(store) };
    const { images, staged } = await productGallery(tx, galleryStore, change.productId);
    // The reorder applies to the gallery the shipper's changes go to: the open staged revision's
    // when they are staged (it may already add or remove images), else the live one.
    const gallery = !canPublish && staged ? staged.images : images;
    const ordered = inMediaOrder(change.order, gallery).map((image) => image.id);
    if (ordered.every((id, index) => id === gallery[index]?.id)) return unchanged;
    const outcome = await reorderProductImages(
      tx,
      { actor, canPublish },
      galleryStore,
      change.productId,
      ordered,
    );
    return outcome.staged
      ? { outcome: 'in_review', sentence: 'the product’s new image order awaits review' }
      : { outcome: 'live', sentence: 'the product’s images were reordered' };
  },
});
