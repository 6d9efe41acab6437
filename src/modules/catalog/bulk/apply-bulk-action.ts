import { and, asc, eq, inArray, max } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { forbidden, notFound } from '../../../platform/errors.ts';
import { emitEvent } from '../../../platform/events/outbox.ts';
import { currencyExponent } from '../../../platform/money.ts';
import type { Actor } from '../../access/actor.ts';
import { recordAudit } from '../../access/index.ts';
import { collectionProducts, collections } from '../collections/schema.ts';
import { loadProductDetails, type Product, type ProductVariant, productSnapshot } from '../product-detail.ts';
import { products, productVariants } from '../schema.ts';
import { changesAsEdit } from '../workflow/product-content.ts';
import { productsWithStagedRevisions } from '../workflow/revision-store.ts';
import { stageProductChange } from '../workflow/stage-product-change.ts';
import type { BulkActionInput } from './bulk-input.ts';
import type { EditPlan } from './edit-plan.ts';
import { changedPrice } from './price-rounding.ts';
import type { bulkOperations } from './schema.ts';

export type BulkOperation = typeof bulkOperations.$inferSelect;
/** What happened to one product: changed (applied), staged for review, left as it was. */
export type ItemOutcome = 'changed' | 'unchanged' | 'staged';
/** A change staged for one product, and whether it sent the staged revision's review back to draft. */
export interface StagedItemOutcome {
  outcome: ItemOutcome;
  reviewReset: boolean;
}

/** Audit actions a bulk operation writes per product; undo reads them back. */
export const bulkAuditActions = {
  edited: 'product.bulk_edited',
  collection: 'product.bulk_collection_changed',
  deleted: 'product.bulk_deleted',
  undone: 'product.bulk_undone',
} as const;

/** What one batch of an operation needs, loaded once for all its products (which are locked). */
export interface BatchContext {
  operation: BulkOperation;
  actor: Actor;
  /** The moment this batch writes: every product it changes gets it as `updated_at`. */
  at: Date;
  products: Map<string, Product>;
  variants: Map<string, ProductVariant[]>;
  collection?: { id: string; handle: string; next: number };
  /**
   * Products whose field edits this operation stages for review instead of applying: live ones (or
   * ones with staged changes) when the requester has no catalog:publish, as the product editor does.
   */
  staged: Set<string>;
}

export function operationActor(operation: BulkOperation): Actor {
  if (operation.actorType === 'user' || operation.actorType === 'api_key') {
    return { type: operation.actorType, id: operation.actorId!, label: operation.actorLabel ?? '' };
  }
  return { type: 'system', id: null, label: operation.actorLabel ?? 'system' };
}

/** Locks the batch's products (in id order, so concurrent batches cannot deadlock) and loads them. */
export async function lockProducts(tx: Db, storeId: string, ids: string[]): Promise<Map<string, Product>> {
  const rows = await tx
    .select()
    .from(products)
    .where(and(eq(products.storeId, storeId), inArray(products.id, ids)))
    .orderBy(asc(products.id))
    .for('update');
  return new Map(rows.map((p) => [p.id, p]));
}

export async function loadVariants(tx: Db, ids: string[]): Promise<Map<string, ProductVariant[]>> {
  const rows = await tx
    .select()
    .from(productVariants)
    .where(inArray(productVariants.productId, ids))
    .orderBy(asc(productVariants.productId), asc(productVariants.position));
  const byProduct = new Map<string, ProductVariant[]>();
  for (const v of rows) byProduct.set(v.productId, [...(byProduct.get(v.productId) ?? []), v]);
  return byProduct;
}

/** The manual collection a membership action works on, locked for the batch, with the next free position. */
export async function lockManualCollection(tx: Db, storeId: string, id: string) {
  const [collection] = await tx
    .select()
    .from(collections)
    .where(and(eq(collections.storeId, storeId), eq(collections.id, id)))
    .for('update');
  if (collection?.kind !== 'manual') return undefined;
  const [last] = await tx
    .select({ at: max(collectionProducts.position) })
    .from(collectionProducts)
    .where(eq(collectionProducts.collectionId, id));
  return {
    id,
    handle: collection.handle,
    next: last?.at === null || last?.at === undefined ? 0 : last.at + 1,
  };
}

/** Whether moving from one status to another needs catalog:publish (as the product editor rules). */
export function statusChangeNeedsPublish(from: string, to: string): boolean {
  return from !== to && (from === 'active' || to === 'active');
}

function refusePublish(): never {
  throw forbidden(
    'permission_denied',
    'Changing whether a product is live needs the catalog:publish permission.',
    {
      permission: 'catalog:publish',
    },
  );
}

/**
 * Which products of a batch get their tag and price changes staged rather than applied: for a
 * requester without catalog:publish, the live ones and those with staged changes open.
 */
export async function productsToStage(
  tx: Db,
  canPublish: boolean,
  action: BulkActionInput,
  products: Map<string, Product>,
): Promise<Set<string>> {
  const staging =
    action.type === 'add_tags' || action.type === 'remove_tags' || action.type === 'change_price';
  if (canPublish || !staging) return new Set();
  const withStaged = await productsWithStagedRevisions(tx, [...products.keys()]);
  return new Set(
    [...products.values()].filter((p) => p.status === 'active' || withStaged.has(p.id)).map((p) => p.id),
  );
}

/**
 * Stages a tag or price change for one product (inside a savepoint): computed on the content its
 * staged revision already proposes, so a second bulk change adds to the first. Audited as the
 * workflow's staging step, marked with the operation so undo can take it back. A revision in review
 * or approved goes back to draft (`reviewReset`), as with the product editor.
 */
export async function stageFieldEdit(
  tx: Db,
  ctx: BatchContext,
  productId: string,
): Promise<StagedItemOutcome> {
  const product = ctx.products.get(productId);
  if (!product) throw notFound('Product');
  const action = ctx.operation.action as BulkActionInput;
  const outcome = await stageProductChange(tx, {
    store: { id: product.storeId },
    product: productId,
    actor: ctx.actor,
    auditContext: { bulkOperationId: ctx.operation.id },
    change: ({ proposed }) => {
      switch (action.type) {
        case 'add_tags':
        case 'remove_tags': {
          const tags =
            action.type === 'add_tags'
              ? withTags(proposed.tags, action.tags)
              : withoutTags(proposed.tags, action.tags);
          return sameTags(tags, proposed.tags) ? null : { tags };
        }
        case 'change_price': {
          const exponent = currencyExponent(product.currency);
          const variants = proposed.variants.map((v) => ({
            ...v,
            price: { amount: changedPrice(v.price.amount, action.change, action.rounding, exponent) },
          }));
          if (variants.every((v, i) => v.price.amount === proposed.variants[i]!.price.amount)) return null;
          return { variants: changesAsEdit({ variants }).variants };
        }
        default:
          throw new Error(`stageFieldEdit: ${action.type} is not staged`);
      }
    },
  });
  return { outcome: outcome.changed ? 'staged' : 'unchanged', reviewReset: outcome.reviewReset };
}

function sameTags(a: string[], b: string[]) {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}

/** Tags plus the new ones, skipping any already present in another case. */
export function withTags(current: string[], added: string[]): string[] {
  const seen = new Set(current.map((t) => t.toLowerCase()));
  const result = [...current];
  for (const tag of added) {
    if (!seen.has(tag.toLowerCase())) {
      seen.add(tag.toLowerCase());
      result.push(tag);
    }
  }
  return result;
}

export function withoutTags(current: string[], removed: string[]): string[] {
  const gone = new Set(removed.map((t) => t.toLowerCase()));
  return current.filter((t) => !gone.has(t.toLowerCase()));
}

/** Whether the operation's action is a field edit, planned per product and written per batch. */
export function isFieldEdit(action: BulkActionInput | { type: 'undo' }): boolean {
  return (
    action.type === 'set_status' ||
    action.type === 'add_tags' ||
    action.type === 'remove_tags' ||
    action.type === 'change_price'
  );
}

function editPlan(
  ctx: BatchContext,
  product: Product,
  parts: Omit<EditPlan, 'productId' | 'audit' | 'event'>,
  before: object,
  after: object,
  eventType = 'product.updated',
): EditPlan {
  return {
    productId: product.id,
    ...parts,
    audit: {
      storeId: product.storeId,
      action: bulkAuditActions.edited,
      entityType: 'product',
      entityId: product.id,
      before,
      after: { ...after, updatedAt: ctx.at.toISOString(), bulkOperationId: ctx.operation.id },
    },
    event: {
      type: eventType,
      payload: { id: product.id, handle: product.handle, status: parts.status?.status ?? product.status },
    },
  };
}

/**
 * Decides what a status, tag or price action does to one product of the batch, without writing:
 * null when nothing changes; an AppError when the product must be left alone (reported per item).
 */
export function planFieldEdit(ctx: BatchContext, productId: string): EditPlan | null {
  const product = ctx.products.get(productId);
  if (!product) throw notFound('Product');
  const action = ctx.operation.action as BulkActionInput;
  switch (action.type) {
    case 'set_status': {
      if (product.status === action.status) return null;
      if (statusChangeNeedsPublish(product.status, action.status) && !ctx.operation.canPublish)
        refusePublish();
      const becomesActive = action.status === 'active';
      const status = { status: action.status, publishedAt: becomesActive ? ctx.at : product.publishedAt };
      return editPlan(
        ctx,
        product,
        { status },
        { status: product.status, publishedAt: product.publishedAt },
        status,
        // As the product editor announces it: archiving a live product takes it off the storefront.
        becomesActive
          ? 'product.published'
          : product.status === 'active'
            ? 'product.unpublished'
            : 'product.updated',
      );
    }
    case 'add_tags':
    case 'remove_tags': {
      const tags =
        action.type === 'add_tags'
          ? withTags(product.tags, action.tags)
          : withoutTags(product.tags, action.tags);
      if (sameTags(tags, product.tags)) return null;
      return editPlan(ctx, product, { tags }, { tags: product.tags }, { tags });
    }
    case 'change_price': {
      const variants = ctx.variants.get(product.id) ?? [];
      const exponent = currencyExponent(product.currency);
      const repriced = variants.map((v) => ({
        id: v.id,
        before: v.priceAmount,
        after: changedPrice(v.priceAmount, action.change, action.rounding, exponent),
      }));
      if (repriced.every((v) => v.after === v.before)) return null;
      const prices = repriced.map((v) => v.after);
      const priceAmount = Math.min(...prices);
      const priceMaxAmount = Math.max(...prices);
      const after = repriced.map((v) => ({ id: v.id, priceAmount: v.after }));
      return editPlan(
        ctx,
        product,
        { prices: { variants: after, priceAmount, priceMaxAmount } },
        {
          priceAmount: product.priceAmount,
          priceMaxAmount: product.priceMaxAmount,
          variants: repriced.map((v) => ({ id: v.id, priceAmount: v.before })),
        },
        { priceAmount, priceMaxAmount, variants: after },
      );
    }
    default:
      throw new Error(`planFieldEdit: ${action.type} is not a field edit`);
  }
}

/**
 * Applies a membership or delete action to one product of the batch (called inside a savepoint, so
 * a refusal undoes only this product's writes). Audits before/after and emits the product's event.
 */
export async function applyToProduct(tx: Db, ctx: BatchContext, productId: string): Promise<ItemOutcome> {
  const product = ctx.products.get(productId);
  if (!product) throw notFound('Product');
  const action = ctx.operation.action as BulkActionInput;
  switch (action.type) {
    case 'add_to_collection':
    case 'remove_from_collection': {
      const collection = ctx.collection;
      if (!collection) throw notFound('Manual collection');
      const [member] = await tx
        .select({ position: collectionProducts.position })
        .from(collectionProducts)
        .where(
          and(
            eq(collectionProducts.collectionId, collection.id),
            eq(collectionProducts.productId, product.id),
          ),
        );
      let before: object;
      let after: object;
      if (action.type === 'add_to_collection') {
        if (member) return 'unchanged';
        const position = collection.next++;
        await tx
          .insert(collectionProducts)
          .values({ collectionId: collection.id, productId: product.id, storeId: product.storeId, position });
        before = { collectionId: collection.id, member: false };
        after = { collectionId: collection.id, member: true, position };
      } else {
        if (!member) return 'unchanged';
        await tx
          .delete(collectionProducts)
          .where(
            and(
              eq(collectionProducts.collectionId, collection.id),
              eq(collectionProducts.productId, product.id),
            ),
          );
        before = { collectionId: collection.id, member: true, position: member.position };
        after = { collectionId: collection.id, member: false };
      }
      await recordAudit(tx, ctx.actor, {
        storeId: product.storeId,
        action: bulkAuditActions.collection,
        entityType: 'product',
        entityId: product.id,
        before,
        after: { ...after, bulkOperationId: ctx.operation.id },
      });
      return 'changed';
    }
    case 'delete': {
      // Deleting a live product takes it off the storefront, like unpublishing: it is never staged.
      if (product.status === 'active' && !ctx.operation.canPublish) {
        throw forbidden(
          'permission_denied',
          'Deleting a live product needs the catalog:publish permission.',
          {
            permission: 'catalog:publish',
          },
        );
      }
      const [detail] = await loadProductDetails(tx, [product]);
      const memberships = await tx
        .select({ collectionId: collectionProducts.collectionId, position: collectionProducts.position })
        .from(collectionProducts)
        .where(eq(collectionProducts.productId, product.id));
      await tx.delete(products).where(eq(products.id, product.id));
      await recordAudit(tx, ctx.actor, {
        storeId: product.storeId,
        action: bulkAuditActions.deleted,
        entityType: 'product',
        entityId: product.id,
        before: { ...productSnapshot(detail!), collections: memberships },
        after: { deleted: true, bulkOperationId: ctx.operation.id },
      });
      await emitEvent(tx, {
        storeId: product.storeId,
        type: 'product.deleted',
        payload: { id: product.id, handle: product.handle },
      });
      return 'changed';
    }
    default:
      throw new Error(`applyToProduct: ${action.type} is planned, not applied`);
  }
}
