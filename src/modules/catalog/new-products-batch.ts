import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { jsonRowsInsert } from '../../platform/db/json-rows-insert.ts';
import { conflict, forbidden, unprocessable } from '../../platform/errors.ts';
import { emitEvents } from '../../platform/events/index.ts';
import { newId } from '../../platform/ids.ts';
import { recordAuditEntries } from '../access/index.ts';
import { announceCatalogChange } from './change-topic.ts';
import type { Product, ProductDetail, ProductImage, ProductVariant } from './product-detail.ts';
import { type CreateProductInput, createProductInput } from './product-input.ts';
import type { CatalogWriter } from './products.ts';
import { productImages, products, productVariants } from './schema.ts';
import { assertConsistentVariants, optionColumns, variantInputColumns } from './variant-set.ts';

export type BatchOutcome = { ok: true; detail: ProductDetail } | { ok: false; error: unknown };

/**
 * Creates many new products in a few statements (one insert per table, one audit insert, one event
 * insert, one change announcement) instead of about ten round trips each: what makes a 100,000-row
 * import take seconds rather than minutes. Every product goes through the same checks as
 * `createProduct` — input schema, consistent variant grid, publish permission, handle and SKU free
 * in the store and within the batch — and one that fails them is returned with its error while the
 * others are written. The audit records each creation with a summary (see createdProductSummary).
 * Each input must carry a handle, variants and images (as imports do).
 *
 * A unique violation can still happen if another writer takes a handle or SKU between the check
 * and the insert; the caller runs this in a savepoint and falls back to one product at a time.
 *
 * `optimistic` skips looking up the store's handles and SKUs (repeats within the batch are still
 * caught): the unique indexes refuse a taken one anyway, and looking them up costs an import a
 * fifth of its time. A taken handle or SKU then fails the whole call with a unique violation, and
 * the caller runs the batch again without `optimistic` to learn which product it was.
 */
export function createNewProducts(
  tx: Db,
  writer: CatalogWriter,
  store: { id: string; baseCurrency: string },
  inputs: readonly CreateProductInput[],
  options: { optimistic?: boolean } = {},
): Promise<BatchOutcome[]> {
  return writeNewProducts(tx, writer, store, planNewProducts(writer, store, inputs), options);
}

interface PlannedProduct {
  /** Index of the input. */
  at: number;
  detail: ProductDetail;
}

/**
 * The first, database-free half of createNewProducts: inputs checked, rows built with their ids,
 * and the insert statements made. An import plans the next batch while the database still writes
 * the one before, then hands the plan to writeNewProducts.
 */
export interface NewProductsPlan {
  inputCount: number;
  /** Inputs refused by the checks, by index. */
  refused: Map<number, unknown>;
  /** The products to write, in input order; no handle or SKU repeats among them. */
  planned: PlannedProduct[];
  statements: SQL[];
}

export function planNewProducts(
  writer: CatalogWriter,
  store: { id: string; baseCurrency: string },
  inputs: readonly CreateProductInput[],
): NewProductsPlan {
  const refused = new Map<number, unknown>();
  const planned: PlannedProduct[] = [];
  // Handles and SKUs must not repeat within the batch (the store-wide check is the writer's).
  const usedHandles = new Set<string>();
  const usedSkus = new Set<string>();
  const now = new Date();
  for (const [at, input] of inputs.entries()) {
    try {
      const data = createProductInput.parse(input);
      if (!data.handle || !data.variants || !data.images) {
        throw unprocessable('incomplete_input', 'A batch product needs a handle, variants and images.');
      }
      if (data.status === 'active' && !writer.canPublish) {
        throw forbidden('permission_denied', 'Publishing needs the catalog:publish permission.', {
          permission: 'catalog:publish',
        });
      }
      assertConsistentVariants(data.options, data.variants);
      const ownSkus = data.variants.flatMap((v) => (v.sku ? [v.sku] : []));
      if (usedHandles.has(data.handle)) throw handleTaken();
      if (ownSkus.some((sku) => usedSkus.has(sku))) throw skuTaken();
      usedHandles.add(data.handle);
      for (const sku of ownSkus) usedSkus.add(sku);
      planned.push({ at, detail: newProductRows(store, { ...data, handle: data.handle }, now) });
    } catch (error) {
      refused.set(at, error);
    }
  }
  return { inputCount: inputs.length, refused, planned, statements: insertStatements(planned) };
}

/**
 * The second half of createNewProducts: the store-wide handle and SKU check (unless optimistic),
 * the inserts, audit entries, events and change announcement.
 */
export async function writeNewProducts(
  tx: Db,
  writer: CatalogWriter,
  store: { id: string },
  plan: NewProductsPlan,
  options: { optimistic?: boolean } = {},
): Promise<BatchOutcome[]> {
  const refused = new Map(plan.refused);
  let { planned, statements } = plan;
  if (!options.optimistic && planned.length > 0) {
    const free = await freeInStore(tx, store.id, planned, refused);
    if (free.length < planned.length) {
      planned = free;
      statements = insertStatements(planned);
    }
  }
  const outcomes: BatchOutcome[] = new Array(plan.inputCount);
  for (const [at, error] of refused) outcomes[at] = { ok: false, error };
  if (planned.length === 0) return outcomes;

  // Each table's rows go in as one JSON parameter; every column is set in the plan, so the rows
  // sent are the rows stored (and what the audit records).
  for (const statement of statements) await tx.execute(statement);
  const written = planned.map((p) => p.detail);
  await announceCatalogChange(tx, store.id);
  await recordAuditEntries(
    tx,
    writer.actor,
    written.map((detail) => ({
      storeId: store.id,
      action: 'product.created',
      entityType: 'product',
      entityId: detail.product.id,
      after: createdProductSummary(detail),
    })),
  );
  await emitEvents(
    tx,
    written.map((detail) => ({
      storeId: store.id,
      type: 'product.created',
      payload: { id: detail.product.id, handle: detail.product.handle, status: detail.product.status },
    })),
  );
  for (const { at, detail } of planned) outcomes[at] = { ok: true, detail };
  return outcomes;
}

const handleTaken = () => conflict('handle_taken', 'Another product in this store has this handle.');
const skuTaken = () => conflict('sku_taken', 'Another product in this store has this SKU.');

/** The planned products whose handle and SKUs no stored product has; the others go to `refused`. */
async function freeInStore(
  tx: Db,
  storeId: string,
  planned: PlannedProduct[],
  refused: Map<number, unknown>,
): Promise<PlannedProduct[]> {
  const handles = planned.map((p) => p.detail.product.handle);
  const skus = planned.flatMap((p) => p.detail.variants.flatMap((v) => (v.sku ? [v.sku] : [])));
  const [takenHandles, takenSkus] = await Promise.all([
    tx
      .select({ handle: products.handle })
      .from(products)
      .where(and(eq(products.storeId, storeId), inArray(products.handle, handles))),
    skus.length === 0
      ? []
      : tx
          .select({ sku: productVariants.sku })
          .from(productVariants)
          .where(and(eq(productVariants.storeId, storeId), inArray(productVariants.sku, skus))),
  ]);
  const usedHandles = new Set(takenHandles.map((t) => t.handle));
  const usedSkus = new Set(takenSkus.map((t) => t.sku));
  return planned.filter(({ at, detail }) => {
    if (usedHandles.has(detail.product.handle)) refused.set(at, handleTaken());
    else if (detail.variants.some((v) => v.sku && usedSkus.has(v.sku))) refused.set(at, skuTaken());
    else return true;
    return false;
  });
}

function insertStatements(planned: PlannedProduct[]): SQL[] {
  const details = planned.map((p) => p.detail);
  return [
    jsonRowsInsert(
      products,
      details.map((d) => d.product),
    ),
    jsonRowsInsert(
      productImages,
      details.flatMap((d) => d.images),
    ),
    jsonRowsInsert(
      productVariants,
      details.flatMap((d) => d.variants),
    ),
  ].filter((statement): statement is SQL => statement !== null);
}

/** A new product's rows, every column set. */
function newProductRows(
  store: { id: string; baseCurrency: string },
  data: ReturnType<typeof createProductInput.parse> & { handle: string },
  now: Date,
): ProductDetail {
  const id = newId('product');
  const images: ProductImage[] = data.images!.map((image, index) => ({
    id: newId('productImage'),
    storeId: store.id,
    productId: id,
    position: index + 1,
    sourceUrl: image.url,
    mediaKey: null,
    width: null,
    height: null,
    alt: image.alt ?? null,
    createdAt: now,
  }));
  const prices = data.variants!.map((v) => v.price.amount);
  const product: Product = {
    id,
    storeId: store.id,
    title: data.title,
    handle: data.handle,
    description: data.description,
    status: data.status,
    priceAmount: Math.min(...prices),
    priceMaxAmount: Math.max(...prices),
    currency: store.baseCurrency,
    options: data.options,
    tags: data.tags,
    categoryId: data.categoryId ?? null,
    imageUrl: data.images![0]?.url ?? null,
    seoTitle: data.seoTitle ?? null,
    seoDescription: data.seoDescription ?? null,
    focusKeyword: data.focusKeyword ?? null,
    vendor: data.vendor ?? null,
    productType: data.productType ?? null,
    publishedAt: data.status === 'active' ? now : null,
    createdAt: now,
    updatedAt: now,
  };
  const variants: ProductVariant[] = data.variants!.map((variant, index) => ({
    id: newId('variant'),
    storeId: store.id,
    productId: id,
    position: index + 1,
    ...variantInputColumns(variant),
    ...optionColumns(variant.optionValues, data.options),
    imageId: variant.imagePosition ? (images[variant.imagePosition - 1]?.id ?? null) : null,
    createdAt: now,
    updatedAt: now,
  }));
  return { product, variants, images };
}

/**
 * What the audit keeps of a product created in bulk: who it is and what it was made with, not its
 * full content. The content is the product itself until it changes, and every later change records
 * the full state before it; full snapshots made an import's audit rows its largest write.
 */
function createdProductSummary(detail: ProductDetail) {
  const { product, variants, images } = detail;
  return {
    handle: product.handle,
    title: product.title,
    status: product.status,
    variantCount: variants.length,
    imageCount: images.length,
    skus: variants.flatMap((v) => (v.sku ? [v.sku] : [])),
  };
}
