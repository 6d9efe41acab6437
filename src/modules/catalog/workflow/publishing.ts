import { now } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/database.ts';
import { conflict } from '../../../platform/errors.ts';
import { emitEvent } from '../../../platform/events/outbox.ts';
import { attachStagedUploads } from '../media/staged-uploads.ts';
import type { ProductDetail } from '../product-detail.ts';
import type { CatalogWriter } from '../products.ts';
import { getProduct, updateProduct } from '../products.ts';
import {
  assertLocalizedHandleFree,
  entityIdsOf,
  readLocaleRows,
  replaceLocaleTranslation,
  sameRows,
} from '../translations/locale-translation.ts';
import { diffContent, type TranslationChange } from './content-diff.ts';
import { changesAsEdit, contentOf, normalStagedChanges, type StagedChanges } from './product-content.ts';
import { ownContentDiff, reviewedFingerprint, translationsUnderReview } from './review-subject.ts';
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
import { rowsForProduct, translationDiffs } from './staged-translations.ts';
import { assertMayPublish, illegalTransition, productWorkflowState } from './workflow-state.ts';

export interface PublishOptions {
  /** The schedule carrying this change out: it is not cancelled as superseded by it. */
  scheduleId?: string;
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
  const reviewedTranslations = await translationsUnderReview(tx, live, open);
  if (open && reviewedFingerprint(open, live, reviewedTranslations) !== open.approvedFingerprint) {
    throw conflict('changed_since_approval', 'The content changed after it was approved; review it again.', {
      revisionId: open.id,
    });
  }
  const becomesLive = live.product.status !== 'active';
  const staged: StagedChanges = open?.kind === 'staged' ? normalStagedChanges(open.changes) : {};
  const edit = changesAsEdit(staged);
  let product =
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
  if (staged.uploads?.length && (await attachStagedUploads(tx, product, staged.uploads)) > 0) {
    product = await getProduct(tx, storeId, productId);
  }
  const translated = await publishStagedTranslations(tx, writer, live, product, staged);
  let revision: Revision | null = null;
  if (open) {
    // What it changed, kept for the history: staged edits against the version they replaced; a
    // reviewed product's whole content, translations included, when it goes live for the first time.
    const diff =
      open.kind === 'staged'
        ? diffContent(contentOf(live), contentOf(product), live.product.currency)
        : ownContentDiff(product, reviewedTranslations);
    revision = await updateRevision(tx, open.id, {
      state: 'published',
      closedBy: writer.actor,
      closedAt: now(),
      publishedDiff: { ...diff, fields: [...diff.fields, ...translated] },
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

/**
 * Writes the staged locales' translations (each replaces the live rows of its locale, as a PUT would,
 * audited and emitted as `product.translated`) and answers what they changed, for the history.
 * Alt text of images the revision removed has nothing left to describe and is dropped.
 */
async function publishStagedTranslations(
  tx: Db,
  writer: CatalogWriter,
  live: ProductDetail,
  product: ProductDetail,
  staged: StagedChanges,
): Promise<TranslationChange[]> {
  const locales = Object.keys(staged.translations ?? {});
  if (locales.length === 0) return [];
  const before: Record<string, Awaited<ReturnType<typeof readLocaleRows>>> = {};
  const after: StagedChanges['translations'] = {};
  for (const locale of locales) {
    const rows = rowsForProduct(product, staged.translations![locale]!);
    const current = await readLocaleRows(tx, entityIdsOf(product), locale);
    before[locale] = current;
    after[locale] = rows;
    if (sameRows(current, rows)) continue;
    // Another product may have taken the localized handle since it was staged.
    const handle = rows.find((r) => r.entityId === product.product.id && r.field === 'handle')?.value;
    if (handle)
      await assertLocalizedHandleFree(tx, product.product.storeId, product.product.id, locale, handle);
    await replaceLocaleTranslation(
      tx,
      writer.actor,
      { storeId: product.product.storeId, detail: product, locale },
      current,
      rows,
    );
  }
  return translationDiffs(live, { translations: after }, before);
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
