import { and, desc, eq, inArray, max, sql } from 'drizzle-orm';
import { now } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/database.ts';
import { notFound } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { Actor } from '../../access/actor.ts';
import { recordAudit } from '../../access/index.ts';
import { announceCatalogChange } from '../change-topic.ts';
import { loadProductDetails, type Product, type ProductDetail } from '../product-detail.ts';
import { products } from '../schema.ts';
import { type StagedChanges, stagedFieldNames } from './product-content.ts';
import { openRevisionStates, productRevisions } from './schema.ts';

export type Revision = typeof productRevisions.$inferSelect;

/** The product, locked for the rest of the transaction, with its variants and images. */
export async function lockProduct(tx: Db, storeId: string, productId: string): Promise<ProductDetail> {
  const [locked] = await tx
    .select()
    .from(products)
    .where(and(eq(products.storeId, storeId), eq(products.id, productId)))
    .for('update');
  if (!locked) throw notFound('Product');
  const [detail] = await loadProductDetails(tx, [locked]);
  return detail!;
}

/** The product's open revision (at most one), locked when `lock` is set. */
export async function findOpenRevision(
  db: Db,
  productId: string,
  options: { lock?: boolean } = {},
): Promise<Revision | null> {
  const query = db
    .select()
    .from(productRevisions)
    .where(
      and(
        eq(productRevisions.productId, productId),
        inArray(productRevisions.state, [...openRevisionStates]),
      ),
    )
    .limit(1);
  const [row] = options.lock ? await query.for('update') : await query;
  return row ?? null;
}

/** Of these products, the ones with an open staged revision (one query for a batch). */
export async function productsWithStagedRevisions(
  db: Db,
  productIds: readonly string[],
): Promise<Set<string>> {
  if (productIds.length === 0) return new Set();
  const rows = await db
    .select({ productId: productRevisions.productId })
    .from(productRevisions)
    .where(
      and(
        inArray(productRevisions.productId, [...productIds]),
        eq(productRevisions.kind, 'staged'),
        inArray(productRevisions.state, [...openRevisionStates]),
      ),
    );
  return new Set(rows.map((r) => r.productId));
}

/**
 * Media keys (originals and their sizes) that open staged revisions show: files uploaded to live
 * products whose attachment waits for review. Nothing else refers to them yet, so whatever cleans
 * media storage must keep them.
 */
export async function stagedMediaKeys(db: Db, storeId?: string): Promise<Set<string>> {
  const filters = [
    eq(productRevisions.kind, 'staged'),
    inArray(productRevisions.state, [...openRevisionStates]),
    sql`${productRevisions.changes} ? 'uploads'`,
  ];
  if (storeId) filters.push(eq(productRevisions.storeId, storeId));
  const rows = await db
    .select({ changes: productRevisions.changes })
    .from(productRevisions)
    .where(and(...filters));
  const keys = new Set<string>();
  for (const { changes } of rows) {
    for (const upload of changes?.uploads ?? []) {
      keys.add(upload.key);
      for (const size of upload.sizes) keys.add(size.key);
    }
  }
  return keys;
}

/**
 * A new open revision. Numbers follow the product's last one; the product row is locked by the
 * caller, so two editors never take the same number.
 */
export async function openRevision(
  tx: Db,
  actor: Actor,
  product: Product,
  values: { kind: 'review' | 'staged'; state: 'draft' | 'in_review'; changes: StagedChanges | null },
): Promise<Revision> {
  const [last] = await tx
    .select({ n: max(productRevisions.number) })
    .from(productRevisions)
    .where(eq(productRevisions.productId, product.id));
  const [row] = await tx
    .insert(productRevisions)
    .values({
      id: newId('productRevision'),
      storeId: product.storeId,
      productId: product.id,
      number: (last?.n ?? 0) + 1,
      kind: values.kind,
      state: values.state,
      changes: values.changes,
      createdBy: actor,
    })
    .returning();
  return row!;
}

export async function updateRevision(
  tx: Db,
  id: string,
  values: Partial<typeof productRevisions.$inferInsert>,
): Promise<Revision> {
  const [row] = await tx
    .update(productRevisions)
    .set({ ...values, updatedAt: now() })
    .where(eq(productRevisions.id, id))
    .returning();
  return row!;
}

/** The revision as the audit log records it (its changes are in the revision itself). */
export function revisionSnapshot(revision: Revision) {
  return {
    revisionId: revision.id,
    number: revision.number,
    kind: revision.kind,
    state: revision.state,
    changedFields: stagedFieldNames(revision.changes),
    note: revision.note,
    reviewComment: revision.reviewComment,
  };
}

/** Audits a workflow step against the product (so the product's trail tells the whole story) and announces it. */
export async function recordWorkflowStep(
  tx: Db,
  actor: Actor,
  storeId: string,
  productId: string,
  action: string,
  before: unknown,
  after: unknown,
): Promise<void> {
  await announceCatalogChange(tx, storeId);
  await recordAudit(tx, actor, {
    storeId,
    action,
    entityType: 'product',
    entityId: productId,
    ...(before === undefined ? {} : { before }),
    ...(after === undefined ? {} : { after }),
  });
}

export async function listRevisions(db: Db, storeId: string, productId: string): Promise<Revision[]> {
  return db
    .select()
    .from(productRevisions)
    .where(and(eq(productRevisions.storeId, storeId), eq(productRevisions.productId, productId)))
    .orderBy(desc(productRevisions.number));
}

export async function findRevision(db: Db, storeId: string, productId: string, revisionId: string) {
  const [row] = await db
    .select()
    .from(productRevisions)
    .where(
      and(
        eq(productRevisions.storeId, storeId),
        eq(productRevisions.productId, productId),
        eq(productRevisions.id, revisionId),
      ),
    );
  return row ?? null;
}

/**
 * A review of a not-yet-live product is moot once the product is live by another path (a publisher's
 * direct status change, an import): it is closed as discarded so it cannot block or confuse what follows.
 */
export async function settleStaleReview(
  tx: Db,
  actor: Actor,
  live: ProductDetail,
  open: Revision | null,
): Promise<Revision | null> {
  if (open?.kind !== 'review' || live.product.status !== 'active') return open;
  const closed = await updateRevision(tx, open.id, {
    state: 'discarded',
    reviewComment: open.reviewComment ?? 'Closed: the product went live without this review.',
    closedBy: actor,
    closedAt: now(),
  });
  await recordWorkflowStep(
    tx,
    actor,
    live.product.storeId,
    live.product.id,
    'product.revision_discarded',
    revisionSnapshot(open),
    revisionSnapshot(closed),
  );
  return null;
}
