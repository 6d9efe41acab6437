import { now } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/database.ts';
import { conflict, unprocessable } from '../../../platform/errors.ts';
import type { Actor } from '../../access/actor.ts';
import { assertCategoryInStore } from '../categories.ts';
import { mediaPath } from '../media/image-source.ts';
import type { ProductDetail } from '../product-detail.ts';
import type { UpdateProductInput } from '../product-input.ts';
import type { CatalogWriter } from '../products.ts';
import type { TranslationInput } from '../translations/translation-input.ts';
import {
  applyEdit,
  changedFields,
  contentOf,
  normalStagedChanges,
  type ProductContent,
  type StagedChanges,
  type StagedUpload,
  sameStagedChanges,
  withChanges,
} from './product-content.ts';
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
import { assertNewIdentifiersFree } from './staged-identifiers.ts';
import { nextStagedTranslations, type StagingStoreLocales } from './staged-translations.ts';

export type { StagedUpload } from './product-content.ts';

/**
 * The one way a change to a live product is held back for review: every path that changes products
 * (the editor, bulk operations, translations, media, imports) stages through `stageProductChange`.
 */

/**
 * A change to stage: the body of PATCH /products/:id (what updateProduct takes, without `status`:
 * publishing and unpublishing need catalog:publish and are never staged), plus
 * - `translations`: per locale (one the store serves, not its default), the product's whole
 *   translation in it, as PUT /products/:id/translations/:locale takes it;
 * - `uploads`: files already in media storage that entries of `images` show as `/media/<key>`;
 *   publishing attaches each file to its image (sizes, srcset).
 * Fields left out stay as staged (or live). Lists (`images`, `variants`, `options`, `tags`) replace
 * the whole list, as in updateProduct.
 */
export interface ProductChange extends Omit<UpdateProductInput, 'status'> {
  translations?: Record<string, TranslationInput>;
  uploads?: StagedUpload[];
}

/** What a change computed from the product as it stands (relative changes: add tags, raise prices) sees. */
export interface StagingState {
  /** The live product, locked for the transaction. */
  live: ProductDetail;
  /** The live content with the open staged revision's changes laid over it: what the next edit starts from. */
  proposed: ProductContent;
  /** The open staged revision's changes (normal form); empty when there is none yet. */
  staged: StagedChanges;
}

export interface StageProductChangeInput {
  /** The product's store. `locale` and `enabledLocales` are needed only when the change has translations. */
  store: { id: string } & StagingStoreLocales;
  /** The product (its id, or anything carrying it). */
  product: string | { id: string };
  /** Who proposes the change: recorded on the revision and in the audit log. */
  actor: Actor;
  /** The change, or a function of the current state returning it (null: nothing to change). */
  change: ProductChange | ((state: StagingState) => ProductChange | null | Promise<ProductChange | null>);
  /** Merged into the audit entry's `after` (e.g. `{ bulkOperationId }`), so the step can be traced back (and undone). */
  auditContext?: Record<string, unknown>;
}

export interface StageOutcome {
  /** The live product, unchanged. */
  live: ProductDetail;
  /** The product's open staged revision after the change (null when nothing is staged). */
  revision: Revision | null;
  /** False when the change left the staged revision as it was (nothing written, nothing audited). */
  changed: boolean;
  /** True when the change sent a revision that was in review or approved back to draft (it is reviewed again). */
  reviewReset: boolean;
  /** The content the revision proposes now. */
  proposed: ProductContent;
}

const underReview = (revision: Revision | null) =>
  revision?.state === 'in_review' || revision?.state === 'approved';

/**
 * Whether a writer's changes to this product are staged rather than applied: someone without
 * catalog:publish changing a live product, or one whose staged changes are still open.
 */
export function changesAreStaged(
  writer: Pick<CatalogWriter, 'canPublish'>,
  product: { status: string },
  open: Pick<Revision, 'kind'> | null,
): boolean {
  return !writer.canPublish && (product.status === 'active' || open?.kind === 'staged');
}

/** changesAreStaged for a product by id, in the caller's transaction (after it has locked the product). */
export async function changesAreStagedFor(
  tx: Db,
  writer: Pick<CatalogWriter, 'canPublish'>,
  product: { id: string; status: string },
): Promise<boolean> {
  if (writer.canPublish) return false;
  if (product.status === 'active') return true;
  return (await findOpenRevision(tx, product.id))?.kind === 'staged';
}

/**
 * Stages `change` into the product's open staged revision, in the caller's transaction (its
 * `tx`). The contract every caller can rely on:
 * - The live product, its translations and media do not change; the storefront keeps showing them.
 * - The product row and its open revision are locked for the rest of the transaction. A review of a
 *   not-yet-live product left open after it went live is closed first (as every workflow step does).
 * - The first staged change opens a `staged` revision (state `draft`, audited
 *   `product.revision_staged`); later ones add to the same revision (`product.revision_updated`). A
 *   revision in review or approved goes back to `draft`: it is reviewed again. A change that leaves
 *   the revision as it was writes nothing (`changed: false`); so does one that would open a revision
 *   with no difference from the live product.
 * - The revision holds only what differs from the live product, field by field (a field changed back
 *   to its live value leaves the revision); the reviewer's diff and publishing read it from there.
 * - No outbox event is emitted: the product has not changed. Publishing the approved revision emits
 *   `product.updated` (and `product.translated` per staged locale).
 * - Refusals are AppErrors and write nothing: 409 `not_staged` for a product that is neither live nor
 *   has staged changes (change it directly: nothing is staged for a draft), 422 `status_not_staged`
 *   for a change carrying `status`, the edit's own validation (`has_variants`, variant rules,
 *   `unknown_category`), and for translations `locale_not_enabled`, `default_locale`,
 *   `unknown_option`, `unknown_option_value`, `unknown_image`, 409 `handle_taken`; a handle or SKU the
 *   change brings in that another product has: 409 `handle_taken` / `sku_taken` (with each variant's
 *   path), as a direct edit answers (publishing checks again).
 * It does not check permissions: call it for a writer whose changes are staged (changesAreStaged).
 */
export async function stageProductChange(tx: Db, input: StageProductChangeInput): Promise<StageOutcome> {
  const { store, actor } = input;
  const productId = typeof input.product === 'string' ? input.product : input.product.id;
  const live = await lockProduct(tx, store.id, productId);
  const open = await settleStaleReview(
    tx,
    actor,
    live,
    await findOpenRevision(tx, productId, { lock: true }),
  );
  if (live.product.status !== 'active' && open?.kind !== 'staged') {
    throw conflict('not_staged', 'The product is not live: change it directly, nothing is staged for it.', {
      status: live.product.status,
    });
  }
  const staged = normalStagedChanges(open?.changes);
  const liveContent = contentOf(live);
  const current = withChanges(liveContent, staged);
  const change =
    typeof input.change === 'function'
      ? await input.change({ live, proposed: current, staged })
      : input.change;
  if (!change) return { live, revision: open, changed: false, reviewReset: false, proposed: current };
  if ((change as UpdateProductInput).status !== undefined) {
    throw unprocessable(
      'status_not_staged',
      'A status change is not staged: publishing and unpublishing need the catalog:publish permission.',
    );
  }
  const { translations, uploads, ...edit } = change;
  if (edit.categoryId) await assertCategoryInStore(tx, store.id, edit.categoryId);
  const proposed = applyEdit(current, edit);
  await assertNewIdentifiersFree(tx, live, current, proposed);
  const next: StagedChanges = changedFields(liveContent, proposed);
  const stagedTranslations = await nextStagedTranslations(tx, store, live, staged.translations, translations);
  if (Object.keys(stagedTranslations).length > 0) next.translations = stagedTranslations;
  // Files are kept while an image of the proposed gallery shows them.
  const shown = new Set(proposed.images.map((image) => image.url));
  const files = new Map(
    [...(staged.uploads ?? []), ...(uploads ?? [])].map((upload) => [upload.key, upload] as const),
  );
  const kept = [...files.values()].filter((upload) => shown.has(mediaPath(upload.key)));
  if (kept.length > 0) next.uploads = kept;
  const normal = normalStagedChanges(next);
  if (open ? sameStagedChanges(staged, normal) : Object.keys(normal).length === 0) {
    return { live, revision: open, changed: false, reviewReset: false, proposed };
  }
  const revision = await saveStagedChanges(tx, actor, live, open, normal, input.auditContext);
  return { live, revision, changed: true, reviewReset: underReview(open), proposed };
}

/** Writes the staged changes into the open revision (or opens one) and audits the step. */
async function saveStagedChanges(
  tx: Db,
  actor: Actor,
  live: ProductDetail,
  open: Revision | null,
  changes: StagedChanges,
  auditContext: Record<string, unknown> = {},
): Promise<Revision> {
  const { storeId, id } = live.product;
  if (open) {
    const revision = await updateRevision(tx, open.id, {
      changes,
      ...(underReview(open) ? { state: 'draft' as const, approvedFingerprint: null } : {}),
    });
    await recordWorkflowStep(
      tx,
      actor,
      storeId,
      id,
      'product.revision_updated',
      { ...revisionSnapshot(open), changes: open.changes },
      { ...revisionSnapshot(revision), changes, ...auditContext },
    );
    return revision;
  }
  const revision = await openRevision(tx, actor, live.product, { kind: 'staged', state: 'draft', changes });
  await recordWorkflowStep(tx, actor, storeId, id, 'product.revision_staged', undefined, {
    ...revisionSnapshot(revision),
    changes,
    ...auditContext,
  });
  return revision;
}

/** An audit entry written by stageProductChange (`product.revision_staged` / `product.revision_updated`). */
export interface StagingStep {
  action: string;
  before: unknown;
  after: unknown;
}

/**
 * Takes back one staging step (e.g. a bulk operation's, found by its audit context), in the caller's
 * transaction: if the product's open revision still holds exactly what that step left, it gets back
 * what it held before — the revision the step opened is discarded. Otherwise 409 `changed_since`:
 * someone staged more (or it was published or discarded) and nothing is touched. Audited like any
 * staging step (`product.revision_updated` / `product.revision_discarded`) with `auditContext`.
 */
export async function revertStagingStep(
  tx: Db,
  input: {
    store: { id: string };
    product: string;
    actor: Actor;
    step: StagingStep;
    auditContext?: Record<string, unknown>;
  },
): Promise<Revision> {
  const { store, actor, step } = input;
  const live = await lockProduct(tx, store.id, input.product);
  const open = await findOpenRevision(tx, input.product, { lock: true });
  const left = step.after as { revisionId?: string; changes?: StagedChanges };
  if (!open || open.id !== left.revisionId || !sameStagedChanges(open.changes, left.changes)) {
    throw conflict(
      'changed_since',
      'The staged changes moved on after this change (more edits, a publish or a discard), so they were left as they are.',
    );
  }
  const context = input.auditContext ?? {};
  if (step.action === 'product.revision_staged') {
    const revision = await updateRevision(tx, open.id, {
      state: 'discarded',
      closedBy: actor,
      closedAt: now(),
    });
    await recordWorkflowStep(
      tx,
      actor,
      store.id,
      live.product.id,
      'product.revision_discarded',
      revisionSnapshot(open),
      { ...revisionSnapshot(revision), ...context },
    );
    return revision;
  }
  const previous = normalStagedChanges((step.before as { changes?: StagedChanges } | null)?.changes);
  return saveStagedChanges(tx, actor, live, open, previous, context);
}
