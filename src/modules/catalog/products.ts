import { and, count, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { prepared } from '../../platform/db/prepared.ts';
import { conflict, forbidden, isUniqueViolation, notFound } from '../../platform/errors.ts';
import { emitEvent } from '../../platform/events/outbox.ts';
import { newId } from '../../platform/ids.ts';
import type { Actor } from '../access/actor.ts';
import { recordAudit } from '../access/index.ts';
import { HANDLE_PATTERN, handleFromTitle } from './handles.ts';
import { products } from './schema.ts';

export type Product = typeof products.$inferSelect;
export const productStatuses = ['draft', 'active', 'archived'] as const;
export type ProductStatus = (typeof productStatuses)[number];

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

export const productFields = {
  title: z.string().trim().min(1, 'A title is required.').max(255),
  handle: z
    .string()
    .trim()
    .max(100)
    .regex(HANDLE_PATTERN, 'Use lowercase letters, digits and single hyphens.'),
  description: z.string().max(100_000),
  status: z.enum(productStatuses),
  price: z.object({
    amount: z.number().int('Send the price in minor units (an integer).').min(0).max(1_000_000_000_000),
  }),
  sku: optionalText(64),
  imageUrl: z
    .string()
    .trim()
    .max(2048)
    .refine(
      (v) => v === '' || v.startsWith('/') || /^https?:\/\//.test(v),
      'Use an http(s) URL or a site path.',
    )
    .nullish()
    .transform((v) => (v ? v : null)),
  seoTitle: optionalText(200),
  seoDescription: optionalText(400),
  vendor: optionalText(120),
  productType: optionalText(120),
};

export const createProductInput = z
  .object({
    ...productFields,
    handle: productFields.handle.optional(),
    description: productFields.description.default(''),
    status: productFields.status.default('draft'),
  })
  .strict();
export const updateProductInput = z.object(productFields).partial().strict();

export type CreateProductInput = z.input<typeof createProductInput>;
export type UpdateProductInput = z.input<typeof updateProductInput>;

export interface ProductQuery {
  q?: string;
  status?: ProductStatus;
  limit: number;
  offset: number;
}

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

async function availableHandle(db: Db, storeId: string, base: string): Promise<string> {
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

export async function createProduct(
  db: Db,
  writer: CatalogWriter,
  store: { id: string; baseCurrency: string },
  input: CreateProductInput,
): Promise<Product> {
  const data = createProductInput.parse(input);
  assertMayPublish(writer, null, data.status);
  const id = newId('product');
  try {
    return await db.transaction(async (tx) => {
      const handle = data.handle ?? (await availableHandle(tx, store.id, handleFromTitle(data.title)));
      const { price, ...rest } = data;
      const [product] = await tx
        .insert(products)
        .values({
          ...rest,
          id,
          storeId: store.id,
          handle,
          priceAmount: price.amount,
          currency: store.baseCurrency,
          publishedAt: data.status === 'active' ? new Date() : null,
        })
        .returning();
      await recordAudit(tx, writer.actor, {
        storeId: store.id,
        action: 'product.created',
        entityType: 'product',
        entityId: id,
        after: product,
      });
      await emitEvent(tx, {
        storeId: store.id,
        type: 'product.created',
        payload: { id, handle, status: product!.status },
      });
      return product!;
    });
  } catch (err) {
    if (isUniqueViolation(err)) uniqueViolationToConflict(err);
    throw err;
  }
}

export async function getProduct(db: Db, storeId: string, id: string): Promise<Product> {
  const [product] = await db
    .select()
    .from(products)
    .where(and(eq(products.storeId, storeId), eq(products.id, id)))
    .limit(1);
  if (!product) throw notFound('Product');
  return product;
}

export async function updateProduct(
  db: Db,
  writer: CatalogWriter,
  storeId: string,
  id: string,
  input: UpdateProductInput,
  action = 'product.updated',
): Promise<Product> {
  const data = updateProductInput.parse(input);
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx
        .select()
        .from(products)
        .where(and(eq(products.storeId, storeId), eq(products.id, id)))
        .for('update');
      if (!before) throw notFound('Product');
      assertMayPublish(writer, before.status, data.status);
      const { price, ...rest } = data;
      const becomesActive = data.status === 'active' && before.status !== 'active';
      const [after] = await tx
        .update(products)
        .set({
          ...rest,
          ...(price ? { priceAmount: price.amount } : {}),
          ...(becomesActive ? { publishedAt: new Date() } : {}),
          updatedAt: new Date(),
        })
        .where(eq(products.id, id))
        .returning();
      await recordAudit(tx, writer.actor, {
        storeId,
        action,
        entityType: 'product',
        entityId: id,
        before,
        after,
      });
      await emitEvent(tx, {
        storeId,
        type: becomesActive ? 'product.published' : 'product.updated',
        payload: { id, handle: after!.handle, status: after!.status },
      });
      return after!;
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

export async function deleteProduct(db: Db, actor: Actor, storeId: string, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx
      .delete(products)
      .where(and(eq(products.storeId, storeId), eq(products.id, id)))
      .returning();
    if (!before) throw notFound('Product');
    await recordAudit(tx, actor, {
      storeId,
      action: 'product.deleted',
      entityType: 'product',
      entityId: id,
      before,
    });
    await emitEvent(tx, { storeId, type: 'product.deleted', payload: { id, handle: before.handle } });
  });
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function listFilter(withStatus: boolean, withSearch: boolean): SQL {
  const filters: SQL[] = [eq(products.storeId, sql.placeholder('storeId'))];
  if (withStatus) filters.push(eq(products.status, sql.placeholder('status')));
  if (withSearch) {
    const pattern = sql.placeholder('pattern');
    filters.push(
      or(ilike(products.title, pattern), ilike(products.sku, pattern), ilike(products.handle, pattern))!,
    );
  }
  return and(...filters)!;
}

/**
 * One prepared query per combination of filters: the page and the total in one round trip (a window
 * count). Only a page past the end needs the separate count.
 */
function listStatements(db: Db, withStatus: boolean, withSearch: boolean) {
  const key = `products_list_${withStatus ? 's' : ''}${withSearch ? 'q' : ''}`;
  const page = prepared(db, key, (d, name) =>
    d
      .select({ product: products, total: sql<number>`count(*) over ()`.mapWith(Number) })
      .from(products)
      .where(listFilter(withStatus, withSearch))
      .orderBy(desc(products.updatedAt), desc(products.id))
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset'))
      .prepare(name),
  );
  const total = prepared(db, `${key}_count`, (d, name) =>
    d.select({ n: count() }).from(products).where(listFilter(withStatus, withSearch)).prepare(name),
  );
  return { page, total };
}

export async function listProducts(db: Db, storeId: string, query: ProductQuery) {
  const q = query.q?.trim();
  const statements = listStatements(db, Boolean(query.status), Boolean(q));
  const params = {
    storeId,
    status: query.status,
    pattern: q ? `%${escapeLike(q)}%` : undefined,
    limit: query.limit,
    offset: query.offset,
  };
  const rows = await statements.page.execute(params);
  if (rows.length > 0) return { items: rows.map((r) => r.product), total: rows[0]!.total };
  const totals = query.offset > 0 ? await statements.total.execute(params) : [];
  return { items: [], total: Number(totals[0]?.n ?? 0) };
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
