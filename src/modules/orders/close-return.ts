import type { z } from 'zod';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Actor } from '../access/index.ts';
import { completeOrderIfDone } from './order-completion.ts';
import { emitOrderEvent } from './order-domain-events.ts';
import { orderName } from './order-mail.ts';
import { lockOrder, type Order, type OrderReturn, type Refund } from './order-read.ts';
import { getOrderSettings } from './order-settings.ts';
import { recordOrderEvent } from './order-timeline.ts';
import { refundOrder } from './refund-order.ts';
import { lockOrderAndReturn, recordReturnAudit, updateReturn } from './return-change.ts';
import { closeReturnInput, type RefundReturnInput, refundReturnInput } from './return-input.ts';
import { returnNumber, returnsOfOrder } from './return-read.ts';
import type { orderReturns } from './schema.ts';
import { assertTransition } from './state-machines.ts';

/**
 * Closes a received return by giving the money back: `refundOrder` for every unit received on
 * the return (`restock: false` — restocked units went back into stock when they were received),
 * plus optional shipping and a goodwill amount, linked to the return; never more than was captured
 * (the refund's own checks and errors). The return is `closed` with resolution `refund` and the
 * refund's id. 409 `illegal_transition` unless the return is received.
 */
export async function closeReturnWithRefund(
  tx: Db,
  storeId: string,
  actor: Actor,
  orderId: string,
  returnId: string,
  input: RefundReturnInput = {},
): Promise<{ orderReturn: OrderReturn; refund: Refund }> {
  const data = refundReturnInput.parse(input);
  const { order, before } = await lockOrderAndReturn(tx, storeId, orderId, returnId);
  assertTransition('return', before.status, 'closed');
  const { numberPrefix } = await getOrderSettings(tx, storeId);
  const { refund } = await refundOrder(tx, storeId, actor, orderId, {
    lines: before.lines
      .filter((l) => l.receivedQuantity > 0)
      .map((l) => ({ orderLineId: l.orderLineId, quantity: l.receivedQuantity, restock: false })),
    ...(data.shipping ? { shipping: data.shipping } : {}),
    ...(data.extraAmount ? { extraAmount: data.extraAmount } : {}),
    reason: `Return ${returnNumber(orderName(order, numberPrefix), await returnsOfOrder(tx, orderId), returnId)}`,
    ...(data.note ? { note: data.note } : {}),
    notifyCustomer: data.notifyCustomer,
    returnId,
  });
  const orderReturn = await finishClosing(tx, actor, order, before, {
    patch: { resolution: 'refund', refundId: refund.id },
    message: 'Return closed with a refund.',
    data: { refundId: refund.id, amount: refund.amount },
  });
  return { orderReturn, refund };
}

/**
 * Closes a received return with nothing given back (resolution `none`): the items came back but
 * the store keeps the money — a return that was not as agreed, or one settled outside the store.
 */
export async function closeReturnWithoutRefund(
  tx: Db,
  storeId: string,
  actor: Actor,
  orderId: string,
  returnId: string,
  input: z.input<typeof closeReturnInput> = {},
): Promise<OrderReturn> {
  const { note } = closeReturnInput.parse(input);
  const { order, before } = await lockOrderAndReturn(tx, storeId, orderId, returnId);
  assertTransition('return', before.status, 'closed');
  return finishClosing(tx, actor, order, before, {
    patch: { resolution: 'none', staffNote: note || before.staffNote },
    message: note ? `Return closed without a refund: ${note}` : 'Return closed without a refund.',
    data: {},
  });
}

/**
 * The end every resolution shares: `received → closed` with the resolution's fields, the timeline,
 * `return.closed`, the audit, and the order's completion check (it may have waited for this return).
 */
export async function finishClosing(
  tx: Db,
  actor: Actor,
  order: Order,
  before: OrderReturn,
  closing: {
    patch: Pick<
      typeof orderReturns.$inferInsert,
      'resolution' | 'refundId' | 'exchangeOrderId' | 'staffNote'
    >;
    message: string;
    data: Record<string, unknown>;
  },
): Promise<OrderReturn> {
  assertTransition('return', before.status, 'closed');
  const after = await updateReturn(tx, before, { ...closing.patch, status: 'closed', closedAt: now() });
  // Refunds and exchanges change the order meanwhile: read it as it is now.
  const current = await lockOrder(tx, order.storeId, order.id);
  await recordOrderEvent(tx, current, actor, 'return', closing.message, {
    returnId: before.id,
    ...closing.data,
  });
  await emitOrderEvent(tx, current, 'return.closed', {
    returnId: before.id,
    resolution: after.resolution,
    refundId: after.refundId,
    exchangeOrderId: after.exchangeOrderId,
  });
  await recordReturnAudit(tx, actor, order.storeId, 'return.closed', before, after);
  await completeOrderIfDone(tx, actor, current);
  return after;
}
