import { eq } from 'drizzle-orm';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Actor } from '../access/index.ts';
import { financialStatusOf, getPaymentSettings, paymentsOfOrder } from '../payments/index.ts';
import { completeOrderIfDone } from './order-completion.ts';
import { emitOrderEvent } from './order-domain-events.ts';
import { orderMail, orderMailVariables, paymentMailVariables } from './order-mail.ts';
import { lockOrder, type Order, orderLinesOf } from './order-read.ts';
import { recordOrderEvent } from './order-timeline.ts';
import { orders } from './schema.ts';

const statusWords: Record<Order['financialStatus'], string> = {
  pending: 'awaiting payment',
  requires_action: 'awaiting the customer’s confirmation',
  authorised: 'authorised',
  partially_paid: 'partially paid',
  paid: 'paid',
  partially_refunded: 'partially refunded',
  refunded: 'refunded',
  voided: 'voided',
  failed: 'failed',
};

/**
 * Sets the order's payment status from its payments after any of them changed (a capture, a
 * transfer marked received, a refund, a provider's webhook). Becoming paid after placement tells
 * the customer (`order.paid` with the payment-received e-mail). Idempotent: no change, no event.
 */
export async function refreshFinancialStatus(
  tx: Db,
  storeId: string,
  actor: Actor,
  orderId: string,
): Promise<Order> {
  const order = await lockOrder(tx, storeId, orderId);
  const payments = await paymentsOfOrder(tx, storeId, orderId);
  // An order with nothing to pay (an even exchange, a free order) is paid without a payment.
  const status =
    order.total === 0 && payments.length === 0 ? 'paid' : financialStatusOf(payments, order.total);
  if (status === order.financialStatus) return order;
  const [updated] = await tx
    .update(orders)
    .set({ financialStatus: status, updatedAt: now() })
    .where(eq(orders.id, orderId))
    .returning();
  await recordOrderEvent(tx, updated!, actor, 'payment', `Payment ${statusWords[status]}.`, {
    from: order.financialStatus,
    to: status,
  });
  if (status === 'paid' && order.placedAt !== null) {
    const [lines, settings] = await Promise.all([orderLinesOf(tx, orderId), getPaymentSettings(tx, storeId)]);
    const payment = payments.find((p) => p.capturedAmount > 0) ?? payments[0] ?? null;
    await emitOrderEvent(
      tx,
      updated!,
      'order.paid',
      {},
      orderMail(updated!, {
        ...(await orderMailVariables(tx, updated!, lines)),
        payment: { ...paymentMailVariables(updated!, payment, settings), paid_at: now().toISOString() },
      }),
    );
  }
  // Money settled on a shipped order completes it (docs/orders.md, "When an order completes").
  return completeOrderIfDone(tx, actor, updated!);
}
