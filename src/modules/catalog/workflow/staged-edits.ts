import type { Db } from '../../../platform/db/database.ts';
import { forbidden } from '../../../platform/errors.ts';
import type { ProductDetail } from '../product-detail.ts';
import {
  type CatalogWriter,
  type UpdateProductInput,
  updateProduct,
  updateProductInput,
} from '../products.ts';
import { applyEdit, changedFields, contentOf, fingerprint, withChanges } from './product-content.ts';
import { publishInTransaction, unpublishInTransaction } from './publishing.ts';
import {
  findOpenRevision,
  lockProduct,
  openRevision,
  type Revision,
  recordWorkflowStep,
  revisionSnapshot,
  settleStaleReview,
  updateRevision,
} from './revision-store.ts';

export interface EditOutcome {
  /** The product as it is stored (for a staged edit: the live version, unchanged). */
  product: ProductDetail;
  /** The product's open revision after the edit, if any. */
  revision: Revision | null;
  /** True when the edit went into a staged revision instead of the product. */
  staged: boolean;
}

const underReview = (revision: Revision | null) =>
  revision?.state === 'in_review' || revision?.state === 'approved';

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
    const stage = !writer.canPublish && (live.product.status === 'active' || open?.kind === 'staged');
    return stage ? stageEdit(tx, writer, live, open, data) : editDirectly(tx, writer, live, open, data);
  });
}

async function stageEdit(
  tx: Db,
  writer: CatalogWriter,
  live: ProductDetail,
  open: Revision | null,
  data: UpdateProductInput,
): Promise<EditOutcome> {
  const { product } = live;
  if (data.status !== undefined && data.status !== product.status) {
    throw forbidden(
      'permission_denied',
      product.status === 'active'
        ? 'Unpublishing needs the catalog:publish permission.'
        : 'Changing the status of a product with staged changes needs the catalog:publish permission.',
      { permission: 'catalog:publish' },
    );
  }
  const liveContent = contentOf(live);
  const proposed = applyEdit(withChanges(liveContent, open?.changes), data);
  const changes = changedFields(liveContent, proposed);
  let revision: Revision;
  if (open) {
    revision = await updateRevision(tx, open.id, {
      changes,
      ...(underReview(open) ? { state: 'draft' as const, approvedFingerprint: null } : {}),
    });
    await recordWorkflowStep(
      tx,
      writer.actor,
      product.storeId,
      product.id,
      'product.revision_updated',
      { ...revisionSnapshot(open), changes: open.changes },
      { ...revisionSnapshot(revision), changes },
    );
  } else {
    // An edit that changes nothing opens no revision.
    if (Object.keys(changes).length === 0) return { product: live, revision: null, staged: true };
    revision = await openRevision(tx, writer.actor, product, { kind: 'staged', state: 'draft', changes });
    await recordWorkflowStep(
      tx,
      writer.actor,
      product.storeId,
      product.id,
      'product.revision_staged',
      undefined,
      {
        ...revisionSnapshot(revision),
        changes,
      },
    );
  }
  return { product: live, revision, staged: true };
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
  let product = live;
  if (hasContent || !(publishing || unpublishing)) {
    product = await updateProduct(tx, writer, storeId, id, publishing || unpublishing ? content : data);
  }
  let revision = open;
  if (
    open?.kind === 'review' &&
    underReview(open) &&
    fingerprint(contentOf(product)) !== fingerprint(contentOf(live))
  ) {
    revision = await updateRevision(tx, open.id, { state: 'draft', approvedFingerprint: null });
    await recordWorkflowStep(
      tx,
      writer.actor,
      storeId,
      id,
      'product.review_reset',
      revisionSnapshot(open),
      revisionSnapshot(revision),
    );
  }
  if (publishing) {
    const published = await publishInTransaction(tx, writer, storeId, id);
    product = published.product;
    revision = null;
  } else if (unpublishing) {
    product = await unpublishInTransaction(tx, writer, storeId, id);
  }
  return { product, revision, staged: false };
}
