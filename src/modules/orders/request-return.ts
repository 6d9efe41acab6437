import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { conflict, notFound, unprocessable } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { type Actor, recordAudit, systemActor } from '../access/index.ts';
import { emitOrderEvent } from './order-domain-events.ts';
import { lockOrder, type OrderReturn, orderLinesOf } from './order-read.ts';
import { recordOrderEvent } from './order-timeline.ts';
import {
  assertDistinctLines,
  customerReturnInput,
  type RequestReturnInput,
  requestReturnInput,
} from './return-input.ts';
import { returnMail } from './return-mail.ts';
import { lockReturn, returnsOfOrder } from './return-read.ts';
import { returnableLinesOf } from './returnable-lines.ts';
import { orderReturnLines, orderReturns, orders } from './schema.ts';

/** The shopper on the order status page: they hold the order's secret address, not an account. */
const customerActor = systemActor('customer');

/**
 * Opens a return (RMA) in `requested`: units that were shipped (in parcels not cancelled) and are
 * not already in a live return (409 `return_quantity_exceeded`, naming the line and what is left),
 * within each line's window (422 `return_window_closed` with the line's last day — staff may pass
 * `ignoreWindow`), each with a reason code. Writes the timeline, `return.requested` with the
 * return_requested e-mail, and — when staff open it — the audit log. 404 for another store's order;
 * 422 `unknown_order_line`, `duplicate_line`.
 */
export async function requestReturn(
  tx: Db,
  storeId: string,
  actor: Actor,
  orderId: string,
  input: RequestReturnInput,
  options: { now?: Date } = {},
): Promise<OrderReturn> {
  const data = requestReturnInput.parse(input);
  assertDistinctLines(data.lines);
  const order = await lockOrder(tx, storeId, orderId);
  const lines = await orderLinesOf(tx, order.id);
  const returnable = await returnableLinesOf(tx, order, lines, options.now ?? now());
  const byLine = new Map(returnable.lines.map((l) => [l.orderLineId, l]));
  data.lines.forEach((asked, i) => {
    const line = byLine.get(asked.orderLineId);
    if (!line) {
      throw unprocessable('unknown_order_line', 'This order has no such line.', {
        path: `lines.${i}.orderLineId`,
        orderLineId: asked.orderLineId,
      });
    }
    if (asked.quantity > line.returnableQuantity) {
      throw conflict(
        'return_quantity_exceeded',
        'More units than were shipped and are not already being returned.',
        {
          path: `lines.${i}.quantity`,
          orderLineId: asked.orderLineId,
          returnable: line.returnableQuantity,
        },
      );
    }
  });
  if (!(data.requestedBy === 'staff' && data.ignoreWindow)) {
    data.lines.forEach((asked, i) => {
      const { window } = byLine.get(asked.orderLineId)!;
      if (!window.open) {
        throw unprocessable(
          'return_window_closed',
          window.lastDay
            ? `Returns for this item could be asked for until ${window.lastDay}.`
            : 'This store does not take returns.',
          { path: `lines.${i}`, orderLineId: asked.orderLineId, lastDay: window.lastDay },
        );
      }
    });
  }

  const id = newId('orderReturn');
  await tx.insert(orderReturns).values({
    id,
    orderId: order.id,
    storeId,
    status: 'requested',
    customerComment: data.comment || null,
    requestedBy: data.requestedBy,
  });
  await tx.insert(orderReturnLines).values(
    data.lines.map((l) => ({
      returnId: id,
      orderLineId: l.orderLineId,
      quantity: l.quantity,
      reason: l.reason,
    })),
  );
  const created = await lockReturn(tx, storeId, order.id, id);
  const units = data.lines.reduce((sum, l) => sum + l.quantity, 0);
  const who = data.requestedBy === 'customer' ? 'the customer' : actor.label;
  await recordOrderEvent(
    tx,
    order,
    actor,
    'return',
    `Return requested by ${who}: ${units} item${units === 1 ? '' : 's'}.`,
    {
      returnId: id,
      lines: data.lines,
      ...(data.ignoreWindow ? { ignoreWindow: true } : {}),
    },
  );
  const allReturns = await returnsOfOrder(tx, order.id);
  await emitOrderEvent(
    tx,
    order,
    'return.requested',
    { returnId: id, requestedBy: data.requestedBy, lines: data.lines },
    await returnMail(tx, order, lines, created, allReturns),
  );
  if (actor.type !== 'system') {
    await recordAudit(tx, actor, {
      storeId,
      action: 'return.requested',
      entityType: 'order_return',
      entityId: id,
      after: { orderId: order.id, lines: data.lines, ignoreWindow: data.ignoreWindow ?? false },
    });
  }
  return created;
}

/**
 * The order status page's return form: the customer, known by the order's secret token, asks for a
 * return of their order (same rules as `requestReturn`, never outside the window). 404 when the
 * token names no order of this store.
 */
export async function requestReturnByToken(
  tx: Db,
  storeId: string,
  orderToken: string,
  input: z.input<typeof customerReturnInput>,
  options: { now?: Date } = {},
): Promise<OrderReturn> {
  const [order] = await tx
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.storeId, storeId), eq(orders.token, orderToken)));
  if (!order) throw notFound('Order');
  const { lines, comment } = customerReturnInput.parse(input);
  return requestReturn(
    tx,
    storeId,
    customerActor,
    order.id,
    { lines, ...(comment !== undefined ? { comment } : {}), requestedBy: 'customer' },
    options,
  );
}
