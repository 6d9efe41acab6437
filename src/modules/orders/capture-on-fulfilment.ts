import type { Db } from '../../platform/db/database.ts';
import type { Actor } from '../access/index.ts';
import { capturableOf, capturePayment, type Payment, paymentsOfOrder } from '../payments/index.ts';
import { captureTargetOf } from './fulfilment-status.ts';
import type { Order, OrderLine } from './order-read.ts';

/**
 * With payments authorised to be captured on fulfilment (the store's capture setting when the order
 * was placed, kept on the payment), takes what the parcels shipped so far are worth and has not been
 * taken yet (`captureTargetOf`: shipped units' share, shipping with the first parcel, everything left
 * with the last). Oldest payment first; a manual payment is never captured here (staff mark it
 * received). Returns the amount captured (0 when there was nothing to take).
 */
export async function captureShippedValue(
  tx: Db,
  storeId: string,
  actor: Actor,
  order: Order,
  lines: readonly OrderLine[],
): Promise<number> {
  const payments = await paymentsOfOrder(tx, storeId, order.id);
  const capturable = payments.filter(isCapturableOnFulfilment);
  if (capturable.length === 0) return 0;
  const captured = payments.reduce((sum, p) => sum + p.capturedAmount, 0);
  let due = captureTargetOf(order, lines) - captured;
  let taken = 0;
  for (const payment of capturable) {
    const amount = Math.min(due, capturableOf(payment));
    if (amount <= 0) break;
    await capturePayment(tx, storeId, actor, payment.id, amount);
    due -= amount;
    taken += amount;
  }
  return taken;
}

function isCapturableOnFulfilment(p: Payment): boolean {
  if (p.captureMode !== 'on_fulfilment' || p.provider === 'manual') return false;
  const live = p.state === 'authorised' || p.state === 'captured' || p.state === 'partially_refunded';
  return live && capturableOf(p) > 0;
}
