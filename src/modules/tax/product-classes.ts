import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { cachedConfigMany } from '../../platform/cache/index.ts';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { prepared } from '../../platform/db/prepared.ts';
import { pgErrorCode, unprocessable } from '../../platform/errors.ts';
import { type Actor, recordAuditEntries } from '../access/index.ts';
import { findProductIds } from '../catalog/index.ts';
import { standardTaxClass, taxProductClasses } from './schema.ts';
import { requireTaxClasses, taxClassHandle } from './tax-classes.ts';
import { emitTaxUpdated, taxTopic } from './tax-events.ts';

/** Products one call may move to a class. */
export const maxProductsPerAssignment = 1000;

const productId = z.string().trim().min(1).max(64);

export const assignProductTaxClassInput = z
  .object({
    productIds: z
      .array(productId)
      .min(1)
      .max(maxProductsPerAssignment)
      .transform((ids) => [...new Set(ids)]),
    /** 'standard' takes the products back to the default. */
    taxClass: taxClassHandle,
  })
  .strict();
export type AssignProductTaxClassInput = z.input<typeof assignProductTaxClassInput>;

export const listProductTaxClassesQuery = z
  .object({
    /** Comma-separated product ids: each with its class (standard when it has none). */
    productIds: z
      .string()
      .max(maxProductsPerAssignment * 70)
      .transform((s) => [
        ...new Set(
          s
            .split(',')
            .map((id) => id.trim())
            .filter(Boolean),
        ),
      ])
      .refine(
        (ids) => ids.length <= maxProductsPerAssignment,
        `At most ${maxProductsPerAssignment} products.`,
      )
      .optional(),
    /** Without product ids: the products assigned this class, a page at a time. */
    taxClass: taxClassHandle.optional(),
    after: productId.optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
  })
  .strict();

// Every pricing of a cart reads its products' classes: built once (platform/db/prepared.ts); the ids
// go as one array, however many.
const classesOfProducts = (db: Db, name: string) =>
  db
    .select({ productId: taxProductClasses.productId, classHandle: taxProductClasses.classHandle })
    .from(taxProductClasses)
    .where(
      and(
        eq(taxProductClasses.storeId, sql.placeholder('storeId')),
        sql`${taxProductClasses.productId} = any(${sql.placeholder('ids')}::text[])`,
      ),
    )
    .prepare(name);

/**
 * Every product id given → its tax class ('standard' unless assigned another). For carts and orders:
 * each product's class is kept in the process's configuration cache until the store's tax setup
 * changes (class assignments announce `tax:<store>`).
 */
export async function taxClassesOfProducts(
  db: Db,
  storeId: string,
  productIds: readonly string[],
): Promise<Map<string, string>> {
  const ids = [...new Set(productIds)];
  if (ids.length === 0) return new Map();
  const found = await cachedConfigMany(
    ids,
    (id) => `${storeId}:tax-class-of:${id}`,
    [taxTopic(storeId)],
    async (missing) => {
      const classes = new Map(missing.map((id) => [id, { handle: standardTaxClass as string }]));
      const rows = await prepared(db, 'tax_classes_of_products', classesOfProducts).execute({
        storeId,
        ids: missing,
      });
      for (const row of rows) classes.set(row.productId, { handle: row.classHandle });
      return classes;
    },
  );
  return new Map(ids.map((id) => [id, found.get(id)?.handle ?? standardTaxClass]));
}

/** Products assigned a class other than standard, by product id (`after` for the next page). */
export async function listProductTaxClasses(
  db: Db,
  storeId: string,
  query: { taxClass?: string; after?: string; limit: number },
) {
  const rows = await db
    .select({ productId: taxProductClasses.productId, taxClass: taxProductClasses.classHandle })
    .from(taxProductClasses)
    .where(
      and(
        eq(taxProductClasses.storeId, storeId),
        query.taxClass ? eq(taxProductClasses.classHandle, query.taxClass) : undefined,
        query.after ? gt(taxProductClasses.productId, query.after) : undefined,
      ),
    )
    .orderBy(asc(taxProductClasses.productId))
    .limit(query.limit);
  return { items: rows, nextAfter: rows.length === query.limit ? rows.at(-1)!.productId : null };
}

/**
 * Puts products into a class, all or none. Errors: 422 `unknown_products` naming the ids the
 * catalog does not have in this store; 422 `unknown_tax_class`. Each product whose class changes
 * gets an audit entry; one `tax.updated` lists them.
 */
export async function assignProductTaxClass(
  tx: Db,
  storeId: string,
  actor: Actor,
  input: AssignProductTaxClassInput,
): Promise<{ changed: number; unchanged: number }> {
  const { productIds, taxClass } = assignProductTaxClassInput.parse(input);
  await requireTaxClasses(tx, storeId, [taxClass]);
  const known = await findProductIds(tx, storeId, productIds);
  const unknown = productIds.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw unprocessable('unknown_products', `${unknown.length} product(s) are not in this store.`, {
      productIds: unknown.slice(0, 100),
      count: unknown.length,
    });
  }
  const before = await taxClassesOfProducts(tx, storeId, productIds);
  const moving = productIds.filter((id) => before.get(id) !== taxClass);
  if (moving.length === 0) return { changed: 0, unchanged: productIds.length };

  if (taxClass === standardTaxClass) {
    await tx
      .delete(taxProductClasses)
      .where(and(eq(taxProductClasses.storeId, storeId), inArray(taxProductClasses.productId, moving)));
  } else {
    const rows = moving.map((id) => ({
      storeId,
      productId: id,
      classHandle: taxClass,
      updatedAt: now(),
    }));
    try {
      await tx
        .insert(taxProductClasses)
        .values(rows)
        .onConflictDoUpdate({
          target: [taxProductClasses.storeId, taxProductClasses.productId],
          set: { classHandle: taxClass, updatedAt: now() },
        });
    } catch (err) {
      // The class went between the check and the write (deleted at the same moment).
      if (pgErrorCode(err) === '23503') {
        throw unprocessable('unknown_tax_class', 'The tax class no longer exists.', { path: 'taxClass' });
      }
      throw err;
    }
  }
  await recordAuditEntries(
    tx,
    actor,
    moving.map((id) => ({
      storeId,
      action: 'tax.product_class_changed',
      entityType: 'product',
      entityId: id,
      before: { taxClass: before.get(id) },
      after: { taxClass },
    })),
  );
  await emitTaxUpdated(tx, storeId, 'product_classes', { taxClass, productIds: moving });
  return { changed: moving.length, unchanged: productIds.length - moving.length };
}
