import type { Db } from '../../platform/db/database.ts';
import { conflict } from '../../platform/errors.ts';
import { type Actor, recordAudit } from '../access/index.ts';
import { getPaymentSettings, paymentsOfOrder } from '../payments/index.ts';
import { emitOrderEvent } from './order-domain-events.ts';
import { orderMail, orderMailVariables, paymentMailVariables } from './order-mail.ts';
import { lockOrder, orderLinesOf } from './order-read.ts';
import { recordOrderEvent } from './order-timeline.ts';

/**
 * Sends the order confirmation again (the customer lost it, or asks for it from the support inbox):
 * `order.confirmation_resent` carries the same e-mail as `order.placed`, with today's payment state,
 * for the transactional-mail consumer; the timeline and the audit log say who sent it.
 * 409 `order_not_placed` for a draft or an order whose placement did not finish.
 */
export async function resendOrderConfirmation(tx: Db, storeId: string, actor: Actor, orderId: string) {
  const order = await lockOrder(tx, storeId, orderId);
  if (order.placedAt === null) {
    throw conflict('order_not_placed', 'Only a placed order has a confirmation to send.');
  }
  const [lines, payments, settings] = await Promise.all([
    orderLinesOf(tx, order.id),
    paymentsOfOrder(tx, storeId, order.id),
    getPaymentSettings(tx, storeId),
  ]);
  const payment = payments.at(-1) ?? null;
  const variables = {
    ...(await orderMailVariables(tx, order, lines)),
    payment: paymentMailVariables(order, payment, settings),
  };
  await recordOrderEvent(tx, order, actor, 'email', `Order confirmation sent again to ${order.email}.`, {
    template: 'order_confirmation',
  });
  await recordAudit(tx, actor, {
    storeId,
    action: 'order.confirmation_resent',
    entityType: 'order',
    entityId: order.id,
    before: null,
    after: { to: order.email },
  });
  await emitOrderEvent(tx, order, 'order.confirmation_resent', {}, orderMail(order, variables));
  return { sentTo: order.email };
}
