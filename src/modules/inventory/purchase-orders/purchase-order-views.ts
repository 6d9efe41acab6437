import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../platform/db/database.ts';
import { notFound } from '../../../platform/errors.ts';
import { listMail } from '../../../platform/mail/index.ts';
import { findStockVariants } from '../../catalog/index.ts';
import {
  inventoryLocations,
  inventoryMovements,
  type PurchaseOrderState,
  purchaseOrderLines,
  purchaseOrderStates,
  purchaseOrders,
  suppliers,
} from '../schema.ts';
import { linesOf, type PurchaseOrder, purchaseOrderLabel } from './purchase-order-records.ts';

export const purchaseOrderListQuery = z.object({
  /** One state or several, comma-separated: `sent,partially_received`. */
  state: z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(purchaseOrderStates)).min(1))
    .optional(),
  supplierId: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export interface PurchaseOrderFilter {
  state?: readonly PurchaseOrderState[];
  supplierId?: string;
  limit?: number;
  offset?: number;
}

const money = (amount: number, currency: string) => ({ amount, currency });

/** Orders newest first, with their supplier, location, totals and how much has arrived. */
export async function listPurchaseOrders(db: Db, storeId: string, filter: PurchaseOrderFilter = {}) {
  const where = and(
    eq(purchaseOrders.storeId, storeId),
    filter.state ? inArray(purchaseOrders.state, [...filter.state]) : undefined,
    filter.supplierId ? eq(purchaseOrders.supplierId, filter.supplierId) : undefined,
  );
  const totals = db
    .select({
      purchaseOrderId: purchaseOrderLines.purchaseOrderId,
      lineCount: sql<number>`count(*)::int`.as('line_count'),
      unitsOrdered: sql<number>`sum(${purchaseOrderLines.quantityOrdered})::int`.as('units_ordered'),
      unitsReceived: sql<number>`sum(${purchaseOrderLines.quantityReceived})::int`.as('units_received'),
      totalAmount:
        sql<string>`sum(${purchaseOrderLines.quantityOrdered}::bigint * ${purchaseOrderLines.unitCostAmount})`.as(
          'total_amount',
        ),
    })
    .from(purchaseOrderLines)
    .where(eq(purchaseOrderLines.storeId, storeId))
    .groupBy(purchaseOrderLines.purchaseOrderId)
    .as('totals');
  const [rows, [total]] = await Promise.all([
    db
      .select({
        order: purchaseOrders,
        supplierName: suppliers.name,
        locationName: inventoryLocations.name,
        lineCount: totals.lineCount,
        unitsOrdered: totals.unitsOrdered,
        unitsReceived: totals.unitsReceived,
        totalAmount: totals.totalAmount,
      })
      .from(purchaseOrders)
      .innerJoin(suppliers, eq(suppliers.id, purchaseOrders.supplierId))
      .innerJoin(inventoryLocations, eq(inventoryLocations.id, purchaseOrders.locationId))
      .leftJoin(totals, eq(totals.purchaseOrderId, purchaseOrders.id))
      .where(where)
      .orderBy(desc(purchaseOrders.number))
      .limit(filter.limit ?? 50)
      .offset(filter.offset ?? 0),
    db.select({ n: count() }).from(purchaseOrders).where(where),
  ]);
  return {
    items: rows.map((row) => ({
      ...orderView(row.order),
      supplier: { id: row.order.supplierId, name: row.supplierName },
      location: { id: row.order.locationId, name: row.locationName },
      lineCount: row.lineCount ?? 0,
      unitsOrdered: row.unitsOrdered ?? 0,
      unitsReceived: row.unitsReceived ?? 0,
      total: money(Number(row.totalAmount ?? 0), row.order.currency),
    })),
    total: Number(total?.n ?? 0),
  };
}

function orderView(order: PurchaseOrder) {
  return {
    id: order.id,
    number: order.number,
    label: purchaseOrderLabel(order.number),
    state: order.state,
    currency: order.currency,
    exchangeRate: order.exchangeRate,
    expectedOn: order.expectedOn,
    note: order.note,
    sentAt: order.sentAt,
    closedAt: order.closedAt,
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
  };
}

/**
 * One order as the admin shows it: supplier and location, lines with the variants' names, the
 * receipts booked against it (its ledger movements) and the mail sent for it.
 */
export async function getPurchaseOrder(db: Db, store: { id: string; baseCurrency: string }, id: string) {
  const storeId = store.id;
  const [row] = await db
    .select({ order: purchaseOrders, supplier: suppliers, location: inventoryLocations })
    .from(purchaseOrders)
    .innerJoin(suppliers, eq(suppliers.id, purchaseOrders.supplierId))
    .innerJoin(inventoryLocations, eq(inventoryLocations.id, purchaseOrders.locationId))
    .where(and(eq(purchaseOrders.storeId, storeId), eq(purchaseOrders.id, id)));
  if (!row) throw notFound('Purchase order', { id });
  const { order, supplier, location } = row;
  const lines = await linesOf(db, id);
  const variants = await findStockVariants(
    db,
    storeId,
    lines.map((l) => l.variantId),
  );
  const movements = await db
    .select()
    .from(inventoryMovements)
    .where(
      and(
        eq(inventoryMovements.storeId, storeId),
        eq(inventoryMovements.referenceType, 'purchase_order'),
        eq(inventoryMovements.referenceId, id),
      ),
    )
    .orderBy(asc(inventoryMovements.seq));
  const lineOfVariant = new Map(lines.map((l) => [l.variantId, l.id]));
  const mail = await listMail(db, storeId, { entityType: 'purchase_order', entityId: id, limit: 20 });
  return {
    ...orderView(order),
    supplier: {
      id: supplier.id,
      name: supplier.name,
      email: supplier.email,
      currency: supplier.currency,
      orderFormat: supplier.orderFormat,
    },
    location: { id: location.id, name: location.name, address: location.address },
    total: money(
      lines.reduce((n, l) => n + l.quantityOrdered * l.unitCostAmount, 0),
      order.currency,
    ),
    unitsOrdered: lines.reduce((n, l) => n + l.quantityOrdered, 0),
    unitsReceived: lines.reduce((n, l) => n + l.quantityReceived, 0),
    lines: lines.map((line) => {
      const variant = variants.get(line.variantId);
      return {
        id: line.id,
        variantId: line.variantId,
        productTitle: variant?.productTitle ?? null,
        variantTitle: variant?.title ?? null,
        sku: variant?.sku ?? null,
        supplierSku: line.supplierSku,
        quantityOrdered: line.quantityOrdered,
        quantityReceived: line.quantityReceived,
        quantityOpen: Math.max(line.quantityOrdered - line.quantityReceived, 0),
        unitCost: money(line.unitCostAmount, order.currency),
        lineTotal: money(line.quantityOrdered * line.unitCostAmount, order.currency),
      };
    }),
    receipts: movements.map((m) => ({
      movementId: m.id,
      lineId: lineOfVariant.get(m.variantId) ?? null,
      variantId: m.variantId,
      locationId: m.locationId,
      quantity: m.quantity,
      /** In the store's base currency, as the ledger keeps it. */
      unitCost: m.unitCostAmount === null ? null : money(m.unitCostAmount, store.baseCurrency),
      note: m.note,
      actorLabel: m.actorLabel,
      createdAt: m.createdAt,
    })),
    mail,
  };
}

export type PurchaseOrderDetail = Awaited<ReturnType<typeof getPurchaseOrder>>;
