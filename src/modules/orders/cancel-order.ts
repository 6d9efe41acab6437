import { and, eq, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, conflict, forbidden } from '../../platform/errors.ts';
import { formatMoney } from '../../platform/money.ts';
import { type Actor, recordAudit } from '../access/index.ts';
import { type MovementInput, recordMovements, releaseReservation } from '../inventory/index.ts';
import { voidPayment } from '../payments/index.ts';
import { releaseDiscountUsage } from '../promotions/index.ts';
import { refreshFinancialStatus } from './financial-status.ts';
import { emitOrderEvent } from './order-domain-events.ts';
import { orderMail, orderMailVariables } from './order-mail.ts';
import { lockOrder, type Order, type OrderLine, type Refund } from './order-read.ts';
import { type SoldFrom, soldLocations } from './order-stock.ts';
import { recordOrderEvent } from './order-timeline.ts';
import { cancellationRefundAmounts, unitsLeftOf } from './refund-amounts.ts';
import { announceRefund, giveMoneyBack, refundState } from './refund-order.ts';
import { orderLines, orders, refundLines, refunds } from './schema.ts';
import { assertTransition } from './state-machines.ts';

export const cancelReasons = ['customer', 'inventory', 'fraud', 'declined', 'other'] as const;
export type CancelReason = (typeof cancelReasons)[number];

export const cancelOrderInput = z
  .object({
    reason: z.enum(cancelReasons),
    /** Put the units not yet refunded back into stock where they were sold from. */
    restock: z.boolean().default(true),
    notifyCustomer: z.boolean().default(true),
    /** Staff's own note on the timeline (the customer does not see it). */
    staffNote: z.string().trim().max(2000).optional(),
  })
  .strict();
export type CancelOrderInput = z.input<typeof cancelOrderInput>;

/** Payment states a cancellation voids: nothing was taken yet. */
const voidable = new Set(['pending', 'requires_action', 'authorised']);

const reasonWords: Record<CancelReason, string> = {
  customer: 'the customer changed their mind',
  inventory: 'items unavailable',
  fraud: 'suspected fraud',
  declined: 'payment declined',
  other: 'other',
};

/**
 * Cancels an order nothing of which has shipped (docs/orders.md, "Cancelling"), in the caller's
 * transaction: open (or draft) → cancelled. The units not refunded yet go back into stock (`return`
 * movements with reference `{ type: 'order', id }` at the locations the sale took them from) unless
 * `restock` is false; an order whose card step never finished still holds a reservation, which is
 * released instead. Money: payments not captured are voided; what was captured and not refunded is
 * refunded (a `refunds` row, spread over the lines and shipping). Discount uses of a placed order
 * stay used. `canRefund` is the caller's `orders:refund` permission: without it a cancellation that
 * must give money back is refused. Errors: 409 `illegal_transition`, 409 `order_has_fulfilments`,
 * 403 `permission_denied` { permission: 'orders:refund' }, and the payments' errors.
 */
export async function cancelOrder(
  tx: Db,
  storeId: string,
  actor: Actor,
  orderId: string,
  input: CancelOrderInput,
  options: { canRefund?: boolean } = {},
): Promise<{ order: Order; refund: Refund | null }> {
  const data = cancelOrderInput.parse(input);
  const order = await lockOrder(tx, storeId, orderId);
  assertTransition('order', order.status, 'cancelled');
  const state = await refundState(tx, storeId, order);
  const shipped = state.lines.reduce((n, l) => n + l.fulfilledQuantity, 0);
  if (shipped > 0) {
    throw conflict(
      'order_has_fulfilments',
      'Items of this order have shipped: refund them instead of cancelling.',
      {
        fulfilledQuantity: shipped,
      },
    );
  }
  if (state.limits.refundable > 0 && options.canRefund === false) {
    throw forbidden(
      'permission_denied',
      'Cancelling this order refunds money: that needs the orders:refund permission.',
      {
        permission: 'orders:refund',
      },
    );
  }

  const restocked =
    order.placedAt === null
      ? await releaseHolds(tx, storeId, order)
      : data.restock
        ? await restockUnits(tx, storeId, actor, order, state.lines)
        : [];

  let refund: Refund | null = null;
  if (state.limits.refundable > 0) {
    const amounts = cancellationRefundAmounts(
      state.lines,
      state.limits.shippingLeft,
      state.limits.refundable,
    );
    refund = await giveMoneyBack(tx, storeId, actor, state, amounts, {
      reason: `Order cancelled: ${reasonWords[data.reason]}`,
      note: null,
      returnId: null,
      restock: restocked.map((r) => ({ orderLineId: r.orderLineId, locationId: r.locationId })),
    });
  }
  for (const payment of state.payments) {
    if (voidable.has(payment.state)) await voidPayment(tx, storeId, actor, payment.id);
  }

  await tx
    .update(orders)
    .set({ status: 'cancelled', cancelReason: data.reason, cancelledAt: now(), updatedAt: now() })
    .where(eq(orders.id, order.id));
  const cancelled = await refreshFinancialStatus(tx, storeId, actor, order.id);
  // The timeline speaks English (the admin's language), so its amounts are written the English way.
  const money = (value: number) => formatMoney(value, cancelled.currency, 'en');
  await recordOrderEvent(
    tx,
    cancelled,
    actor,
    'cancelled',
    `Order cancelled (${reasonWords[data.reason]})${refund ? `; ${money(refund.amount)} refunded` : ''}${restocked.length ? '; items restocked' : ''}.`,
    { reason: data.reason, refundId: refund?.id ?? null, restocked },
  );
  if (data.staffNote) await recordOrderEvent(tx, cancelled, actor, 'note', data.staffNote);
  if (refund) await announceRefund(tx, actor, cancelled, refund, { notifyCustomer: false, restock: [] });
  const lines = state.lines;
  const mail = data.notifyCustomer
    ? orderMail(cancelled, {
        ...(await orderMailVariables(tx, cancelled, lines)),
        cancellation: {
          reason: data.reason,
          note: null,
          refund_amount: refund ? { amount: refund.amount, currency: cancelled.currency } : null,
        },
      })
    : undefined;
  await emitOrderEvent(
    tx,
    cancelled,
    'order.cancelled',
    { reason: data.reason, refundId: refund?.id ?? null, restocked: restocked.length > 0 },
    mail,
  );
  await recordAudit(tx, actor, {
    storeId,
    action: 'order.cancelled',
    entityType: 'order',
    entityId: order.id,
    before: { status: order.status, financialStatus: order.financialStatus },
    after: {
      status: cancelled.status,
      financialStatus: cancelled.financialStatus,
      reason: data.reason,
      refundId: refund?.id ?? null,
      restocked,
    },
  });
  return { order: cancelled, refund };
}

/** An unplaced order (its card step never finished) holds stock and discount uses: let them go. */
async function releaseHolds(tx: Db, storeId: string, order: Order): Promise<never[]> {
  if (order.reservationId) {
    try {
      await releaseReservation(tx, storeId, order.reservationId);
    } catch (err) {
      // Released or expired already: nothing is held any more.
      if (
        !(err instanceof AppError) ||
        (err.code !== 'reservation_not_active' &&
          err.code !== 'reservation_expired' &&
          err.code !== 'not_found')
      ) {
        throw err;
      }
    }
  }
  if (order.discountUsageRef) await releaseDiscountUsage(tx, storeId, order.discountUsageRef);
  return [];
}

/**
 * Puts the units not refunded yet back where they were sold from: per variant, the locations of its
 * sale movements less what earlier refunds restocked there, most units first.
 */
async function restockUnits(
  tx: Db,
  storeId: string,
  actor: Actor,
  order: Order,
  lines: readonly OrderLine[],
): Promise<{ orderLineId: string; variantId: string; locationId: string; quantity: number }[]> {
  const sold = await soldLocations(tx, storeId, order.id);
  const restockedByRefunds = await tx
    .select({
      variantId: orderLines.variantId,
      locationId: refundLines.restockLocationId,
      quantity: refundLines.quantity,
    })
    .from(refundLines)
    .innerJoin(refunds, eq(refunds.id, refundLines.refundId))
    .innerJoin(orderLines, eq(orderLines.id, refundLines.orderLineId))
    .where(and(eq(refunds.orderId, order.id), isNotNull(refundLines.restockLocationId)));
  const out = new Map<string, SoldFrom[]>();
  for (const [variantId, locations] of sold) {
    out.set(
      variantId,
      locations.map((s) => ({
        locationId: s.locationId,
        units:
          s.units -
          restockedByRefunds
            .filter((r) => r.variantId === variantId && r.locationId === s.locationId)
            .reduce((n, r) => n + r.quantity, 0),
      })),
    );
  }
  const plan: { orderLineId: string; variantId: string; locationId: string; quantity: number }[] = [];
  for (const line of lines) {
    if (!line.variantId) continue;
    let units = unitsLeftOf(line);
    for (const place of out.get(line.variantId) ?? []) {
      if (units <= 0) break;
      const quantity = Math.min(units, place.units);
      if (quantity <= 0) continue;
      plan.push({ orderLineId: line.id, variantId: line.variantId, locationId: place.locationId, quantity });
      place.units -= quantity;
      units -= quantity;
    }
  }
  const movements: MovementInput[] = plan.map((p) => ({
    variantId: p.variantId,
    locationId: p.locationId,
    kind: 'return',
    quantity: p.quantity,
    referenceType: 'order',
    referenceId: order.id,
    note: 'Order cancelled',
  }));
  await recordMovements(tx, storeId, actor, movements);
  return plan;
}
