import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { insertJsonRows } from '../../platform/db/json-rows-insert.ts';
import { resultRows } from '../../platform/db/result-rows.ts';
import { unprocessable } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { type Actor, recordAudit } from '../access/index.ts';
import { findStockVariants } from '../catalog/index.ts';
import { type MovementInput, recordMovements } from '../inventory/index.ts';
import { orderTaxLines } from './create-order.ts';
import { assertOrderArithmetic, type NewOrder, newOrderInput } from './new-order-input.ts';
import type { OrderLine, Refund } from './order-read.ts';
import {
  type FinancialStatus,
  type FulfilmentStatus,
  fulfilmentLines,
  fulfilments,
  type OrderStatus,
  orderEvents,
  orderLines,
  orderReturnLines,
  orderReturns,
  orders,
  type ReturnReason,
  refundLines,
  refunds,
} from './schema.ts';

/**
 * An order a store already had before its orders were kept here (a migration from another
 * platform, or the demo's simulated past): priced like checkout prices (`order`, whose amounts must
 * add up exactly as a placed order's do), paid in full when placed, and worked to its end.
 */
export interface HistoricalOrder {
  order: NewOrder;
  placedAt: Date;
  /** Cancelled before it shipped: the payment was voided and nothing left the shelf. */
  cancelledAt?: Date | null;
  /** The one parcel everything left in; none yet: the order still waits to be sent. */
  parcel?: { shippedAt: Date; deliveredAt: Date | null; carrier: string; trackingNumber: string } | null;
  /** One line (by position), sent back whole after delivery and refunded in full. */
  return?: {
    lineIndex: number;
    reason: ReturnReason;
    requestedAt: Date;
    refundedAt: Date;
    /** Back on the shelf (else written off). */
    restock: boolean;
  } | null;
}

/** What was written per order: enough for the analytics module's facts (`recordOrderFactsInBulk`). */
export interface ImportedOrder {
  id: string;
  number: number;
  placedAt: Date;
  cancelledAt: Date | null;
  customerId: string | null;
  currency: string;
  shippingTotal: number;
  taxTotal: number;
  total: number;
  taxesIncluded: boolean;
  source: 'storefront' | 'admin' | 'api';
  lines: Pick<OrderLine, 'id' | 'productId' | 'variantId' | 'quantity' | 'subtotal' | 'discount'>[];
  refunds: Pick<Refund, 'id' | 'createdAt' | 'amount'>[];
}

/** Rows per INSERT statement (one JSON parameter each). */
const chunk = 1_000;

/**
 * Writes orders from a store's past in a few multi-row statements, in the caller's transaction,
 * instead of placing each through checkout (which prices a cart, reserves stock and takes a
 * payment: about 0.15 s an order on the embedded database). The orders come out as placement and
 * the order services would have left them: numbered in the order given (which must be by
 * `placedAt`), paid, shipped in one parcel from `locationId` (or still waiting to be sent),
 * delivered, a line returned and refunded, or cancelled; each with its timeline. Stock: every order's units leave `locationId`
 * through the inventory ledger as `sale` movements, one per variant and store day (reference
 * `order_history`), restocked returns come back as `return` movements, so levels stay equal to the
 * ledger; a day that would sell more than is on the shelf is refused (409 `insufficient_stock`),
 * so the caller receives stock first, as the shop did. What is not written: payment records (the
 * order keeps its provider and financial status), outbox events per order (history sends no mail
 * and no webhooks) — the caller records the analytics facts from the result. Errors: 422
 * `order_totals_mismatch` (first bad order's index in `details.index`), 422 `invalid_order_history`.
 */
export async function importHistoricalOrders(
  tx: Db,
  store: { id: string; timezone: string },
  actor: Actor,
  locationId: string,
  history: readonly HistoricalOrder[],
): Promise<ImportedOrder[]> {
  if (history.length === 0) return [];
  const parsed = history.map((h, index) => {
    const data = newOrderInput.parse(h.order);
    try {
      assertOrderArithmetic(data);
    } catch (err) {
      if (err instanceof Error)
        Object.assign(err, { details: { ...(err as { details?: object }).details, index } });
      throw err;
    }
    checkMoments(h, index, data.lines.length);
    return data;
  });
  const [sequence] = resultRows<{ last: number }>(
    await tx.execute(sql`
      insert into order_sequences (store_id, last) values (${store.id}, ${1000 + history.length})
      on conflict (store_id) do update set last = order_sequences.last + ${history.length}
      returning last`),
  );
  const firstNumber = Number(sequence!.last) - history.length + 1;

  const orderRows: (typeof orders.$inferInsert)[] = [];
  const lineRows: (typeof orderLines.$inferInsert)[] = [];
  const eventRows: (typeof orderEvents.$inferInsert)[] = [];
  const parcelRows: (typeof fulfilments.$inferInsert)[] = [];
  const parcelLineRows: (typeof fulfilmentLines.$inferInsert)[] = [];
  const refundRows: (typeof refunds.$inferInsert)[] = [];
  const refundLineRows: (typeof refundLines.$inferInsert)[] = [];
  const returnRows: (typeof orderReturns.$inferInsert)[] = [];
  const returnLineRows: (typeof orderReturnLines.$inferInsert)[] = [];
  const imported: ImportedOrder[] = [];
  const event = (orderId: string, kind: string, message: string, at: Date, data = {}) =>
    eventRows.push({
      id: newId('orderEvent'),
      orderId,
      storeId: store.id,
      kind,
      message,
      data,
      actorLabel: actor.label,
      createdAt: at,
    });

  for (const [i, h] of history.entries()) {
    const data = parsed[i]!;
    const id = newId('order');
    const lines = data.lines.map((line, position) => ({
      id: newId('orderLine'),
      orderId: id,
      storeId: store.id,
      position,
      ...line,
      fulfilledQuantity: 0,
      refundedQuantity: 0,
      refundedAmount: 0,
      returnedQuantity: 0,
    }));
    const cancelledAt = h.cancelledAt ?? null;
    const parcel = cancelledAt ? null : (h.parcel ?? null);
    let refunded = 0;
    let lastStep = parcel?.deliveredAt ?? parcel?.shippedAt ?? h.placedAt;
    const orderRefunds: ImportedOrder['refunds'] = [];
    event(id, 'placed', 'Order placed (brought in with the store’s history).', h.placedAt, {
      provider: data.paymentProvider,
    });
    if (parcel) {
      const parcelId = newId('fulfilment');
      for (const line of lines) line.fulfilledQuantity = line.quantity;
      parcelRows.push({
        id: parcelId,
        orderId: id,
        storeId: store.id,
        status: parcel.deliveredAt ? 'delivered' : 'shipped',
        locationId,
        carrier: parcel.carrier,
        trackingNumber: parcel.trackingNumber,
        trackingUrl: null,
        shippedAt: parcel.shippedAt,
        deliveredAt: parcel.deliveredAt,
      });
      parcelLineRows.push(
        ...lines.map((l) => ({ fulfilmentId: parcelId, orderLineId: l.id, quantity: l.quantity })),
      );
      event(id, 'fulfilment', `Shipped with ${parcel.carrier}.`, parcel.shippedAt, {
        fulfilmentId: parcelId,
      });
      if (parcel.deliveredAt)
        event(id, 'delivery', 'Delivered.', parcel.deliveredAt, { fulfilmentId: parcelId });
    }
    if (h.return && parcel) {
      const line = lines[h.return.lineIndex]!;
      const refundId = newId('refund');
      const returnId = newId('orderReturn');
      refunded = line.total;
      line.refundedQuantity = line.quantity;
      line.refundedAmount = line.total;
      line.returnedQuantity = line.quantity;
      const restockAt = h.return.restock ? locationId : null;
      returnRows.push({
        id: returnId,
        orderId: id,
        storeId: store.id,
        status: 'closed',
        resolution: 'refund',
        refundId,
        requestedBy: 'customer',
        requestedAt: h.return.requestedAt,
        approvedAt: h.return.requestedAt,
        receivedAt: h.return.refundedAt,
        closedAt: h.return.refundedAt,
      });
      returnLineRows.push({
        returnId,
        orderLineId: line.id,
        quantity: line.quantity,
        reason: h.return.reason,
        receivedQuantity: line.quantity,
        disposition: h.return.restock ? 'restock' : 'write_off',
        locationId: restockAt,
      });
      refundRows.push({
        id: refundId,
        orderId: id,
        storeId: store.id,
        amount: line.total,
        currency: data.currency,
        reason: 'Returned',
        returnId,
        actorLabel: actor.label,
        createdAt: h.return.refundedAt,
      });
      refundLineRows.push({
        refundId,
        orderLineId: line.id,
        quantity: line.quantity,
        amount: line.total,
        restockLocationId: restockAt,
      });
      orderRefunds.push({ id: refundId, createdAt: h.return.refundedAt, amount: line.total });
      event(id, 'return', `Return of ${line.quantity} × ${line.title} received.`, h.return.refundedAt, {
        returnId,
      });
      event(id, 'refund', 'Refunded for the return.', h.return.refundedAt, { refundId, amount: line.total });
      lastStep = h.return.refundedAt;
    }
    const status: OrderStatus = cancelledAt ? 'cancelled' : parcel?.deliveredAt ? 'completed' : 'open';
    if (cancelledAt) event(id, 'cancelled', 'Cancelled at the customer’s request.', cancelledAt);
    const financialStatus: FinancialStatus = cancelledAt
      ? 'voided'
      : refunded === 0
        ? 'paid'
        : refunded === data.totals.total
          ? 'refunded'
          : 'partially_refunded';
    const fulfilmentStatus: FulfilmentStatus = !parcel
      ? 'unfulfilled'
      : parcel.deliveredAt
        ? 'delivered'
        : 'fulfilled';
    const number = firstNumber + i;
    orderRows.push({
      id,
      storeId: store.id,
      number,
      token: randomBytes(18).toString('base64url'),
      checkoutId: data.checkoutId,
      source: data.source,
      status,
      financialStatus,
      fulfilmentStatus,
      customerId: data.customerId,
      email: data.email,
      phone: data.phone,
      locale: data.locale,
      marketId: data.marketId,
      currency: data.currency,
      taxesIncluded: data.taxesIncluded,
      shippingAddress: data.shippingAddress,
      billingAddress: data.billingAddress,
      shipping: data.shipping,
      discounts: data.discounts,
      taxLines: orderTaxLines([...data.lines.flatMap((l) => l.taxLines), ...(data.shipping?.taxLines ?? [])]),
      subtotal: data.totals.subtotal,
      discountTotal: data.totals.discountTotal,
      shippingTotal: data.totals.shippingTotal,
      taxTotal: data.totals.taxTotal,
      total: data.totals.total,
      refundedAmount: refunded,
      reservationId: null,
      discountUsageRef: null,
      paymentProvider: data.paymentProvider,
      tags: [...new Set(data.tags)],
      note: data.note,
      cancelReason: cancelledAt ? 'customer' : null,
      placedAt: h.placedAt,
      cancelledAt,
      completedAt: status === 'completed' ? lastStep : null,
      createdAt: h.placedAt,
      updatedAt: cancelledAt ?? lastStep,
    });
    lineRows.push(...lines);
    imported.push({
      id,
      number,
      placedAt: h.placedAt,
      cancelledAt,
      customerId: data.customerId,
      currency: data.currency,
      shippingTotal: data.totals.shippingTotal,
      taxTotal: data.totals.taxTotal,
      total: data.totals.total,
      taxesIncluded: data.taxesIncluded,
      source: data.source,
      lines: lines.map((l) => ({
        id: l.id,
        productId: l.productId,
        variantId: l.variantId,
        quantity: l.quantity,
        subtotal: l.subtotal,
        discount: l.discount,
      })),
      refunds: orderRefunds,
    });
  }

  // Parents before children, so the foreign keys hold statement by statement.
  for (const [table, rows] of [
    [orders, orderRows],
    [orderLines, lineRows],
    [orderEvents, eventRows],
    [fulfilments, parcelRows],
    [fulfilmentLines, parcelLineRows],
    [orderReturns, returnRows],
    [orderReturnLines, returnLineRows],
    [refunds, refundRows],
    [refundLines, refundLineRows],
  ] as const) {
    for (let start = 0; start < rows.length; start += chunk) {
      await insertJsonRows(tx, table, rows.slice(start, start + chunk) as never);
    }
  }
  await moveHistoricalStock(tx, store, actor, locationId, history, parsed);
  await recordAudit(tx, actor, {
    storeId: store.id,
    action: 'order.history_imported',
    entityType: 'order',
    entityId: null,
    after: {
      orders: history.length,
      numbers: [firstNumber, firstNumber + history.length - 1],
      from: history[0]!.placedAt.toISOString(),
      to: history[history.length - 1]!.placedAt.toISOString(),
    },
  });
  return imported;
}

/** Moments in the order a shop's would happen, none in the future; orders by placement. */
function checkMoments(h: HistoricalOrder, index: number, lineCount: number): void {
  const problem = (message: string) => {
    throw unprocessable('invalid_order_history', message, { index });
  };
  const t = (d: Date | null | undefined) => d?.getTime() ?? null;
  const nowMs = Date.now();
  if (t(h.placedAt)! > nowMs) problem('An order from the history is placed in the future.');
  if (h.cancelledAt) {
    if (h.parcel || h.return) problem('A cancelled order cannot have shipped or been returned.');
    if (t(h.cancelledAt)! < t(h.placedAt)! || t(h.cancelledAt)! > nowMs) problem('Cancelled out of order.');
    return;
  }
  const p = h.parcel;
  if (!p) {
    if (h.return) problem('An order that has not shipped cannot have been returned.');
    return;
  }
  if (p.shippedAt < h.placedAt || (p.deliveredAt && p.deliveredAt < p.shippedAt))
    problem('Shipped or delivered before it was placed or shipped.');
  if (t(p.deliveredAt ?? p.shippedAt)! > nowMs) problem('Shipped or delivered in the future.');
  const r = h.return;
  if (r) {
    if (!p.deliveredAt || r.requestedAt < p.deliveredAt || r.refundedAt < r.requestedAt)
      problem('A return follows delivery, and its refund follows the return.');
    if (r.refundedAt.getTime() > nowMs) problem('Refunded in the future.');
    if (r.lineIndex < 0 || r.lineIndex >= lineCount) problem('The returned line is not on the order.');
  }
}

/**
 * The orders' units through the inventory ledger, one movement per variant, kind and store day,
 * stamped with the day's last order (or refund): units sold left the shelf when the order was
 * placed, restocked returns came back when they were refunded.
 */
async function moveHistoricalStock(
  tx: Db,
  store: { id: string; timezone: string },
  actor: Actor,
  locationId: string,
  history: readonly HistoricalOrder[],
  parsed: readonly { lines: { variantId: string | null; quantity: number }[] }[],
): Promise<void> {
  const dayOf = new Intl.DateTimeFormat('en-CA', { timeZone: store.timezone });
  const days = new Map<string, { at: Date; units: Map<string, number> }>();
  const add = (at: Date, kind: 'sale' | 'return', variantId: string, units: number) => {
    const key = `${dayOf.format(at)}|${kind}`;
    const day = days.get(key) ?? { at, units: new Map<string, number>() };
    if (at > day.at) day.at = at;
    day.units.set(variantId, (day.units.get(variantId) ?? 0) + units);
    days.set(key, day);
  };
  for (const [i, h] of history.entries()) {
    if (h.cancelledAt) continue;
    const lines = parsed[i]!.lines;
    for (const line of lines) if (line.variantId) add(h.placedAt, 'sale', line.variantId, -line.quantity);
    const back = h.return?.restock ? lines[h.return.lineIndex] : null;
    if (back?.variantId) add(h.return!.refundedAt, 'return', back.variantId, back.quantity);
  }
  const variantIds = [
    ...new Set(parsed.flatMap((o) => o.lines.flatMap((l) => (l.variantId ? [l.variantId] : [])))),
  ];
  const variants = await findStockVariants(tx, store.id, variantIds);
  const ordered = [...days].sort((a, b) => a[1].at.getTime() - b[1].at.getTime());
  for (const [key, day] of ordered) {
    const kind = key.endsWith('|sale') ? 'sale' : 'return';
    const movements: MovementInput[] = [...day.units].map(([variantId, quantity]) => ({
      variantId,
      locationId,
      kind,
      quantity,
      referenceType: 'order_history',
      note: kind === 'sale' ? 'Orders of the day (store history)' : 'Returns of the day (store history)',
    }));
    await recordMovements(tx, store.id, actor, movements, { variants, recordedAt: day.at });
  }
}
