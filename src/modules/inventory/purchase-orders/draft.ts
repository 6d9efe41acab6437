import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { now } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/database.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { recordAudit } from '../../access/index.ts';
import { findStockVariants } from '../../catalog/index.ts';
import { requireLocations } from '../locations/locations.ts';
import { purchaseOrderLines, purchaseOrders, suppliers } from '../schema.ts';
import { nextNumber } from '../sequences.ts';
import { findSupplierVariants } from '../suppliers/supplier-variants.ts';
import type { Supplier } from '../suppliers/suppliers.ts';
import {
  linesOf,
  lockPurchaseOrder,
  type PurchaseOrder,
  type PurchaseOrderLine,
  type PurchasingContext,
  purchaseOrderLabel,
  requireState,
} from './purchase-order-records.ts';

const id = z.string().min(1).max(64);

export const purchaseOrderLineInput = z
  .object({
    variantId: id,
    /** Units; a whole number of the supplier's packs, at least its minimum for the variant. */
    quantity: z.number().int().min(1).max(1_000_000),
    /** Per unit in minor units of the supplier's currency; its catalog cost when left out. */
    unitCost: z
      .object({ amount: z.number().int().min(0).max(1_000_000_000_000) })
      .strict()
      .optional(),
    /** Its catalog SKU when left out. */
    supplierSku: z.string().trim().min(1).max(64).optional(),
  })
  .strict();

const orderFields = {
  locationId: id,
  /** YYYY-MM-DD. */
  expectedOn: z.iso.date().nullish(),
  note: z
    .string()
    .trim()
    .max(2000)
    .nullish()
    .transform((v) => (v ? v : null)),
  /** Store base currency per one unit of the supplier's currency; only when they differ. */
  exchangeRate: z
    .number()
    .positive('The exchange rate is more than 0.')
    .max(
      1_000_000,
      'The exchange rate is at most 1,000,000 (the store currency per 1 unit of the order currency).',
    )
    .optional(),
  lines: z.array(purchaseOrderLineInput).max(500),
};

export const createPurchaseOrderInput = z
  .object({ supplierId: id, ...orderFields, lines: orderFields.lines.default([]) })
  .strict();
export type CreatePurchaseOrderInput = z.input<typeof createPurchaseOrderInput>;

/** Lines, location and rate change only while the order is a draft; the expected date and note later too. */
export const updatePurchaseOrderInput = z.object(orderFields).partial().strict();
export type UpdatePurchaseOrderInput = z.input<typeof updatePurchaseOrderInput>;

type LineInput = z.output<typeof purchaseOrderLineInput>;

/**
 * Creates a draft purchase order: the supplier's currency, the next number (PO-1001…), lines checked
 * against the supplier's catalog (`planLines`). Audited.
 */
export async function createPurchaseOrder(
  tx: Db,
  ctx: PurchasingContext,
  input: CreatePurchaseOrderInput,
): Promise<PurchaseOrder> {
  const data = createPurchaseOrderInput.parse(input);
  const storeId = ctx.store.id;
  const supplier = await orderableSupplier(tx, storeId, data.supplierId);
  await requireLocations(tx, storeId, [data.locationId], { active: true, path: 'locationId' });
  const exchangeRate = resolveExchangeRate(ctx.store.baseCurrency, supplier.currency, data.exchangeRate);
  const lines = await planLines(tx, storeId, supplier, data.lines);
  const number = await nextNumber(tx, storeId, 'purchase_order');
  const [order] = await tx
    .insert(purchaseOrders)
    .values({
      id: newId('purchaseOrder'),
      storeId,
      number,
      supplierId: supplier.id,
      locationId: data.locationId,
      currency: supplier.currency,
      exchangeRate,
      expectedOn: data.expectedOn ?? null,
      note: data.note,
    })
    .returning();
  const written = await insertLines(tx, order!, lines);
  await recordAudit(tx, ctx.actor, {
    storeId,
    action: 'purchase_order.created',
    entityType: 'purchase_order',
    entityId: order!.id,
    after: { ...order, label: purchaseOrderLabel(number), lines: written },
  });
  return order!;
}

/**
 * Changes an order. A draft takes any change (new lines replace the old ones, checked as on
 * creation); a sent or part-received order only its expected date and note (409
 * `purchase_order_not_draft` for the rest); a received or cancelled one nothing. Audited.
 */
export async function updatePurchaseOrder(
  tx: Db,
  ctx: PurchasingContext,
  id: string,
  input: UpdatePurchaseOrderInput,
): Promise<PurchaseOrder> {
  const data = updatePurchaseOrderInput.parse(input);
  const storeId = ctx.store.id;
  const before = await lockPurchaseOrder(tx, storeId, id);
  const changesTerms =
    data.lines !== undefined || data.locationId !== undefined || data.exchangeRate !== undefined;
  requireState(before, changesTerms ? ['draft'] : ['draft', 'sent', 'partially_received'], {
    code: 'purchase_order_not_draft',
    message: 'Lines, delivery location and exchange rate can only change while the order is a draft.',
  });
  const beforeLines = await linesOf(tx, id);
  const [supplier] = await tx.select().from(suppliers).where(eq(suppliers.id, before.supplierId));
  if (data.locationId !== undefined) {
    await requireLocations(tx, storeId, [data.locationId], { active: true, path: 'locationId' });
  }
  const exchangeRate =
    data.exchangeRate === undefined
      ? undefined
      : resolveExchangeRate(ctx.store.baseCurrency, before.currency, data.exchangeRate);
  let afterLines = beforeLines;
  if (data.lines !== undefined) {
    const planned = await planLines(tx, storeId, supplier!, data.lines);
    await tx.delete(purchaseOrderLines).where(eq(purchaseOrderLines.purchaseOrderId, id));
    afterLines = await insertLines(tx, before, planned);
  }
  const [after] = await tx
    .update(purchaseOrders)
    .set({
      ...(data.locationId !== undefined ? { locationId: data.locationId } : {}),
      ...(data.expectedOn !== undefined ? { expectedOn: data.expectedOn } : {}),
      ...(data.note !== undefined ? { note: data.note } : {}),
      ...(exchangeRate !== undefined ? { exchangeRate } : {}),
      updatedAt: now(),
    })
    .where(and(eq(purchaseOrders.storeId, storeId), eq(purchaseOrders.id, id)))
    .returning();
  await recordAudit(tx, ctx.actor, {
    storeId,
    action: 'purchase_order.updated',
    entityType: 'purchase_order',
    entityId: id,
    before: { ...before, lines: beforeLines },
    after: { ...after, lines: afterLines },
  });
  return after!;
}

/** The store's supplier named in a request body, active (422 `unknown_supplier` / `supplier_inactive`). */
async function orderableSupplier(tx: Db, storeId: string, supplierId: string): Promise<Supplier> {
  const [supplier] = await tx
    .select()
    .from(suppliers)
    .where(and(eq(suppliers.storeId, storeId), eq(suppliers.id, supplierId)));
  if (!supplier) {
    throw unprocessable('unknown_supplier', `No supplier ${supplierId} in this store.`, {
      path: 'supplierId',
      id: supplierId,
    });
  }
  if (!supplier.active) {
    throw unprocessable('supplier_inactive', `${supplier.name} is not active.`, { path: 'supplierId' });
  }
  return supplier;
}

/**
 * The order's exchange rate: 1 when the supplier bills in the store's base currency (another rate is
 * refused), and a rate the caller gives when it does not (`exchange_rate_required`, 422).
 */
export function resolveExchangeRate(baseCurrency: string, orderCurrency: string, given?: number): number {
  if (orderCurrency === baseCurrency) {
    if (given !== undefined && given !== 1) {
      throw unprocessable(
        'exchange_rate_not_applicable',
        `The supplier bills in ${baseCurrency}, the store's own currency: the rate is 1.`,
        { path: 'exchangeRate' },
      );
    }
    return 1;
  }
  if (given === undefined) {
    throw unprocessable(
      'exchange_rate_required',
      `The supplier bills in ${orderCurrency}: give the rate in ${baseCurrency} per 1 ${orderCurrency}.`,
      { path: 'exchangeRate', currency: orderCurrency, baseCurrency },
    );
  }
  return given;
}

interface PlannedLine {
  variantId: string;
  supplierSku: string | null;
  quantityOrdered: number;
  unitCostAmount: number;
}

/**
 * Checks lines against the store's catalog and the supplier's terms, with the path of the line at
 * fault (422): the variant must be the store's and listed once; the quantity a whole number of the
 * supplier's packs (`not_pack_multiple`, with the next valid quantity) and at least its minimum for
 * the variant (`below_minimum_order_quantity`). The unit cost and supplier SKU default to the
 * supplier's catalog; a variant it does not list needs a unit cost.
 */
async function planLines(
  tx: Db,
  storeId: string,
  supplier: Supplier,
  lines: readonly LineInput[],
): Promise<PlannedLine[]> {
  const variantIds = lines.map((l) => l.variantId);
  const known = await findStockVariants(tx, storeId, variantIds);
  const terms = await findSupplierVariants(tx, supplier.id, variantIds);
  const seen = new Set<string>();
  return lines.map((line, index) => {
    const path = `lines.${index}`;
    if (!known.has(line.variantId)) {
      throw unprocessable('unknown_variant', `No variant ${line.variantId} in this store.`, {
        path: `${path}.variantId`,
        id: line.variantId,
      });
    }
    if (seen.has(line.variantId)) {
      throw unprocessable('duplicate_variant', 'Each variant can be on an order once.', {
        path: `${path}.variantId`,
        id: line.variantId,
      });
    }
    seen.add(line.variantId);
    const catalog = terms.get(line.variantId);
    const packSize = catalog?.packSize ?? 1;
    const minimum = catalog?.minimumOrderQuantity ?? 1;
    if (line.quantity % packSize !== 0) {
      throw unprocessable(
        'not_pack_multiple',
        `${supplier.name} sells this in packs of ${packSize}: order a multiple of ${packSize}.`,
        {
          path: `${path}.quantity`,
          packSize,
          suggestedQuantity: Math.max(
            roundUpToPack(line.quantity, packSize),
            roundUpToPack(minimum, packSize),
          ),
        },
      );
    }
    if (line.quantity < minimum) {
      throw unprocessable(
        'below_minimum_order_quantity',
        `${supplier.name} takes orders of at least ${minimum} of this.`,
        {
          path: `${path}.quantity`,
          minimumOrderQuantity: minimum,
          suggestedQuantity: roundUpToPack(minimum, packSize),
        },
      );
    }
    const unitCostAmount = line.unitCost?.amount ?? catalog?.costAmount;
    if (unitCostAmount === undefined) {
      throw unprocessable(
        'unit_cost_required',
        `${supplier.name} has no price for this variant: give the unit cost.`,
        { path: `${path}.unitCost` },
      );
    }
    return {
      variantId: line.variantId,
      supplierSku: line.supplierSku ?? catalog?.supplierSku ?? null,
      quantityOrdered: line.quantity,
      unitCostAmount,
    };
  });
}

function roundUpToPack(quantity: number, packSize: number): number {
  return Math.ceil(quantity / packSize) * packSize;
}

async function insertLines(tx: Db, order: PurchaseOrder, lines: PlannedLine[]): Promise<PurchaseOrderLine[]> {
  if (lines.length === 0) return [];
  // Ids sorted before use, so ordering lines by id gives them back in the order they were entered.
  const ids = lines.map(() => newId('purchaseOrderLine')).sort();
  return tx
    .insert(purchaseOrderLines)
    .values(
      lines.map((line, index) => ({
        id: ids[index]!,
        purchaseOrderId: order.id,
        storeId: order.storeId,
        ...line,
      })),
    )
    .returning();
}
