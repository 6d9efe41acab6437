import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { now } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/database.ts';
import { notFound, unprocessable } from '../../../platform/errors.ts';
import { type Actor, recordAudit } from '../../access/index.ts';
import { findStockVariants } from '../../catalog/index.ts';
import { supplierVariants } from '../schema.ts';
import { getSupplier } from './suppliers.ts';

export type SupplierVariant = typeof supplierVariants.$inferSelect;

const minorUnits = z
  .number()
  .int('Send the cost in minor units of the supplier currency (an integer).')
  .min(0)
  .max(1_000_000_000_000);

export const supplierVariantInput = z
  .object({
    variantId: z.string().min(1).max(64),
    supplierSku: z
      .string()
      .trim()
      .max(64)
      .nullish()
      .transform((v) => (v ? v : null)),
    /** Per unit, in minor units of the supplier's currency. */
    cost: z.object({ amount: minorUnits }).strict(),
    /** The supplier sells whole packs of this many units. */
    packSize: z
      .number()
      .int('A pack holds a whole number of units.')
      .min(1, 'A pack holds at least 1 unit.')
      .max(100_000, 'A pack holds at most 100,000 units.')
      .default(1),
    minimumOrderQuantity: z
      .number()
      .int('The minimum is a whole number of units.')
      .min(1, 'The minimum is at least 1 unit.')
      .max(1_000_000, 'The minimum is at most 1,000,000 units.')
      .default(1),
    /** Reorder this variant from this supplier; marking one supplier preferred unmarks the others. */
    preferred: z.boolean().default(false),
  })
  .strict();

export const upsertSupplierVariantsInput = z
  .object({ items: z.array(supplierVariantInput).min(1).max(500) })
  .strict();
export type UpsertSupplierVariantsInput = z.input<typeof upsertSupplierVariantsInput>;

/** A supplier's catalog as the admin shows it: the variant's names next to the supplier's terms. */
export async function listSupplierVariants(db: Db, storeId: string, supplierId: string) {
  const supplier = await getSupplier(db, storeId, supplierId);
  const rows = await db
    .select()
    .from(supplierVariants)
    .where(and(eq(supplierVariants.storeId, storeId), eq(supplierVariants.supplierId, supplierId)))
    .orderBy(asc(supplierVariants.variantId));
  const variants = await findStockVariants(
    db,
    storeId,
    rows.map((r) => r.variantId),
  );
  return rows.map((row) => {
    const variant = variants.get(row.variantId);
    return {
      variantId: row.variantId,
      productTitle: variant?.productTitle ?? null,
      variantTitle: variant?.title ?? null,
      sku: variant?.sku ?? null,
      supplierSku: row.supplierSku,
      cost: { amount: row.costAmount, currency: supplier.currency },
      packSize: row.packSize,
      minimumOrderQuantity: row.minimumOrderQuantity,
      preferred: row.preferred,
      updatedAt: row.updatedAt,
    };
  });
}

/** The supplier's terms for the variants among `variantIds` that it sells. */
export async function findSupplierVariants(
  db: Db,
  supplierId: string,
  variantIds: readonly string[],
): Promise<Map<string, SupplierVariant>> {
  const ids = [...new Set(variantIds)];
  if (ids.length === 0) return new Map();
  const rows = await db
    .select()
    .from(supplierVariants)
    .where(and(eq(supplierVariants.supplierId, supplierId), inArray(supplierVariants.variantId, ids)));
  return new Map(rows.map((r) => [r.variantId, r]));
}

/**
 * Adds or changes the supplier's terms for the listed variants (others are kept). The variants must
 * be the store's (`unknown_variant`, 422, with the item's path) and listed once each.
 */
export async function upsertSupplierVariants(
  tx: Db,
  storeId: string,
  actor: Actor,
  supplierId: string,
  input: UpsertSupplierVariantsInput,
): Promise<void> {
  const { items } = upsertSupplierVariantsInput.parse(input);
  await getSupplier(tx, storeId, supplierId, { forUpdate: true });
  const known = await findStockVariants(
    tx,
    storeId,
    items.map((i) => i.variantId),
  );
  const seen = new Set<string>();
  for (const [index, item] of items.entries()) {
    if (!known.has(item.variantId)) {
      throw unprocessable('unknown_variant', `No variant ${item.variantId} in this store.`, {
        path: `items.${index}.variantId`,
        id: item.variantId,
      });
    }
    if (seen.has(item.variantId)) {
      throw unprocessable('duplicate_variant', 'Each variant can be listed once.', {
        path: `items.${index}.variantId`,
        id: item.variantId,
      });
    }
    seen.add(item.variantId);
  }
  const before = await findSupplierVariants(tx, supplierId, [...seen]);
  const values = items.map((item) => ({
    supplierId,
    variantId: item.variantId,
    storeId,
    supplierSku: item.supplierSku,
    costAmount: item.cost.amount,
    packSize: item.packSize,
    minimumOrderQuantity: item.minimumOrderQuantity,
    preferred: item.preferred,
    updatedAt: now(),
  }));
  const after = await tx
    .insert(supplierVariants)
    .values(values)
    .onConflictDoUpdate({
      target: [supplierVariants.supplierId, supplierVariants.variantId],
      set: {
        supplierSku: sql`excluded.supplier_sku`,
        costAmount: sql`excluded.cost_amount`,
        packSize: sql`excluded.pack_size`,
        minimumOrderQuantity: sql`excluded.minimum_order_quantity`,
        preferred: sql`excluded.preferred`,
        updatedAt: sql`excluded.updated_at`,
      },
    })
    .returning();
  // One preferred supplier per variant: the one just marked wins.
  const preferred = items.filter((i) => i.preferred).map((i) => i.variantId);
  if (preferred.length > 0) {
    await tx
      .update(supplierVariants)
      .set({ preferred: false, updatedAt: now() })
      .where(
        and(
          eq(supplierVariants.storeId, storeId),
          inArray(supplierVariants.variantId, preferred),
          ne(supplierVariants.supplierId, supplierId),
          eq(supplierVariants.preferred, true),
        ),
      );
  }
  await recordAudit(tx, actor, {
    storeId,
    action: 'supplier.variants_updated',
    entityType: 'supplier',
    entityId: supplierId,
    before: [...before.values()],
    after,
  });
}

/** Removes one variant from the supplier's catalog (404 when it is not in it). */
export async function removeSupplierVariant(
  tx: Db,
  storeId: string,
  actor: Actor,
  supplierId: string,
  variantId: string,
): Promise<void> {
  await getSupplier(tx, storeId, supplierId, { forUpdate: true });
  const [removed] = await tx
    .delete(supplierVariants)
    .where(and(eq(supplierVariants.supplierId, supplierId), eq(supplierVariants.variantId, variantId)))
    .returning();
  if (!removed) throw notFound('Supplier variant', { supplierId, variantId });
  await recordAudit(tx, actor, {
    storeId,
    action: 'supplier.variant_removed',
    entityType: 'supplier',
    entityId: supplierId,
    before: removed,
  });
}
