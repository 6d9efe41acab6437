import { and, eq, getTableColumns, inArray } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../../platform/db/database.ts';
import { conflict, forbidden, isUniqueViolation, unprocessable } from '../../../platform/errors.ts';
import { emitEvent } from '../../../platform/events/outbox.ts';
import { auditEntriesOf, recordAudit } from '../../access/index.ts';
import { collectionProducts, collections } from '../collections/schema.ts';
import type { Product } from '../product-detail.ts';
import { productImages, products, productVariants } from '../schema.ts';
import { changesAsEdit } from '../workflow/product-content.ts';
import { revertStagingStep, stageProductChange } from '../workflow/stage-product-change.ts';
import {
  type BatchContext,
  type BulkOperation,
  bulkAuditActions,
  type ItemOutcome,
  isFieldEdit,
  loadVariants,
  productsToStage,
  type StagedItemOutcome,
  statusChangeNeedsPublish,
} from './apply-bulk-action.ts';
import type { BulkActionInput } from './bulk-input.ts';
import type { EditPlan } from './edit-plan.ts';

type Json = Record<string, unknown>;
interface AuditEntry {
  action: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

export interface UndoContext extends BatchContext {
  original: BulkOperation;
  /** The original operation's audit entry for each product. */
  entries: Map<string, AuditEntry>;
  /** The original operation's staging step for each product whose change it staged for review. */
  stagedSteps: Map<string, AuditEntry>;
  /** Manual collections still there, by id (membership undo). */
  manualCollections: Set<string>;
}

/** The workflow's audit actions for a staging step (what a bulk change to a live product writes without catalog:publish). */
const stagingActions = ['product.revision_staged', 'product.revision_updated'];

function auditActionOf(action: BulkActionInput): string {
  if (action.type === 'delete') return bulkAuditActions.deleted;
  if (action.type === 'add_to_collection' || action.type === 'remove_from_collection')
    return bulkAuditActions.collection;
  return bulkAuditActions.edited;
}

/** The audit entries the original operation wrote for these products: the before-values to restore. */
async function loadOriginalEntries(
  tx: Db,
  original: BulkOperation,
  productIds: string[],
  actions = [auditActionOf(original.action as BulkActionInput)],
) {
  const rows = await auditEntriesOf(tx, original.storeId, {
    entityType: 'product',
    entityIds: productIds,
    actions,
  });
  const entries = new Map<string, AuditEntry>();
  for (const row of rows) {
    if ((row.after as Json | null)?.bulkOperationId === original.id && row.entityId)
      entries.set(row.entityId, row);
  }
  return entries;
}

/** Manual collections named by the entries (membership changes, deleted products' memberships) that still exist, locked. */
async function loadManualCollections(tx: Db, storeId: string, entries: Iterable<AuditEntry>) {
  const ids = new Set<string>();
  for (const entry of entries) {
    const named = (entry.after as Json).collectionId;
    if (typeof named === 'string') ids.add(named);
    for (const m of ((entry.before as Json | null)?.collections ?? []) as { collectionId: string }[]) {
      ids.add(m.collectionId);
    }
  }
  if (ids.size === 0) return new Set<string>();
  const rows = await tx
    .select({ id: collections.id })
    .from(collections)
    .where(
      and(
        eq(collections.storeId, storeId),
        inArray(collections.id, [...ids]),
        eq(collections.kind, 'manual'),
      ),
    )
    .for('update');
  return new Set(rows.map((r) => r.id));
}

/** What an undo batch needs besides the locked products: the original's entries and the collections they name. */
export async function prepareUndoBatch(
  tx: Db,
  base: BatchContext,
  original: BulkOperation,
  productIds: string[],
): Promise<UndoContext> {
  const entries = await loadOriginalEntries(tx, original, productIds);
  const action = original.action as BulkActionInput;
  return {
    ...base,
    variants: action.type === 'change_price' ? await loadVariants(tx, productIds) : base.variants,
    original,
    entries,
    stagedSteps: isFieldEdit(action)
      ? await loadOriginalEntries(tx, original, productIds, stagingActions)
      : new Map(),
    // Restoring a live product's tags or prices without catalog:publish is itself staged for review.
    staged: await productsToStage(tx, base.operation.canPublish, action, base.products),
    manualCollections: await loadManualCollections(tx, original.storeId, entries.values()),
  };
}

/**
 * Takes back a change the original operation staged for review: the product's staged revision gets
 * back what it held before (one the operation opened is discarded), unless it moved on since.
 */
export async function undoStagedChange(tx: Db, ctx: UndoContext, productId: string): Promise<ItemOutcome> {
  const step = ctx.stagedSteps.get(productId)!;
  if (!ctx.products.has(productId)) throw conflict('product_gone', 'The product was deleted since.');
  await revertStagingStep(tx, {
    store: { id: ctx.original.storeId },
    product: productId,
    actor: ctx.actor,
    step,
    auditContext: { bulkOperationId: ctx.operation.id, undoOf: ctx.original.id },
  });
  return 'changed';
}

/**
 * Restores an applied tag or price change of a live product for someone without catalog:publish:
 * the same before-values as planUndoEdit (with the same "changed since" check), staged for review.
 */
export async function stageUndoEdit(tx: Db, ctx: UndoContext, productId: string): Promise<StagedItemOutcome> {
  const plan = planUndoEdit(ctx, productId);
  if (plan.status) {
    throw forbidden('permission_denied', 'Restoring this status needs the catalog:publish permission.', {
      permission: 'catalog:publish',
    });
  }
  const prices = new Map((plan.prices?.variants ?? []).map((v) => [v.id, v.priceAmount]));
  const outcome = await stageProductChange(tx, {
    store: { id: ctx.original.storeId },
    product: productId,
    actor: ctx.actor,
    auditContext: { bulkOperationId: ctx.operation.id, undoOf: ctx.original.id },
    change: ({ proposed }) => {
      if (plan.tags) return { tags: plan.tags };
      const variants = proposed.variants.map((v) => ({
        ...v,
        price: { amount: v.id !== null && prices.has(v.id) ? prices.get(v.id)! : v.price.amount },
      }));
      return { variants: changesAsEdit({ variants }).variants };
    },
  });
  return { outcome: outcome.changed ? 'staged' : 'unchanged', reviewReset: outcome.reviewReset };
}

function changedSince(): never {
  throw conflict('changed_since', 'The product was changed after this operation, so it was left as it is.');
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Turns ISO strings back into Dates for the timestamp columns of a table (audit entries are JSON). */
function revive<T extends PgTable>(table: T, row: Json): Json {
  const result: Json = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    if (!(key in row)) continue;
    const value = row[key];
    result[key] = column.columnType === 'PgTimestamp' && typeof value === 'string' ? new Date(value) : value;
  }
  return result;
}

async function auditUndo(
  tx: Db,
  ctx: UndoContext,
  product: { id: string; storeId: string },
  before: object,
  after: object,
) {
  await recordAudit(tx, ctx.actor, {
    storeId: product.storeId,
    action: bulkAuditActions.undone,
    entityType: 'product',
    entityId: product.id,
    before,
    after: {
      ...after,
      updatedAt: ctx.at.toISOString(),
      bulkOperationId: ctx.operation.id,
      undoOf: ctx.original.id,
    },
  });
}

function undoPlan(
  ctx: UndoContext,
  product: Product,
  parts: Omit<EditPlan, 'productId' | 'audit' | 'event'>,
  before: object,
  after: object,
): EditPlan {
  const status = parts.status?.status ?? product.status;
  return {
    productId: product.id,
    ...parts,
    audit: {
      storeId: product.storeId,
      action: bulkAuditActions.undone,
      entityType: 'product',
      entityId: product.id,
      before,
      after: {
        ...after,
        updatedAt: ctx.at.toISOString(),
        bulkOperationId: ctx.operation.id,
        undoOf: ctx.original.id,
      },
    },
    event: {
      type:
        status === 'active' && product.status !== 'active'
          ? 'product.published'
          : status !== 'active' && product.status === 'active'
            ? 'product.unpublished'
            : 'product.updated',
      payload: { id: product.id, handle: product.handle, status },
    },
  };
}

/**
 * Plans the restore of a status, tag or price change from the original's audit entry: the
 * before-values come back unless the product changed since (its row no longer carries the
 * operation's own write), which is reported for that product.
 */
export function planUndoEdit(ctx: UndoContext, productId: string): EditPlan {
  const entry = ctx.entries.get(productId);
  if (!entry) throw unprocessable('no_audit_entry', 'The audit log has no record of this change to undo.');
  const product = ctx.products.get(productId);
  if (!product) throw conflict('product_gone', 'The product was deleted since.');
  const before = entry.before as Json;
  const after = entry.after as Json;
  if (product.updatedAt.toISOString() !== after.updatedAt) changedSince();
  if ('status' in before) {
    if (product.status !== after.status) changedSince();
    const status = before.status as string;
    if (statusChangeNeedsPublish(product.status, status) && !ctx.operation.canPublish) {
      throw forbidden('permission_denied', 'Restoring this status needs the catalog:publish permission.', {
        permission: 'catalog:publish',
      });
    }
    const restored = {
      status,
      publishedAt: before.publishedAt ? new Date(before.publishedAt as string) : null,
    };
    return undoPlan(
      ctx,
      product,
      { status: restored },
      { status: product.status, publishedAt: product.publishedAt },
      restored,
    );
  }
  if ('tags' in before) {
    if (!sameJson(product.tags, after.tags)) changedSince();
    const tags = before.tags as string[];
    return undoPlan(ctx, product, { tags }, { tags: product.tags }, { tags });
  }
  const current = (ctx.variants.get(product.id) ?? []).map((v) => ({ id: v.id, priceAmount: v.priceAmount }));
  if (!sameJson(current, after.variants)) changedSince();
  const variants = before.variants as { id: string; priceAmount: number }[];
  const prices = variants.map((v) => v.priceAmount);
  const restored = { variants, priceAmount: Math.min(...prices), priceMaxAmount: Math.max(...prices) };
  return undoPlan(
    ctx,
    product,
    { prices: restored },
    { priceAmount: product.priceAmount, priceMaxAmount: product.priceMaxAmount, variants: current },
    restored,
  );
}

async function undoMembership(
  tx: Db,
  ctx: UndoContext,
  productId: string,
  entry: AuditEntry,
): Promise<ItemOutcome> {
  const before = entry.before as Json;
  const after = entry.after as Json;
  const collectionId = after.collectionId as string;
  if (!ctx.manualCollections.has(collectionId)) {
    throw conflict('collection_gone', 'The collection was deleted since.');
  }
  const product = ctx.products.get(productId);
  if (!product) throw conflict('product_gone', 'The product was deleted since.');
  const where = and(
    eq(collectionProducts.collectionId, collectionId),
    eq(collectionProducts.productId, productId),
  );
  const [member] = await tx.select().from(collectionProducts).where(where);
  if (Boolean(member) !== Boolean(after.member)) changedSince();
  if (member) await tx.delete(collectionProducts).where(where);
  else {
    await tx.insert(collectionProducts).values({
      collectionId,
      productId,
      storeId: product.storeId,
      position: before.position as number,
    });
  }
  await auditUndo(
    tx,
    ctx,
    product,
    { collectionId, member: Boolean(member) },
    { collectionId, member: !member },
  );
  return 'changed';
}

async function undoDelete(
  tx: Db,
  ctx: UndoContext,
  productId: string,
  entry: AuditEntry,
): Promise<ItemOutcome> {
  if (ctx.products.has(productId)) changedSince();
  const snapshot = entry.before as Json & {
    variants: Json[];
    images: Json[];
    collections: { collectionId: string; position: number }[];
  };
  const storeId = snapshot.storeId as string;
  try {
    await tx
      .insert(products)
      .values({ ...(revive(products, snapshot) as typeof products.$inferInsert), updatedAt: ctx.at });
    if (snapshot.images.length > 0) {
      await tx.insert(productImages).values(
        snapshot.images.map((i) => ({
          ...(revive(productImages, i) as typeof productImages.$inferInsert),
          storeId,
          productId,
        })),
      );
    }
    if (snapshot.variants.length > 0) {
      await tx.insert(productVariants).values(
        snapshot.variants.map((v) => ({
          ...(revive(productVariants, v) as typeof productVariants.$inferInsert),
          storeId,
          productId,
        })),
      );
    }
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw conflict(
        'taken_since',
        'Another product now has this handle or one of its SKUs; the product was not restored.',
      );
    }
    throw err;
  }
  const memberships = snapshot.collections.filter((m) => ctx.manualCollections.has(m.collectionId));
  if (memberships.length > 0) {
    await tx.insert(collectionProducts).values(memberships.map((m) => ({ ...m, productId, storeId })));
  }
  await auditUndo(tx, ctx, { id: productId, storeId }, { deleted: true }, { restored: true });
  await emitEvent(tx, {
    storeId,
    type: 'product.created',
    payload: { id: productId, handle: snapshot.handle as string, status: snapshot.status as string },
  });
  return 'changed';
}

/** Undoes a membership change or a deletion for one product (inside a savepoint), unless changed since. */
export async function undoForProduct(tx: Db, ctx: UndoContext, productId: string): Promise<ItemOutcome> {
  const entry = ctx.entries.get(productId);
  if (!entry) throw unprocessable('no_audit_entry', 'The audit log has no record of this change to undo.');
  const action = ctx.original.action as BulkActionInput;
  if (action.type === 'delete') return undoDelete(tx, ctx, productId, entry);
  return undoMembership(tx, ctx, productId, entry);
}
