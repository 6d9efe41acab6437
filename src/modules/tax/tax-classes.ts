import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { resultRows } from '../../platform/db/result-rows.ts';
import { conflict, isUniqueViolation, notFound, unprocessable } from '../../platform/errors.ts';
import { type Actor, recordAudit } from '../access/index.ts';
import { findProductIds } from '../catalog/index.ts';
import { standardTaxClass, taxClasses, taxProductClasses } from './schema.ts';
import { emitTaxUpdated } from './tax-events.ts';

export type TaxClass = typeof taxClasses.$inferSelect;

export const taxClassHandle = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, 'Use lowercase letters, digits and single hyphens or underscores.');

export const createTaxClassInput = z
  .object({ handle: taxClassHandle, name: z.string().trim().min(1).max(80) })
  .strict();
export const updateTaxClassInput = z.object({ name: z.string().trim().min(1).max(80) }).strict();

const standardClassName = 'Standard rate';
const productBatch = 1000;

/**
 * Makes the store's 'standard' class the first time anything needs it: the one thing the tax
 * module puts into a store by itself (two first callers at once: the primary key lets one in).
 */
export async function ensureStandardClass(db: Db, storeId: string): Promise<void> {
  await db
    .insert(taxClasses)
    .values({ storeId, handle: standardTaxClass, name: standardClassName })
    .onConflictDoNothing();
}

/** The store's classes, standard first, with how many rates and products use each. */
export async function listTaxClasses(db: Db, storeId: string) {
  await ensureStandardClass(db, storeId);
  const rows = await db
    .select({
      handle: taxClasses.handle,
      name: taxClasses.name,
      createdAt: taxClasses.createdAt,
      updatedAt: taxClasses.updatedAt,
      rateCount: sql<number>`(select count(*)::int from tax_rates r where r.store_id = ${taxClasses.storeId}
        and coalesce(r.class_handle, ${standardTaxClass}) = ${taxClasses.handle})`,
      productCount: sql<number>`(select count(*)::int from tax_product_classes p
        where p.store_id = ${taxClasses.storeId} and p.class_handle = ${taxClasses.handle})`,
    })
    .from(taxClasses)
    .where(eq(taxClasses.storeId, storeId))
    .orderBy(sql`${taxClasses.handle} <> ${standardTaxClass}`, asc(taxClasses.name), asc(taxClasses.handle));
  return rows.map((row) => ({ ...row, isStandard: row.handle === standardTaxClass }));
}

/** One of the store's classes; `forUpdate` locks it until the transaction ends. */
export async function getTaxClass(
  db: Db,
  storeId: string,
  handle: string,
  options: { forUpdate?: boolean } = {},
): Promise<TaxClass> {
  if (handle === standardTaxClass) await ensureStandardClass(db, storeId);
  const query = db
    .select()
    .from(taxClasses)
    .where(and(eq(taxClasses.storeId, storeId), eq(taxClasses.handle, handle)));
  const [found] = options.forUpdate ? await query.for('update') : await query;
  if (!found) throw notFound('Tax class', { handle });
  return found;
}

/** Throws 422 `unknown_tax_class` naming the handles the store has no class for. */
export async function requireTaxClasses(db: Db, storeId: string, handles: Iterable<string>): Promise<void> {
  const wanted = [...new Set(handles)];
  if (wanted.length === 0) return;
  if (wanted.includes(standardTaxClass)) await ensureStandardClass(db, storeId);
  const rows = await db
    .select({ handle: taxClasses.handle })
    .from(taxClasses)
    .where(and(eq(taxClasses.storeId, storeId), inArray(taxClasses.handle, wanted)));
  const known = new Set(rows.map((row) => row.handle));
  const unknown = wanted.filter((handle) => !known.has(handle));
  if (unknown.length > 0) {
    throw unprocessable('unknown_tax_class', `No tax class ${unknown.join(', ')} in this store.`, {
      taxClasses: unknown,
    });
  }
}

export async function createTaxClass(
  tx: Db,
  storeId: string,
  actor: Actor,
  input: z.input<typeof createTaxClassInput>,
): Promise<TaxClass> {
  const data = createTaxClassInput.parse(input);
  await ensureStandardClass(tx, storeId);
  let created: TaxClass;
  try {
    [created] = (await tx
      .insert(taxClasses)
      .values({ storeId, ...data })
      .returning()) as [TaxClass];
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw conflict('tax_class_taken', `The store already has a tax class ${data.handle}.`, {
        path: 'handle',
      });
    }
    throw err;
  }
  await recordAudit(tx, actor, {
    storeId,
    action: 'tax.class_created',
    entityType: 'tax_class',
    entityId: created.handle,
    after: created,
  });
  await emitTaxUpdated(tx, storeId, 'classes', { taxClass: created.handle });
  return created;
}

/** Renames a class; its handle never changes (rates, products and CSV files name it). */
export async function updateTaxClass(
  tx: Db,
  storeId: string,
  actor: Actor,
  handle: string,
  input: z.input<typeof updateTaxClassInput>,
): Promise<TaxClass> {
  const data = updateTaxClassInput.parse(input);
  const before = await getTaxClass(tx, storeId, handle, { forUpdate: true });
  const [after] = await tx
    .update(taxClasses)
    .set({ name: data.name, updatedAt: now() })
    .where(and(eq(taxClasses.storeId, storeId), eq(taxClasses.handle, handle)))
    .returning();
  await recordAudit(tx, actor, {
    storeId,
    action: 'tax.class_updated',
    entityType: 'tax_class',
    entityId: handle,
    before,
    after,
  });
  await emitTaxUpdated(tx, storeId, 'classes', { taxClass: handle });
  return after!;
}

/**
 * Deletes a class nothing uses. 409 `standard_class_required` for 'standard'; 409 `tax_class_in_use`
 * with the counts when rates, products or the shipping setting name it. Rows of products the
 * catalog no longer has do not count and go with the class.
 */
export async function deleteTaxClass(tx: Db, storeId: string, actor: Actor, handle: string): Promise<void> {
  if (handle === standardTaxClass) {
    throw conflict(
      'standard_class_required',
      "The standard class is every product's default; it cannot go.",
      {
        handle,
      },
    );
  }
  const before = await getTaxClass(tx, storeId, handle, { forUpdate: true });
  const [usage] = resultRows<{ rates: number; shipping: boolean }>(
    await tx.execute(sql`
      select (select count(*)::int from tax_rates where store_id = ${storeId} and class_handle = ${handle}) as rates,
             exists(select 1 from tax_settings where store_id = ${storeId} and shipping_tax_class = ${handle}) as shipping`),
  );
  const products = await liveProductsOfClass(tx, storeId, handle);
  if (usage!.rates > 0 || usage!.shipping || products.live > 0) {
    throw conflict(
      'tax_class_in_use',
      `The class ${handle} is still in use; move its rates and products first.`,
      {
        handle,
        rates: usage!.rates,
        products: products.live,
        shipping: Boolean(usage!.shipping),
      },
    );
  }
  await tx
    .delete(taxProductClasses)
    .where(and(eq(taxProductClasses.storeId, storeId), eq(taxProductClasses.classHandle, handle)));
  await tx.delete(taxClasses).where(and(eq(taxClasses.storeId, storeId), eq(taxClasses.handle, handle)));
  await recordAudit(tx, actor, {
    storeId,
    action: 'tax.class_deleted',
    entityType: 'tax_class',
    entityId: handle,
    before: { ...before, staleProductRows: products.stale },
  });
  await emitTaxUpdated(tx, storeId, 'classes', { taxClass: handle, deleted: true });
}

/** Products assigned the class that the catalog still has, and the count of rows left by deleted ones. */
async function liveProductsOfClass(tx: Db, storeId: string, handle: string) {
  const rows = await tx
    .select({ productId: taxProductClasses.productId })
    .from(taxProductClasses)
    .where(and(eq(taxProductClasses.storeId, storeId), eq(taxProductClasses.classHandle, handle)));
  let live = 0;
  for (let i = 0; i < rows.length; i += productBatch) {
    const ids = rows.slice(i, i + productBatch).map((row) => row.productId);
    live += (await findProductIds(tx, storeId, ids)).size;
  }
  return { live, stale: rows.length - live };
}
