import type { Db } from '../../platform/db/database.ts';
import { emitEvent } from '../../platform/events/index.ts';
import type { OrderMail } from './order-mail.ts';
import type { Order } from './order-read.ts';

export const orderEventTypes = [
  'order.placed',
  'order.confirmation_resent',
  'order.paid',
  'order.cancelled',
  'order.fulfilment_created',
  'order.delivered',
  'order.refunded',
  'order.completed',
  'order.updated',
  'return.requested',
  'return.approved',
  'return.rejected',
  'return.received',
  'return.closed',
  'return.cancelled',
] as const;
export type OrderEventType = (typeof orderEventTypes)[number];

/**
 * Emits an order's domain event in the writer's transaction: the order's key figures, what the
 * event adds, and — when the customer is to be told — the e-mail's recipient and variables.
 */
export async function emitOrderEvent(
  tx: Db,
  order: Order,
  type: OrderEventType,
  extra: Record<string, unknown> = {},
  mail?: OrderMail,
): Promise<void> {
  await emitEvent(tx, {
    storeId: order.storeId,
    type,
    payload: {
      orderId: order.id,
      number: order.number,
      status: order.status,
      financialStatus: order.financialStatus,
      fulfilmentStatus: order.fulfilmentStatus,
      customerId: order.customerId,
      currency: order.currency,
      total: order.total,
      ...extra,
      ...(mail ? { mail } : {}),
    },
  });
}
