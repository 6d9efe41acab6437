import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { insertJsonRows } from '../../platform/db/json-rows-insert.ts';
import { conflict, forbidden, unprocessable } from '../../platform/errors.ts';
import { emitEvents } from '../../platform/events/index.ts';
import { newId } from '../../platform/ids.ts';
import { recordAuditEntries } from '../access/index.ts';
import { announceCatalogChange } from './change-topic.ts';
import type { Product, ProductDetail, ProductImage, ProductVariant } from './product-detail.ts';
import { type CreateProductInput, createProductInput } from './product-input.ts';
import type { CatalogWriter } from './products.ts';
import { productImages, products, productVariants } from './schema.ts';
import { assertConsistentVariants, optionColumns } from './variant-set.ts';

export type BatchOutcome = { ok: true; detail: ProductDetail } | { ok: false; error: unknown };

/**
 * Creates many new products in a few statements (one insert per table, one audit insert, one event
 * insert, one change announcement) instead of about ten round trips each: what makes a 100,000-row
 * import take seconds rather than minutes. Every product goes through the same checks as
 * `createProduct` — input schema, consistent variant grid, publish permission, handle and SKU free
 * in the store and within the batch — and one that fails them is returned with its error while the
 * others are written. The audit records each creation with a summary (see createdProductSummary). Each input must carry a handle, variants and images (as imports do).
 *
 * A unique violation can still happen if another writer takes a handle or SKU between the check
 * and the insert; the caller runs this in a savepoint and falls back to one product at a time.
 *
 * `optimistic` skips looking up the store's handles and SKUs (repeats within the batch are still
 * caught): the unique indexes refuse a taken one anyway, and looking them up costs an import a
 * fifth of its time. A taken handle or SKU then fails the whole call with a unique violation, and
 * the caller runs the batch again without `optimistic` to learn which product it was.
 */
export async function createNewProducts(
  tx: Db,
  writer: CatalogWriter,
  store: { id: string; baseCurrency: string },
  inputs: readonly CreateProductInput[],
  options: { optimistic?: boolean } = {},
): Promise<BatchOutcome[]> {
  const outcomes: Array<BatchOutcome | undefined> = new Array(inputs.length);
  const valid: Array<{ at: number; data: ReturnType<typeof createProductInput.parse> & { handle: string } }> =
    [];
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
      valid.push({ at, data: { ...data, handle: data.handle } });
    } catch (error) {
      outcomes[at] = { ok: false, error };
    }
  }

  // Handles and SKUs must be free in the store and not repeated within the batch.
  const handles = valid.map((v) => v.data.handle);
  const skus = valid.flatMap((v) =>
    v.data.variants!.flatMap((variant) => (variant.sku ? [variant.sku] : [])),
  );
  const [takenHandles, takenSkus] = await Promise.all([
    options.optimistic || handles.length === 0
      ? []
      : tx
          .select({ handle: products.handle })
          .from(products)
          .where(and(eq(products.storeId, store.id), inArray(products.handle, handles))),
    options.optimistic || skus.length === 0
      ? []
      : tx
          .select({ sku: productVariants.sku })
          .from(productVariants)
          .where(and(eq(productVariants.storeId, store.id), inArray(productVariants.sku, skus))),
  ]);
  const usedHandles = new Set(takenHandles.map((t) => t.handle));
  const usedSkus = new Set(takenSkus.map((t) => t.sku));
  const accepted: typeof valid = [];
  for (const entry of valid) {
    const { data } = entry;
    const ownSkus = data.variants!.flatMap((v) => (v.sku ? [v.sku] : []));
    if (usedHandles.has(data.handle)) {
      outcomes[entry.at] = {
        ok: false,
        error: conflict('handle_taken', 'Another product in this store has this handle.'),
      };
    } else if (ownSkus.some((sku) => usedSkus.has(sku))) {
      outcomes[entry.at] = {
        ok: false,
        error: conflict('sku_taken', 'Another product in this store has this SKU.'),
      };
    } else {
      usedHandles.add(data.handle);
      for (const sku of ownSkus) usedSkus.add(sku);
      accepted.push(entry);
    }
  }
  if (accepted.length === 0) return outcomes as BatchOutcome[];

  const now = new Date();
  const productRows: Product[] = [];
  const imageRows: ProductImage[] = [];
  const variantRows: ProductVariant[] = [];
  for (const { data } of accepted) {
    const id = newId('product');
    const imageIds = data.images!.map(() => newId('productImage'));
    data.images!.forEach((image, index) => {
      imageRows.push({
        id: imageIds[index]!,
        storeId: store.id,
        productId: id,
        position: index + 1,
        sourceUrl: image.url,
        mediaKey: null,
        width: null,
        height: null,
        alt: image.alt ?? null,
        createdAt: now,
      });
    });
    const prices = data.variants!.map((v) => v.price.amount);
    productRows.push({
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
    });
    data.variants!.forEach((variant, index) => {
      variantRows.push({
        id: newId('variant'),
        storeId: store.id,
        productId: id,
        position: index + 1,
        sku: variant.sku ?? null,
        barcode: variant.barcode ?? null,
        ...optionColumns(variant.optionValues, data.options),
        priceAmount: variant.price.amount,
        compareAtAmount: variant.compareAtPrice?.amount ?? null,
        costAmount: variant.cost?.amount ?? null,
        weightGrams: variant.weightGrams ?? null,
        requiresShipping: variant.requiresShipping,
        taxable: variant.taxable,
        taxClass: variant.taxClass ?? null,
        inventoryPolicy: variant.inventoryPolicy,
        imageId: variant.imagePosition ? (imageIds[variant.imagePosition - 1] ?? null) : null,
        createdAt: now,
        updatedAt: now,
      });
    });
  }

  // Each table's rows go in as one JSON parameter; every column is set here, so the rows sent are
  // the rows stored (and what the audit records).
  await insertJsonRows(tx, products, productRows);
  const insertedProducts = productRows;
  await insertJsonRows(tx, productImages, imageRows);
  await insertJsonRows(tx, productVariants, variantRows);
  const details = new Map<string, ProductDetail>(
    insertedProducts.map((product) => [product.id, { product, variants: [], images: [] }]),
  );
  for (const image of imageRows) details.get(image.productId)!.images.push(image);
  for (const variant of variantRows) details.get(variant.productId)!.variants.push(variant);

  const written = insertedProducts.map((p) => details.get(p.id)!);
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
  const byHandle = new Map(written.map((detail) => [detail.product.handle, detail]));
  for (const { at, data } of accepted) outcomes[at] = { ok: true, detail: byHandle.get(data.handle)! };
  return outcomes as BatchOutcome[];
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
