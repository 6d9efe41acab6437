import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { unprocessable } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { formatMoney } from '../../platform/money.ts';
import { type Actor, recordAudit } from '../access/index.ts';
import { recordMovements, requireLocations } from '../inventory/index.ts';
import { type Payment, paymentsOfOrder, refundableOf, refundPayment } from '../payments/index.ts';
import { refreshFinancialStatus } from './financial-status.ts';
import { completeOrderIfDone } from './order-completion.ts';
import { emitOrderEvent } from './order-domain-events.ts';
import { orderMail, orderMailVariables } from './order-mail.ts';
import { getOrder, lockOrder, type Order, type OrderLine, orderLinesOf, type Refund } from './order-read.ts';
import { mainSaleLocation, type SoldFrom, soldLocations } from './order-stock.ts';
import { recordOrderEvent } from './order-timeline.ts';
import {
  amountLeftOf,
  type RefundAmounts,
  type RefundLimits,
  refundAmounts,
  spreadOverPayments,
  unitsLeftOf,
  unitsTakenOffShipping,
} from './refund-amounts.ts';
import { orderLines, orderReturns, orders, refundLines, refunds } from './schema.ts';
import { setFulfilmentStatus } from './stored-fulfilment-status.ts';

const entityId = z.string().trim().min(1).max(64);
const amount = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

export const refundOrderInput = z
  .object({
    lines: z
      .array(
        z
          .object({
            orderLineId: entityId,
            quantity: z.number().int().min(1).max(1_000_000),
            /** Put the units back into stock (a `return` movement in the ledger). */
            restock: z.boolean(),
            /** Where they go back; default: where most of them were sold from. */
            locationId: entityId.optional(),
          })
          .strict(),
      )
      .max(500)
      .default([]),
    shipping: z.object({ amount }).strict().optional(),
    /** A plain amount on top (goodwill, a price adjustment), not tied to lines or shipping. */
    extraAmount: amount.optional(),
    /** Why (staff's words; kept on the refund and the payment's ledger). */
    reason: z.string().trim().max(500).optional(),
    /** A note to the customer, in the refund e-mail. */
    note: z.string().trim().max(2000).optional(),
    notifyCustomer: z.boolean().default(true),
    /** The return (RMA) this refund settles: its units are taken from those that shipped. */
    returnId: entityId.optional(),
  })
  .strict();
export type RefundOrderInput = z.input<typeof refundOrderInput>;

/** Units going back into stock at a location. */
export interface RestockPlanItem {
  orderLineId: string;
  variantId: string;
  locationId: string;
  quantity: number;
}

export interface RefundPreview {
  currency: string;
  lines: { orderLineId: string; quantity: number; amount: number; restockLocationId: string | null }[];
  shipping: number;
  extra: number;
  amount: number;
  /** What may still be refunded: in money taken, of shipping, of the order, and per line. */
  refundable: {
    amount: number;
    shipping: number;
    order: number;
    lines: { orderLineId: string; quantity: number; amount: number }[];
  };
  /** Units going back into stock, per line and location (lines whose variant is not tracked have none). */
  restock: RestockPlanItem[];
}

export interface RefundState {
  order: Order;
  lines: OrderLine[];
  payments: Payment[];
  limits: RefundLimits;
  sold: Map<string, SoldFrom[]>;
}

/** What an order's refunds may still take: read with the order locked (a refund) or not (a preview). */
export async function refundState(db: Db, storeId: string, order: Order): Promise<RefundState> {
  const [lines, payments, shippingRefunded, sold] = await Promise.all([
    orderLinesOf(db, order.id),
    paymentsOfOrder(db, storeId, order.id),
    db
      .select({ total: sql<string | number | null>`sum(${refunds.shippingAmount})` })
      .from(refunds)
      .where(eq(refunds.orderId, order.id)),
    soldLocations(db, storeId, order.id),
  ]);
  const limits: RefundLimits = {
    shippingLeft: order.shippingTotal - Number(shippingRefunded[0]?.total ?? 0),
    orderLeft: order.total - order.refundedAmount,
    refundable: payments.reduce((sum, p) => sum + refundableOf(p), 0),
  };
  return { order, lines, payments, limits, sold };
}

type ParsedInput = z.output<typeof refundOrderInput>;

function amountsOf(state: RefundState, data: ParsedInput, allowEmpty: boolean): RefundAmounts {
  return refundAmounts(
    state.lines,
    state.limits,
    { lines: data.lines, shipping: data.shipping?.amount, extra: data.extraAmount },
    { allowEmpty },
  );
}

/** Where each restocked line's units go back; lines of untracked (or deleted) variants are left out. */
async function restockPlan(
  db: Db,
  storeId: string,
  state: RefundState,
  data: ParsedInput,
): Promise<RestockPlanItem[]> {
  const chosen = data.lines.map((l, i) => ({ ...l, path: `lines.${i}.locationId` })).filter((l) => l.restock);
  for (const l of chosen) {
    if (l.locationId) await requireLocations(db, storeId, [l.locationId], { path: l.path });
  }
  const plan: RestockPlanItem[] = [];
  for (const l of chosen) {
    const line = state.lines.find((x) => x.id === l.orderLineId)!;
    if (!line.variantId) continue;
    const locationId = l.locationId ?? mainSaleLocation(state.sold, line.variantId);
    if (locationId)
      plan.push({ orderLineId: line.id, variantId: line.variantId, locationId, quantity: l.quantity });
  }
  return plan;
}

/**
 * What a refund would give back, without giving it (docs/orders.md, "Refunds"): the same checks and
 * errors as `refundOrder`, except that an empty refund is allowed so a form can show what is
 * refundable before anything is chosen.
 */
export async function previewRefund(
  db: Db,
  storeId: string,
  orderId: string,
  input: RefundOrderInput,
): Promise<RefundPreview> {
  const data = refundOrderInput.parse(input);
  const order = await getOrder(db, storeId, orderId);
  const state = await refundState(db, storeId, order);
  const amounts = amountsOf(state, data, true);
  const restock = await restockPlan(db, storeId, state, data);
  return previewOf(state, amounts, restock);
}

function previewOf(state: RefundState, amounts: RefundAmounts, restock: RestockPlanItem[]): RefundPreview {
  return {
    currency: state.order.currency,
    lines: amounts.lines.map((l) => ({
      ...l,
      restockLocationId: restock.find((r) => r.orderLineId === l.orderLineId)?.locationId ?? null,
    })),
    shipping: amounts.shipping,
    extra: amounts.extra,
    amount: amounts.amount,
    refundable: {
      amount: state.limits.refundable,
      shipping: state.limits.shippingLeft,
      order: state.limits.orderLeft,
      lines: state.lines.map((l) => ({
        orderLineId: l.id,
        quantity: unitsLeftOf(l),
        amount: amountLeftOf(l),
      })),
    },
    restock,
  };
}

/**
 * Gives money back on an order (docs/orders.md, "Refunds"), in the caller's transaction: for units
 * of lines (their exact share, `lineRefundAmount`), for shipping, and a plain amount; never more than
 * was captured and not yet refunded, however many refunds race (the order is locked first, so they
 * queue). The money goes back through the payments, latest first; chosen units go back into stock
 * (`return` movements with reference `{ type: 'refund', id }`). Errors: those of `refundAmounts`,
 * 422 `unknown_return`, 422 `unknown_location`, and the payments' refund errors.
 */
export async function refundOrder(
  tx: Db,
  storeId: string,
  actor: Actor,
  orderId: string,
  input: RefundOrderInput,
): Promise<{ order: Order; refund: Refund }> {
  const data = refundOrderInput.parse(input);
  const order = await lockOrder(tx, storeId, orderId);
  if (data.returnId) await requireReturn(tx, orderId, data.returnId);
  const state = await refundState(tx, storeId, order);
  const amounts = amountsOf(state, data, false);
  const restock = await restockPlan(tx, storeId, state, data);
  const refund = await giveMoneyBack(tx, storeId, actor, state, amounts, {
    reason: data.reason ?? null,
    note: data.note ?? null,
    returnId: data.returnId ?? null,
    restock: restock.map((r) => ({ orderLineId: r.orderLineId, locationId: r.locationId })),
  });
  if (restock.length > 0) {
    await recordMovements(
      tx,
      storeId,
      actor,
      restock.map((r) => ({
        variantId: r.variantId,
        locationId: r.locationId,
        kind: 'return' as const,
        quantity: r.quantity,
        referenceType: 'refund',
        referenceId: refund.id,
      })),
    );
  }
  const updated = await settleAfterRefund(tx, storeId, actor, order);
  await announceRefund(tx, actor, updated, refund, { notifyCustomer: data.notifyCustomer, restock });
  return { order: updated, refund };
}

async function requireReturn(tx: Db, orderId: string, returnId: string): Promise<void> {
  const [found] = await tx
    .select({ id: orderReturns.id })
    .from(orderReturns)
    .where(and(eq(orderReturns.id, returnId), eq(orderReturns.orderId, orderId)));
  if (!found)
    throw unprocessable('unknown_return', 'No such return on this order.', {
      path: 'returnId',
      id: returnId,
    });
}

/**
 * Writes a refund: its row and lines, the money back through the payments (latest first), the lines'
 * refunded units and amounts (and which units will not ship), the order's refunded amount. Shared by
 * refunds and cancellations.
 */
export async function giveMoneyBack(
  tx: Db,
  storeId: string,
  actor: Actor,
  state: RefundState,
  amounts: RefundAmounts,
  details: {
    reason: string | null;
    note: string | null;
    returnId: string | null;
    restock: { orderLineId: string; locationId: string }[];
  },
): Promise<Refund> {
  const { order } = state;
  const parts = spreadOverPayments(
    amounts.amount,
    [...state.payments].reverse().map((p) => ({ id: p.id, refundable: refundableOf(p) })),
  );
  const [row] = await tx
    .insert(refunds)
    .values({
      id: newId('refund'),
      orderId: order.id,
      storeId,
      amount: amounts.amount,
      currency: order.currency,
      shippingAmount: amounts.shipping,
      extraAmount: amounts.extra,
      reason: details.reason,
      note: details.note,
      paymentId: parts[0]?.paymentId ?? null,
      returnId: details.returnId,
      actorLabel: actor.label,
    })
    .returning();
  const lineRows = amounts.lines.map((l) => ({
    refundId: row!.id,
    orderLineId: l.orderLineId,
    quantity: l.quantity,
    amount: l.amount,
    restockLocationId: details.restock.find((r) => r.orderLineId === l.orderLineId)?.locationId ?? null,
  }));
  if (lineRows.length > 0) await tx.insert(refundLines).values(lineRows);
  for (const part of parts) {
    await refundPayment(tx, storeId, actor, part.paymentId, {
      amount: part.amount,
      refundId: row!.id,
      ...(details.reason ? { reason: details.reason } : {}),
    });
  }
  for (const l of amounts.lines) {
    const line = state.lines.find((x) => x.id === l.orderLineId)!;
    await tx
      .update(orderLines)
      .set({
        refundedQuantity: sql`${orderLines.refundedQuantity} + ${l.quantity}`,
        refundedAmount: sql`${orderLines.refundedAmount} + ${l.amount}`,
        removedQuantity: sql`${orderLines.removedQuantity} + ${unitsTakenOffShipping(line, l.quantity, details.returnId !== null)}`,
      })
      .where(eq(orderLines.id, l.orderLineId));
  }
  await tx
    .update(orders)
    .set({ refundedAmount: sql`${orders.refundedAmount} + ${amounts.amount}`, updatedAt: now() })
    .where(eq(orders.id, order.id));
  return { ...row!, lines: lineRows };
}

/** After money went back: units taken off shipping may finish the fulfilment; the payment status follows. */
async function settleAfterRefund(tx: Db, storeId: string, actor: Actor, order: Order): Promise<Order> {
  const [fresh] = await tx.select().from(orders).where(eq(orders.id, order.id));
  await setFulfilmentStatus(tx, fresh!);
  const refreshed = await refreshFinancialStatus(tx, storeId, actor, order.id);
  return completeOrderIfDone(tx, actor, refreshed);
}

export async function announceRefund(
  tx: Db,
  actor: Actor,
  order: Order,
  refund: Refund,
  options: { notifyCustomer: boolean; restock: RestockPlanItem[] },
): Promise<void> {
  // The timeline speaks English (the admin's language), so its amounts are written the English way.
  const money = (value: number) => formatMoney(value, order.currency, 'en');
  const lines = await orderLinesOf(tx, order.id);
  await recordOrderEvent(
    tx,
    order,
    actor,
    'refund',
    `Refunded ${money(refund.amount)}${refund.reason ? `: ${refund.reason}` : ''}.`,
    {
      refundId: refund.id,
      amount: refund.amount,
      shipping: refund.shippingAmount,
      extra: refund.extraAmount,
      lines: refund.lines.map((l) => ({
        orderLineId: l.orderLineId,
        quantity: l.quantity,
        amount: l.amount,
      })),
      restock: options.restock,
      returnId: refund.returnId,
    },
  );
  const mail = options.notifyCustomer
    ? orderMail(order, {
        ...(await orderMailVariables(tx, order, lines)),
        refund: {
          amount: { amount: refund.amount, currency: order.currency },
          shipping: { amount: refund.shippingAmount, currency: order.currency },
          method_name: null,
          note: refund.note,
          lines: refund.lines.map((rl) => {
            const line = lines.find((l) => l.id === rl.orderLineId)!;
            return {
              title: line.title,
              variant_title: line.variantTitle,
              quantity: rl.quantity,
              amount: { amount: rl.amount, currency: order.currency },
            };
          }),
        },
      })
    : undefined;
  await emitOrderEvent(
    tx,
    order,
    'order.refunded',
    {
      refundId: refund.id,
      amount: refund.amount,
      shipping: refund.shippingAmount,
      extra: refund.extraAmount,
      returnId: refund.returnId,
    },
    mail,
  );
  await recordAudit(tx, actor, {
    storeId: order.storeId,
    action: 'order.refunded',
    entityType: 'refund',
    entityId: refund.id,
    after: { ...refund, orderId: order.id, restock: options.restock },
  });
}
