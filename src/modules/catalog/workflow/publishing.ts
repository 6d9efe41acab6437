import type { Db } from '../../../platform/db/database.ts';
import { conflict } from '../../../platform/errors.ts';
import { emitEvent } from '../../../platform/events/outbox.ts';
import type { ProductDetail } from '../product-detail.ts';
import { type CatalogWriter, updateProduct } from '../products.ts';
import { diffContent } from './content-diff.ts';
import { changesAsEdit, contentOf, fingerprint, normalChanges } from './product-content.ts';
import {
  findOpenRevision,
  lockProduct,
  type Revision,
  recordWorkflowStep,
  revisionSnapshot,
  settleStaleReview,
  updateRevision,
} from './revision-store.ts';
import { cancelSupersededSchedule } from './schedule-store.ts';
import { assertMayPublish, illegalTransition, productWorkflowState } from './workflow-state.ts';

export interface PublishOptions {
  /** The schedule carrying this change out: it is not cancelled as superseded by it. */
  scheduleId?: string;
}

/** The hash a reviewer approves: the staged changes, or the product's own content while it is not live. */
export function reviewedFingerprint(revision: Revision, live: ProductDetail): string {
  return revision.kind === 'staged'
    ? fingerprint(normalChanges(revision.changes))
    : fingerprint(contentOf(live));
}

/**
 * Makes the product live, in the caller's transaction. Once a review has started it must end in an
 * approval first (409 `review_pending`), and what goes live is exactly what was approved (409
 * `changed_since_approval` otherwise). An approved staged revision is applied to the live product.
 * With no review under way a publisher publishes directly, as before the workflow existed.
 */
export async function publishInTransaction(
  tx: Db,
  writer: CatalogWriter,
  storeId: string,
  productId: string,
  options: PublishOptions = {},
): Promise<{ product: ProductDetail; revision: Revision | null }> {
  assertMayPublish(writer, 'Publishing');
  const live = await lockProduct(tx, storeId, productId);
  const open = await settleStaleReview(
    tx,
    writer.actor,
    live,
    await findOpenRevision(tx, productId, { lock: true }),
  );
  const state = productWorkflowState(live.product, open);
  if (live.product.status === 'archived') {
    throw illegalTransition(
      'publish',
      state,
      'Restore the archived product as a draft before publishing it.',
    );
  }
  if (open && open.state !== 'approved') {
    throw conflict(
      'review_pending',
      `Revision ${open.number} is ${open.state.replace('_', ' ')}: it is published once approved.`,
      { revisionId: open.id, state: open.state },
    );
  }
  if (!open && live.product.status === 'active') {
    throw illegalTransition('publish', state, 'The product is live and has no approved changes waiting.');
  }
  if (open && reviewedFingerprint(open, live) !== open.approvedFingerprint) {
    throw conflict('changed_since_approval', 'The content changed after it was approved; review it again.', {
      revisionId: open.id,
    });
  }
  const becomesLive = live.product.status !== 'active';
  const edit = open?.kind === 'staged' ? changesAsEdit(open.changes ?? {}) : {};
  const product =
    becomesLive || Object.keys(edit).length > 0
      ? await updateProduct(
          tx,
          writer,
          storeId,
          productId,
          { ...edit, ...(becomesLive ? { status: 'active' as const } : {}) },
          'product.published',
        )
      : live;
  let revision: Revision | null = null;
  if (open) {
    // What it changed, kept for the history: staged edits against the version they replaced; a
    // reviewed product's whole content when it goes live for the first time.
    const before = open.kind === 'staged' ? contentOf(live) : null;
    revision = await updateRevision(tx, open.id, {
      state: 'published',
      closedBy: writer.actor,
      closedAt: new Date(),
      publishedDiff: diffContent(before, contentOf(product), live.product.currency),
    });
    await recordWorkflowStep(
      tx,
      writer.actor,
      storeId,
      productId,
      'product.revision_published',
      revisionSnapshot(open),
      revisionSnapshot(revision),
    );
    await emitEvent(tx, {
      storeId,
      type: 'product.revision_published',
      payload: { id: productId, revisionId: revision.id, number: revision.number },
    });
  }
  await cancelSupersededSchedule(tx, writer.actor, productId, storeId, 'publish', options.scheduleId);
  return { product, revision };
}

/** Takes a live product off the storefront (back to draft; its state reads "unpublished"). */
export async function unpublishInTransaction(
  tx: Db,
  writer: CatalogWriter,
  storeId: string,
  productId: string,
  options: PublishOptions = {},
): Promise<ProductDetail> {
  assertMayPublish(writer, 'Unpublishing');
  const live = await lockProduct(tx, storeId, productId);
  if (live.product.status !== 'active') {
    throw illegalTransition(
      'unpublish',
      productWorkflowState(live.product, await findOpenRevision(tx, productId)),
      'The product is not live.',
    );
  }
  const product = await updateProduct(
    tx,
    writer,
    storeId,
    productId,
    { status: 'draft' },
    'product.unpublished',
  );
  await cancelSupersededSchedule(tx, writer.actor, productId, storeId, 'unpublish', options.scheduleId);
  return product;
}

/** Publishes through the workflow; the same signature as the catalog's original publishProduct. */
export async function publishProduct(
  db: Db,
  writer: CatalogWriter,
  storeId: string,
  productId: string,
): Promise<ProductDetail> {
  const { product } = await db.transaction((tx) => publishInTransaction(tx, writer, storeId, productId));
  return product;
}

export function unpublishProduct(
  db: Db,
  writer: CatalogWriter,
  storeId: string,
  productId: string,
): Promise<ProductDetail> {
  return db.transaction((tx) => unpublishInTransaction(tx, writer, storeId, productId));
}
