import { and, asc, eq, getTableColumns, sql } from 'drizzle-orm';
import { z } from 'zod';
import { now } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/database.ts';
import { resultRows } from '../../../platform/db/result-rows.ts';
import { conflict, isUniqueViolation, notFound } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { isCurrencyCode } from '../../../platform/money.ts';
import { type Actor, recordAudit } from '../../access/index.ts';
import { locationAddressInput } from '../locations/locations.ts';
import { purchaseOrders, suppliers, supplierVariants } from '../schema.ts';

export type Supplier = typeof suppliers.$inferSelect;

export const orderFormats = ['pdf', 'csv'] as const;
export type OrderFormat = (typeof orderFormats)[number];

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

/** Fields without defaults, so an update that leaves one out leaves it as it is. */
const supplierFields = {
  name: z.string().trim().min(1).max(120),
  contactName: optionalText(120),
  email: z.email('Not an e-mail address.').max(254).nullish(),
  phone: optionalText(40),
  address: locationAddressInput,
  currency: z
    .string()
    .transform((c) => c.toUpperCase())
    .refine(isCurrencyCode, 'Not an ISO 4217 currency code.'),
  leadTimeDays: z.number().int().min(0).max(365),
  /** Units over all lines of an order; null: no minimum. */
  minimumOrderQuantity: z.number().int().min(1).max(1_000_000).nullable(),
  orderFormat: z.enum(orderFormats),
  notes: z.string().trim().max(4000).nullish(),
  active: z.boolean(),
};

export const createSupplierInput = z
  .object({
    ...supplierFields,
    address: supplierFields.address.default({}),
    leadTimeDays: supplierFields.leadTimeDays.default(0),
    minimumOrderQuantity: supplierFields.minimumOrderQuantity.default(null),
    orderFormat: supplierFields.orderFormat.default('pdf'),
    active: supplierFields.active.default(true),
  })
  .strict();
export type CreateSupplierInput = z.input<typeof createSupplierInput>;

export const updateSupplierInput = z.object(supplierFields).partial().strict();
export type UpdateSupplierInput = z.input<typeof updateSupplierInput>;

export async function listSuppliers(db: Db, storeId: string, options: { active?: boolean } = {}) {
  return db
    .select({
      ...getTableColumns(suppliers),
      variantCount: sql<number>`(select count(*)::int from supplier_variants sv where sv.supplier_id = ${suppliers.id})`,
    })
    .from(suppliers)
    .where(
      and(
        eq(suppliers.storeId, storeId),
        options.active === undefined ? undefined : eq(suppliers.active, options.active),
      ),
    )
    .orderBy(asc(suppliers.name));
}

/** One of the store's suppliers; `forUpdate` locks it until the transaction ends. */
export async function getSupplier(
  db: Db,
  storeId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<Supplier> {
  const query = db
    .select()
    .from(suppliers)
    .where(and(eq(suppliers.storeId, storeId), eq(suppliers.id, id)));
  const [supplier] = options.forUpdate ? await query.for('update') : await query;
  if (!supplier) throw notFound('Supplier', { id });
  return supplier;
}

export async function createSupplier(
  tx: Db,
  storeId: string,
  actor: Actor,
  input: CreateSupplierInput,
): Promise<Supplier> {
  const data = createSupplierInput.parse(input);
  const supplier = await writeUnique(async () => {
    const [row] = await tx
      .insert(suppliers)
      .values({ id: newId('supplier'), storeId, ...data })
      .returning();
    return row!;
  });
  await recordAudit(tx, actor, {
    storeId,
    action: 'supplier.created',
    entityType: 'supplier',
    entityId: supplier.id,
    after: supplier,
  });
  return supplier;
}

/**
 * Changes a supplier. Its currency is fixed once it has catalog prices or purchase orders: those
 * amounts are in that currency, and relabelling them would change what they mean.
 */
export async function updateSupplier(
  tx: Db,
  storeId: string,
  actor: Actor,
  id: string,
  input: UpdateSupplierInput,
): Promise<Supplier> {
  const data = updateSupplierInput.parse(input);
  const before = await getSupplier(tx, storeId, id, { forUpdate: true });
  if (data.currency && data.currency !== before.currency && (await hasPricesOrOrders(tx, id))) {
    throw conflict(
      'supplier_currency_locked',
      'This supplier has catalog prices or purchase orders in its currency; add a new supplier for another currency.',
      { path: 'currency', currency: before.currency },
    );
  }
  const after = await writeUnique(async () => {
    const [row] = await tx
      .update(suppliers)
      .set({ ...data, updatedAt: now() })
      .where(and(eq(suppliers.storeId, storeId), eq(suppliers.id, id)))
      .returning();
    return row!;
  });
  await recordAudit(tx, actor, {
    storeId,
    action: 'supplier.updated',
    entityType: 'supplier',
    entityId: id,
    before,
    after,
  });
  return after;
}

/**
 * Deletes a supplier and its catalog. One with purchase orders is kept for their history
 * (`supplier_in_use`, 409): deactivate it instead.
 */
export async function deleteSupplier(tx: Db, storeId: string, actor: Actor, id: string): Promise<void> {
  const before = await getSupplier(tx, storeId, id, { forUpdate: true });
  const [order] = await tx
    .select({ id: purchaseOrders.id })
    .from(purchaseOrders)
    .where(eq(purchaseOrders.supplierId, id))
    .limit(1);
  if (order) {
    throw conflict('supplier_in_use', 'This supplier has purchase orders; deactivate it instead.', {
      id,
    });
  }
  const catalog = await tx.delete(supplierVariants).where(eq(supplierVariants.supplierId, id)).returning();
  await tx.delete(suppliers).where(eq(suppliers.id, id));
  await recordAudit(tx, actor, {
    storeId,
    action: 'supplier.deleted',
    entityType: 'supplier',
    entityId: id,
    before: { ...before, variants: catalog },
  });
}

async function hasPricesOrOrders(tx: Db, supplierId: string): Promise<boolean> {
  const [row] = resultRows<{ used: boolean }>(
    await tx.execute(sql`
      select exists(select 1 from supplier_variants where supplier_id = ${supplierId})
          or exists(select 1 from purchase_orders where supplier_id = ${supplierId}) as used`),
  );
  return Boolean(row?.used);
}

async function writeUnique<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw conflict('supplier_name_taken', 'Another supplier of this store has this name.', {
        path: 'name',
      });
    }
    throw err;
  }
}
