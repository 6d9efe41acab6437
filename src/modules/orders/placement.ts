import { eq } from 'drizzle-orm';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, conflict } from '../../platform/errors.ts';
import type { Actor } from '../access/index.ts';
import {
  type ReservationWithLines,
  releaseReservation,
  reserveStock,
  sellReservedStock,
} from '../inventory/index.ts';
import { financialStatusOf, getPaymentSettings, type Payment, voidPayment } from '../payments/index.ts';
import { commitDiscountUsage, releaseDiscountUsage } from '../promotions/index.ts';
import { emitOrderEvent } from './order-domain-events.ts';
import { orderMail, orderMailVariables, paymentMailVariables } from './order-mail.ts';
import { nextOrderNumber } from './order-number.ts';
import { lockOrder, type Order, type OrderLine, orderLinesOf } from './order-read.ts';
import { recordOrderEvent } from './order-timeline.ts';
import { orders } from './schema.ts';

/**
 * Finishes placing an order `createOrder` stored, once its payment was asked for (same
 * transaction): a payment that went through or awaits a transfer sells the reserved stock (ledger
 * `sale` movements) and uses the discounts; one that needs the shopper's extra step keeps them held
 * until `settlePaymentAction`. The order number is taken last (see `nextOrderNumber`). A failed
 * payment must not get here: the caller rolls the whole placement back. An order with nothing to pay
(total 0, e.g. an exchange) takes no payment (`null`) and is paid as placed; 409 `payment_required` otherwise.
 *
 * `created` is the order's id, or the order `createOrder` returned in this same transaction: a row
 * this transaction inserted is invisible to every other until commit, so it needs neither reading
 * again nor locking, and its lines are known (two statements fewer on every checkout).
 */
export async function completePlacement(
  tx: Db,
  storeId: string,
  actor: Actor,
  created: string | (Order & { lines: OrderLine[] }),
  payment: Payment | null,
  /** The order's reservation, when it was made in this transaction (`reserveStock`'s answer). */
  reservation?: ReservationWithLines,
): Promise<Order> {
  const order = typeof created === 'string' ? await lockOrder(tx, storeId, created) : created;
  const orderId = order.id;
  const knownLines = typeof created === 'string' ? undefined : created.lines;
  if (order.number !== null || order.status !== 'open') {
    throw conflict('order_already_placed', 'This order was placed already.', { orderId });
  }
  if (!payment && order.total > 0) {
    throw conflict('payment_required', 'An order with an amount to pay needs a payment.', { orderId });
  }
  if (payment?.state === 'failed') {
    throw conflict('payment_failed', 'A failed payment cannot place an order.', { paymentId: payment.id });
  }
  const financialStatus = payment ? financialStatusOf([payment], order.total) : 'paid';
  const waiting = payment?.state === 'requires_action';
  if (!waiting) await settleHolds(tx, storeId, actor, order, reservation);
  const number = await nextOrderNumber(tx, storeId);
  const [placed] = await tx
    .update(orders)
    .set({
      number,
      financialStatus,
      paymentProvider: payment?.provider ?? null,
      placedAt: waiting ? null : now(),
      updatedAt: now(),
    })
    .where(eq(orders.id, order.id))
    .returning();
  if (waiting) {
    await recordOrderEvent(
      tx,
      placed!,
      actor,
      'payment',
      'Waiting for the customer to confirm the card payment.',
      {
        paymentId: payment!.id,
      },
    );
  } else {
    await announcePlaced(tx, actor, placed!, payment, knownLines);
  }
  return placed!;
}

/**
 * After the shopper's extra payment step (`confirmPaymentAction`): an authorised payment places the
 * order as above; a failed one cancels it and gives the stock and the discount uses back.
 */
export async function settlePaymentAction(
  tx: Db,
  storeId: string,
  actor: Actor,
  orderId: string,
  payment: Payment,
): Promise<Order> {
  const order = await lockOrder(tx, storeId, orderId);
  if (order.placedAt !== null || order.status !== 'open') return order;
  if (payment.state === 'failed' || payment.state === 'voided') {
    return cancelUnplaced(tx, storeId, actor, order, 'payment_failed');
  }
  if (payment.state !== 'authorised' && payment.state !== 'captured') return order;
  try {
    await settleHolds(tx, storeId, actor, order);
  } catch (err) {
    // The hold lapsed while the shopper was away and the stock went to someone else.
    if (err instanceof AppError && err.code === 'out_of_stock') {
      await voidPayment(tx, storeId, actor, payment.id);
      return cancelUnplaced(tx, storeId, actor, order, 'out_of_stock');
    }
    throw err;
  }
  const [placed] = await tx
    .update(orders)
    .set({
      financialStatus: financialStatusOf([payment], order.total),
      placedAt: now(),
      updatedAt: now(),
    })
    .where(eq(orders.id, order.id))
    .returning();
  await announcePlaced(tx, actor, placed!, payment);
  return placed!;
}

/** Sells the reserved stock and uses the discounts; a lapsed reservation is made again first. */
async function settleHolds(
  tx: Db,
  storeId: string,
  actor: Actor,
  order: Order,
  madeHere?: ReservationWithLines,
): Promise<void> {
  if (order.reservationId) {
    const reference = { type: 'order', id: order.id };
    try {
      await sellReservedStock(tx, storeId, actor, order.reservationId, reference, madeHere);
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'reservation_expired') throw err;
      const lines = await orderLinesOf(tx, order.id);
      const again = await reserveStock(tx, storeId, {
        items: lines
          .filter((l) => l.variantId)
          .map((l) => ({ variantId: l.variantId!, quantity: l.quantity })),
        reference: order.id,
      });
      await tx.update(orders).set({ reservationId: again.id }).where(eq(orders.id, order.id));
      await sellReservedStock(tx, storeId, actor, again.id, reference);
    }
  }
  if (order.discountUsageRef) await commitDiscountUsage(tx, storeId, order.discountUsageRef);
}

async function announcePlaced(
  tx: Db,
  actor: Actor,
  order: Order,
  payment: Payment | null,
  knownLines?: readonly OrderLine[],
): Promise<void> {
  await recordOrderEvent(tx, order, actor, 'placed', 'Order placed.', {
    paymentId: payment?.id ?? null,
    provider: payment?.provider ?? null,
    financialStatus: order.financialStatus,
  });
  const lines = knownLines
    ? [...knownLines].sort((a, b) => a.position - b.position)
    : await orderLinesOf(tx, order.id);
  const variables = {
    ...(await orderMailVariables(tx, order, lines)),
    payment: paymentMailVariables(order, payment, await getPaymentSettings(tx, order.storeId)),
  };
  await emitOrderEvent(
    tx,
    order,
    'order.placed',
    { paymentProvider: payment?.provider ?? null },
    orderMail(order, variables),
  );
}

async function cancelUnplaced(
  tx: Db,
  storeId: string,
  actor: Actor,
  order: Order,
  reason: 'payment_failed' | 'out_of_stock',
): Promise<Order> {
  if (order.reservationId) {
    try {
      await releaseReservation(tx, storeId, order.reservationId);
    } catch (err) {
      // Already released by the expiry job: nothing is held any more.
      if (!(err instanceof AppError) || err.code === 'not_found') throw err;
    }
  }
  if (order.discountUsageRef) await releaseDiscountUsage(tx, storeId, order.discountUsageRef);
  const [cancelled] = await tx
    .update(orders)
    .set({ status: 'cancelled', cancelReason: reason, cancelledAt: now(), updatedAt: now() })
    .where(eq(orders.id, order.id))
    .returning();
  await recordOrderEvent(
    tx,
    cancelled!,
    actor,
    'cancelled',
    reason === 'payment_failed'
      ? 'The card payment was not confirmed; the order was cancelled.'
      : 'The items sold out while the payment was confirmed; the order was cancelled and the payment voided.',
    { reason },
  );
  await emitOrderEvent(tx, cancelled!, 'order.cancelled', { reason });
  return cancelled!;
}
