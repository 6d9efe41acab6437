import type { Db } from '../../../platform/db/database.ts';
import { forbidden } from '../../../platform/errors.ts';
import type { ProductDetail } from '../product-detail.ts';
import {
  type CatalogWriter,
  type UpdateProductInput,
  updateProduct,
  updateProductInput,
} from '../products.ts';
import { publishInTransaction, unpublishInTransaction } from './publishing.ts';
import { resetReviewIfChanged, reviewUnderWay } from './review-reset.ts';
import { translationsUnderReview } from './review-subject.ts';
import { findOpenRevision, lockProduct, type Revision, settleStaleReview } from './revision-store.ts';
import { changesAreStaged, stageProductChange } from './stage-product-change.ts';
import type { LiveTranslations } from './staged-translations.ts';

export interface EditOutcome {
  /** The product as it is stored (for a staged edit: the live version, unchanged). */
  product: ProductDetail;
  /** The product's open revision after the edit, if any. */
  revision: Revision | null;
  /** True when the edit went into a staged revision instead of the product. */
  staged: boolean;
  /** True when the edit sent what was in review or approved back to draft (it is reviewed again). */
  reviewReset: boolean;
  /** What the open revision's review reads of the translations (translationsUnderReview). */
  liveTranslations: LiveTranslations;
}

/**
 * Edits a product the way the workflow wants it (PATCH /products/:id):
 * - someone without catalog:publish editing a live product (or one with staged changes) edits the
 *   staged revision — opened on the first such edit — and the storefront keeps the live version;
 * - otherwise the product itself changes; a status change to or from live goes through publishing.
 * Content under review or approved that changes goes back to draft: it is reviewed again.
 */
export async function editProduct(
  db: Db,
  writer: CatalogWriter,
  storeId: string,
  productId: string,
  input: UpdateProductInput,
): Promise<EditOutcome> {
  const data = updateProductInput.parse(input);
  return db.transaction(async (tx) => {
    const live = await lockProduct(tx, storeId, productId);
    const open = await settleStaleReview(
      tx,
      writer.actor,
      live,
      await findOpenRevision(tx, productId, { lock: true }),
    );
    return changesAreStaged(writer, live.product, open)
      ? stageEdit(tx, writer, live, data)
      : editDirectly(tx, writer, live, open, data);
  });
}

async function stageEdit(
  tx: Db,
  writer: CatalogWriter,
  live: ProductDetail,
  data: UpdateProductInput,
): Promise<EditOutcome> {
  const { product } = live;
  const { status, ...change } = data;
  if (status !== undefined && status !== product.status) {
    throw forbidden(
      'permission_denied',
      product.status === 'active'
        ? 'Unpublishing needs the catalog:publish permission.'
        : 'Changing the status of a product with staged changes needs the catalog:publish permission.',
      { permission: 'catalog:publish' },
    );
  }
  const { revision, reviewReset } = await stageProductChange(tx, {
    store: { id: product.storeId },
    product: product.id,
    actor: writer.actor,
    change,
  });
  return {
    product: live,
    revision,
    staged: true,
    reviewReset,
    liveTranslations: await translationsUnderReview(tx, live, revision),
  };
}

async function editDirectly(
  tx: Db,
  writer: CatalogWriter,
  live: ProductDetail,
  open: Revision | null,
  data: UpdateProductInput,
): Promise<EditOutcome> {
  const { storeId, id } = live.product;
  const { status, ...content } = data;
  const publishing = status === 'active' && live.product.status !== 'active';
  const unpublishing = status === 'draft' && live.product.status === 'active';
  const hasContent = Object.keys(content).length > 0;
  const review = await reviewUnderWay(tx, live.product);
  let product = live;
  if (hasContent || !(publishing || unpublishing)) {
    product = await updateProduct(tx, writer, storeId, id, publishing || unpublishing ? content : data);
  }
  const afterChange = await resetReviewIfChanged(tx, writer.actor, review);
  let revision = afterChange?.revision ?? open;
  if (publishing) {
    const published = await publishInTransaction(tx, writer, storeId, id);
    product = published.product;
    revision = null;
  } else if (unpublishing) {
    product = await unpublishInTransaction(tx, writer, storeId, id);
  }
  return {
    product,
    revision,
    staged: false,
    reviewReset: afterChange?.reset ?? false,
    liveTranslations: await translationsUnderReview(tx, product, revision),
  };
}
