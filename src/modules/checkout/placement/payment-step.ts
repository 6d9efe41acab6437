import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { type Actor, systemActor } from '../../access/index.ts';
import { getOrder, type Order, settlePaymentAction } from '../../orders/index.ts';
import { confirmPaymentAction, getPayment, type Payment } from '../../payments/index.ts';
import { cartForRetry } from './retry-cart.ts';

const checkoutActor = systemActor('checkout');

export interface FinishedPaymentStep {
  order: Order;
  payment: Payment;
  /**
   * When the step failed and the order was cancelled: a new cart with the same contents for another
   * try, and its token (the shopper's new cart cookie).
   */
  retryCart: { cartId: string; token: string } | null;
}

/**
 * The shopper's answer to the card's 3-D Secure-style step (the test card's simulated bank page),
 * in one transaction: the payment is confirmed or failed (`confirmPaymentAction`), then the order
 * is placed — stock sold, discounts used, `order.placed` — or cancelled with its holds given back
 * (`settlePaymentAction`). A cancelled order's cart comes back as a new cart (`retryCart`).
 * Answering again (a double click, a reload) changes nothing and returns how it ended.
 * 404 for another store's or an unknown payment.
 */
export async function finishPaymentStep(
  db: Db,
  input: { storeId: string; paymentId: string; approve: boolean; actor?: Actor },
): Promise<FinishedPaymentStep> {
  const { storeId, paymentId } = input;
  const actor = input.actor ?? checkoutActor;
  return db.transaction(async (tx) => {
    let payment = await getPayment(tx, storeId, paymentId);
    let answered = false;
    if (payment.state === 'requires_action') {
      try {
        payment = await confirmPaymentAction(tx, storeId, paymentId, { approve: input.approve, actor });
        answered = true;
      } catch (err) {
        // A twin answered first (its lock made this one wait): keep what it decided.
        if (!(err instanceof AppError) || err.code !== 'illegal_transition') throw err;
        payment = await getPayment(tx, storeId, paymentId);
      }
    }
    if (!answered) return { order: await getOrder(tx, storeId, payment.orderId), payment, retryCart: null };
    const order = await settlePaymentAction(tx, storeId, actor, payment.orderId, payment);
    const retryCart =
      order.status === 'cancelled' && order.checkoutId
        ? await cartForRetry(tx, storeId, order.checkoutId)
        : null;
    return { order, payment, retryCart };
  });
}
