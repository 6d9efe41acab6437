import { and, asc, desc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { conflict, forbidden, isUniqueViolation, notFound, unprocessable } from '../../platform/errors.ts';
import { emitEvent } from '../../platform/events/outbox.ts';
import { newId } from '../../platform/ids.ts';
import type { Actor } from '../access/actor.ts';
import { recordAudit } from '../access/index.ts';
import { assertCategoryInStore } from './categories.ts';
import { announceCatalogChange } from './change-topic.ts';
import { handleFromTitle } from './handles.ts';
import { imageSrc } from './media/image-source.ts';
import {
  loadProductDetails,
  type Product,
  type ProductDetail,
  type ProductImage,
  type ProductVariant,
  productSnapshot,
} from './product-detail.ts';
import {
  type CreateProductInput,
  createProductInput,
  type ImageInput,
  type OptionInput,
  type UpdateProductInput,
  updateProductInput,
  type VariantInput,
} from './product-input.ts';
import { recordHandleChange } from './redirects.ts';
import { productImages, products, productVariants } from './schema.ts';
import { assertSkusFree } from './sku-conflicts.ts';
import { assertConsistentVariants, optionColumns, variantInputColumns } from './variant-set.ts';

export type { Product, ProductDetail } from './product-detail.ts';
export type { CreateProductInput, UpdateProductInput } from './product-input.ts';
export { createProductInput, productStatuses, updateProductInput } from './product-input.ts';

export interface CatalogWriter {
  actor: Actor;
  /** Whether the caller may make products live (permission catalog:publish). */
  canPublish: boolean;
}

function uniqueViolationToConflict(err: unknown): never {
  const text = String(
    (err as { cause?: { constraint?: string }; constraint?: string }).cause?.constraint ?? err,
  );
  if (text.includes('sku')) throw conflict('sku_taken', 'Another product in this store has this SKU.');
  if (text.includes('options')) throw conflict('duplicate_variant', 'Two variants have the same options.');
  throw conflict('handle_taken', 'Another product in this store has this handle.');
}

function assertMayPublish(writer: CatalogWriter, from: string | null, to: string | undefined) {
  if (to === 'active' && from !== 'active' && !writer.canPublish) {
    throw forbidden('permission_denied', 'Publishing needs the catalog:publish permission.', {
      permission: 'catalog:publish',
    });
  }
  if (from === 'active' && to !== undefined && to !== 'active' && !writer.canPublish) {
    throw forbidden('permission_denied', 'Unpublishing needs the catalog:publish permission.', {
      permission: 'catalog:publish',
    });
  }
}

export async function availableHandle(db: Db, storeId: string, base: string): Promise<string> {
  const taken = await db
    .select({ handle: products.handle })
    .from(products)
    .where(
      and(eq(products.storeId, storeId), or(eq(products.handle, base), ilike(products.handle, `${base}-%`))),
    );
  const set = new Set(taken.map((t) => t.handle));
  if (!set.has(base)) return base;
  for (let n = 2; ; n++) if (!set.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** What a write asks of the variants: the whole set, or the single variant's price/SKU shorthand. */
function requestedVariants(
  data: { variants?: VariantInput[]; price?: { amount: number }; sku?: string | null },
  current: ProductVariant[],
): VariantInput[] | undefined {
  if (data.variants) return data.variants;
  if (data.price === undefined && data.sku === undefined) return undefined;
  if (current.length > 1) {
    throw unprocessable(
      'has_variants',
      'This product has several variants: set price and SKU on each variant instead.',
    );
  }
  const existing = current[0];
  return [
    {
      ...(existing ? variantAsInput(existing) : { optionValues: [], requiresShipping: true, taxable: true }),
      inventoryPolicy: (existing?.inventoryPolicy as 'deny' | 'continue') ?? 'deny',
      price: data.price ?? { amount: existing?.priceAmount ?? 0 },
      ...(data.sku !== undefined ? { sku: data.sku } : {}),
    } as VariantInput,
  ];
}

function variantAsInput(v: ProductVariant): VariantInput {
  return {
    id: v.id,
    sku: v.sku,
    barcode: v.barcode,
    optionValues: [v.option1, v.option2, v.option3].filter(Boolean),
    price: { amount: v.priceAmount },
    compareAtPrice: v.compareAtAmount === null ? null : { amount: v.compareAtAmount },
    cost: v.costAmount === null ? null : { amount: v.costAmount },
    weightGrams: v.weightGrams,
    requiresShipping: v.requiresShipping,
    taxable: v.taxable,
    taxClass: v.taxClass,
    inventoryPolicy: v.inventoryPolicy as 'deny' | 'continue',
    imagePosition: null,
  };
}

/** What a write asks of the gallery: the whole list, or the first image's URL shorthand. */
function requestedImages(
  data: { images?: ImageInput[]; imageUrl?: string | null },
  current: ProductImage[],
): ImageInput[] | undefined {
  if (data.images) return data.images;
  if (data.imageUrl === undefined) return undefined;
  const rest = current
    .slice(1)
    .map((i) => ({ url: imageSrc(i) ?? '', alt: i.alt }))
    .filter((i) => i.url);
  return data.imageUrl ? [{ url: data.imageUrl, alt: current[0]?.alt ?? null }, ...rest] : rest;
}

/** Replaces the gallery, keeping rows (and stored media) whose URL stays: the recorded one or `/media/<key>`. */
async function writeImages(tx: Db, product: Product, wanted: ImageInput[], current: ProductImage[]) {
  const byUrl = new Map<string, ProductImage>();
  for (const image of current) {
    for (const url of [image.sourceUrl, imageSrc(image)]) if (url && !byUrl.has(url)) byUrl.set(url, image);
  }
  const kept = new Set<string>();
  const result: ProductImage[] = [];
  for (const [index, image] of wanted.entries()) {
    const existing = byUrl.get(image.url);
    if (existing && !kept.has(existing.id)) {
      kept.add(existing.id);
      const [row] = await tx
        .update(productImages)
        .set({ position: index + 1, alt: image.alt })
        .where(eq(productImages.id, existing.id))
        .returning();
      result.push(row!);
    } else {
      const [row] = await tx
        .insert(productImages)
        .values({
          id: newId('productImage'),
          storeId: product.storeId,
          productId: product.id,
          position: index + 1,
          sourceUrl: image.url,
          alt: image.alt,
        })
        .returning();
      result.push(row!);
    }
  }
  const gone = current.filter((i) => !kept.has(i.id)).map((i) => i.id);
  if (gone.length > 0) await tx.delete(productImages).where(inArray(productImages.id, gone));
  return result;
}

/**
 * Replaces the variant set: variants are matched by id, else by their option values, so editing a
 * price keeps the variant (and later its stock and order history) rather than making a new one.
 */
async function writeVariants(
  tx: Db,
  product: Product,
  options: OptionInput[],
  wanted: VariantInput[],
  current: ProductVariant[],
  images: ProductImage[],
) {
  assertConsistentVariants(options, wanted);
  await assertSkusFree(tx, product, wanted);
  const byId = new Map(current.map((v) => [v.id, v]));
  const byOptions = new Map(current.map((v) => [`${v.option1}\u0000${v.option2}\u0000${v.option3}`, v]));
  const matched = new Set<string>();
  const rows = wanted.map((variant, index) => {
    const columns = optionColumns(variant.optionValues, options);
    let existing: ProductVariant | undefined;
    if (variant.id) {
      existing = byId.get(variant.id);
      if (!existing)
        throw unprocessable('unknown_variant', `Variant ${variant.id} is not a variant of this product.`, {
          path: `variants.${index}.id`,
        });
    } else {
      existing = byOptions.get(`${columns.option1}\u0000${columns.option2}\u0000${columns.option3}`);
      if (existing && matched.has(existing.id)) existing = undefined;
    }
    if (existing) matched.add(existing.id);
    return {
      id: existing?.id ?? newId('variant'),
      storeId: product.storeId,
      productId: product.id,
      position: index + 1,
      ...variantInputColumns(variant),
      ...columns,
      imageId: variant.imagePosition ? (images[variant.imagePosition - 1]?.id ?? null) : null,
      updatedAt: new Date(),
    };
  });
  // Removed variants go first and kept ones are parked on placeholder option values, so the unique
  // (product, options) and (store, sku) indexes never see a half-applied set.
  const gone = current.filter((v) => !matched.has(v.id)).map((v) => v.id);
  if (gone.length > 0) await tx.delete(productVariants).where(inArray(productVariants.id, gone));
  const keptIds = [...matched];
  if (keptIds.length > 0) {
    await tx
      .update(productVariants)
      .set({ option1: sql`'\u0001' || ${productVariants.id}`, sku: null })
      .where(inArray(productVariants.id, keptIds));
  }
  for (const row of rows) {
    if (matched.has(row.id)) await tx.update(productVariants).set(row).where(eq(productVariants.id, row.id));
  }
  const fresh = rows.filter((r) => !matched.has(r.id));
  if (fresh.length > 0) await tx.insert(productVariants).values(fresh);
  return tx
    .select()
    .from(productVariants)
    .where(eq(productVariants.productId, product.id))
    .orderBy(asc(productVariants.position));
}

/** Fields kept on the product row that follow from variants and images. */
function derivedColumns(variants: ProductVariant[], images: ProductImage[]) {
  const prices = variants.map((v) => v.priceAmount);
  return {
    priceAmount: prices.length ? Math.min(...prices) : 0,
    priceMaxAmount: prices.length ? Math.max(...prices) : 0,
    imageUrl: images[0] ? imageSrc(images[0]) : null,
  };
}

function productColumns(data: Partial<Record<string, unknown>>) {
  const {
    variants: _v,
    images: _i,
    price: _p,
    sku: _s,
    imageUrl: _u,
    options: _o,
    ...columns
  } = data as Record<string, unknown>;
  return columns as Partial<typeof products.$inferInsert>;
}

export async function createProduct(
  db: Db,
  writer: CatalogWriter,
  store: { id: string; baseCurrency: string },
  input: CreateProductInput,
): Promise<ProductDetail> {
  const data = createProductInput.parse(input);
  assertMayPublish(writer, null, data.status);
  const id = newId('product');
  try {
    return await db.transaction(async (tx) => {
      if (data.categoryId) await assertCategoryInStore(tx, store.id, data.categoryId);
      const handle = data.handle ?? (await availableHandle(tx, store.id, handleFromTitle(data.title)));
      const [inserted] = await tx
        .insert(products)
        .values({
          ...productColumns(data),
          title: data.title,
          id,
          storeId: store.id,
          handle,
          options: data.options,
          priceAmount: 0,
          currency: store.baseCurrency,
          publishedAt: data.status === 'active' ? new Date() : null,
        })
        .returning();
      const images = await writeImages(tx, inserted!, requestedImages(data, []) ?? [], []);
      const variants = await writeVariants(
        tx,
        inserted!,
        data.options,
        requestedVariants(data, []) ?? [],
        [],
        images,
      );
      const [product] = await tx
        .update(products)
        .set(derivedColumns(variants, images))
        .where(eq(products.id, id))
        .returning();
      const detail = { product: product!, variants, images };
      await announceCatalogChange(tx, store.id);
      await recordAudit(tx, writer.actor, {
        storeId: store.id,
        action: 'product.created',
        entityType: 'product',
        entityId: id,
        after: productSnapshot(detail),
      });
      await emitEvent(tx, {
        storeId: store.id,
        type: 'product.created',
        payload: { id, handle, status: product!.status },
      });
      return detail;
    });
  } catch (err) {
    if (isUniqueViolation(err)) uniqueViolationToConflict(err);
    throw err;
  }
}

export async function getProduct(db: Db, storeId: string, id: string): Promise<ProductDetail> {
  const [product] = await db
    .select()
    .from(products)
    .where(and(eq(products.storeId, storeId), eq(products.id, id)))
    .limit(1);
  if (!product) throw notFound('Product');
  const [detail] = await loadProductDetails(db, [product]);
  return detail!;
}

export async function updateProduct(
  db: Db,
  writer: CatalogWriter,
  storeId: string,
  id: string,
  input: UpdateProductInput,
  action = 'product.updated',
): Promise<ProductDetail> {
  const data = updateProductInput.parse(input);
  try {
    return await db.transaction(async (tx) => {
      const [locked] = await tx
        .select()
        .from(products)
        .where(and(eq(products.storeId, storeId), eq(products.id, id)))
        .for('update');
      if (!locked) throw notFound('Product');
      if (data.categoryId) await assertCategoryInStore(tx, storeId, data.categoryId);
      const [before] = await loadProductDetails(tx, [locked]);
      assertMayPublish(writer, locked.status, data.status);
      if (locked.status === 'active' && !writer.canPublish) {
        // The live version changes only through review (catalog/workflow stages such edits).
        throw forbidden('review_required', 'Changes to a live product are reviewed before they go live.', {
          permission: 'catalog:publish',
        });
      }
      const becomesActive = data.status === 'active' && locked.status !== 'active';
      const leavesActive =
        data.status !== undefined && data.status !== 'active' && locked.status === 'active';
      const options = data.options ?? (locked.options as OptionInput[]);
      const [updated] = await tx
        .update(products)
        .set({
          ...productColumns(data),
          ...(data.options ? { options: data.options } : {}),
          ...(becomesActive ? { publishedAt: new Date() } : {}),
          updatedAt: new Date(),
        })
        .where(eq(products.id, id))
        .returning();
      const wantedImages = requestedImages(data, before!.images);
      const images = wantedImages
        ? await writeImages(tx, updated!, wantedImages, before!.images)
        : before!.images;
      let wantedVariants = requestedVariants(data, before!.variants);
      if (!wantedVariants && (data.options || wantedImages))
        wantedVariants = before!.variants.map(variantAsInput);
      if (wantedVariants && !data.variants && wantedImages) {
        // Variant images follow their image when the gallery is reordered by URL (kept images keep their id).
        for (const [i, v] of before!.variants.entries()) {
          const at = v.imageId ? images.findIndex((img) => img.id === v.imageId) : -1;
          if (wantedVariants[i]) wantedVariants[i]!.imagePosition = at >= 0 ? at + 1 : null;
        }
      }
      const variants = wantedVariants
        ? await writeVariants(tx, updated!, options, wantedVariants, before!.variants, images)
        : before!.variants;
      const [product] = await tx
        .update(products)
        .set(derivedColumns(variants, images))
        .where(eq(products.id, id))
        .returning();
      if (product!.handle !== locked.handle) {
        await recordHandleChange(tx, storeId, `/products/${locked.handle}`, `/products/${product!.handle}`);
      }
      const after = { product: product!, variants, images };
      await announceCatalogChange(tx, storeId);
      await recordAudit(tx, writer.actor, {
        storeId,
        action,
        entityType: 'product',
        entityId: id,
        before: productSnapshot(before!),
        after: productSnapshot(after),
      });
      await emitEvent(tx, {
        storeId,
        type: becomesActive ? 'product.published' : leavesActive ? 'product.unpublished' : 'product.updated',
        payload: { id, handle: product!.handle, status: product!.status },
      });
      return after;
    });
  } catch (err) {
    if (isUniqueViolation(err)) uniqueViolationToConflict(err);
    throw err;
  }
}

export function publishProduct(db: Db, writer: CatalogWriter, storeId: string, id: string) {
  return updateProduct(db, writer, storeId, id, { status: 'active' }, 'product.published');
}

export function unpublishProduct(db: Db, writer: CatalogWriter, storeId: string, id: string) {
  return updateProduct(db, writer, storeId, id, { status: 'draft' }, 'product.unpublished');
}

export async function deleteProduct(
  db: Db,
  writer: CatalogWriter,
  storeId: string,
  id: string,
): Promise<void> {
  const { actor } = writer;
  await db.transaction(async (tx) => {
    const [locked] = await tx
      .select()
      .from(products)
      .where(and(eq(products.storeId, storeId), eq(products.id, id)))
      .for('update');
    if (!locked) throw notFound('Product');
    if (locked.status === 'active' && !writer.canPublish) {
      // Deleting takes a product off the storefront: the same permission as unpublishing it.
      throw forbidden('permission_denied', 'Deleting a live product needs the catalog:publish permission.', {
        permission: 'catalog:publish',
      });
    }
    const [before] = await loadProductDetails(tx, [locked]);
    await tx.delete(products).where(eq(products.id, id));
    await announceCatalogChange(tx, storeId);
    await recordAudit(tx, actor, {
      storeId,
      action: 'product.deleted',
      entityType: 'product',
      entityId: id,
      before: productSnapshot(before!),
    });
    await emitEvent(tx, { storeId, type: 'product.deleted', payload: { id, handle: locked.handle } });
  });
}

/** Storefront reads: only active products. */
export async function listActiveProducts(db: Db, storeId: string, limit = 200): Promise<Product[]> {
  return db
    .select()
    .from(products)
    .where(and(eq(products.storeId, storeId), eq(products.status, 'active')))
    .orderBy(desc(products.publishedAt), desc(products.id))
    .limit(limit);
}

/** A product by exact handle: any status (admin previews, artwork) or, for the storefront, active only. */
export async function findProductByHandle(
  db: Db,
  storeId: string,
  handle: string,
  options: { activeOnly?: boolean } = {},
): Promise<Product | undefined> {
  const filters = [eq(products.storeId, storeId), eq(products.handle, handle)];
  if (options.activeOnly) filters.push(eq(products.status, 'active'));
  const [product] = await db
    .select()
    .from(products)
    .where(and(...filters))
    .limit(1);
  return product;
}
