import { randomBytes } from 'node:crypto';
import type { Db } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import { type Actor, recordAudit } from '../access/index.ts';
import { assertOrderArithmetic, type NewOrder, newOrderInput } from './new-order-input.ts';
import type { Order, OrderLine } from './order-read.ts';
import { recordOrderEvent } from './order-timeline.ts';
import type { OrderTaxLine } from './order-types.ts';
import { orderLines, orders } from './schema.ts';

/**
 * Stores an order exactly as checkout (or staff) priced it, in the caller's transaction. Its amounts
 * must add up (`assertOrderArithmetic`, 422 `order_totals_mismatch`); a second order for the same
 * checkout is refused by the unique index. The order is `open` but not yet placed: the caller
 * authorises the payment and then calls `completePlacement`, which takes the number, settles the
 * stock and discount usage and tells everyone (`order.placed`). A draft order is `draft`.
 */
export async function createOrder(
  tx: Db,
  storeId: string,
  actor: Actor,
  input: NewOrder,
  /** `id`: the order's id when the caller chose it ahead (checkout's idempotency key names it). */
  options: { draft?: boolean; id?: string } = {},
): Promise<Order & { lines: OrderLine[] }> {
  const data = newOrderInput.parse(input);
  assertOrderArithmetic(data);
  const id = options.id ?? newId('order');
  const [row] = await tx
    .insert(orders)
    .values({
      id,
      storeId,
      token: randomBytes(18).toString('base64url'),
      checkoutId: data.checkoutId,
      source: data.source,
      status: options.draft ? 'draft' : 'open',
      customerId: data.customerId,
      email: data.email,
      phone: data.phone,
      locale: data.locale,
      marketId: data.marketId,
      currency: data.currency,
      taxesIncluded: data.taxesIncluded,
      shippingAddress: data.shippingAddress,
      billingAddress: data.billingAddress,
      shipping: data.shipping,
      discounts: data.discounts,
      taxLines: orderTaxLines([...data.lines.flatMap((l) => l.taxLines), ...(data.shipping?.taxLines ?? [])]),
      subtotal: data.totals.subtotal,
      discountTotal: data.totals.discountTotal,
      shippingTotal: data.totals.shippingTotal,
      taxTotal: data.totals.taxTotal,
      total: data.totals.total,
      reservationId: data.reservationId,
      discountUsageRef: data.discountUsageRef,
      paymentProvider: data.paymentProvider,
      tags: [...new Set(data.tags)],
      note: data.note,
    })
    .returning();
  const lines = await tx
    .insert(orderLines)
    .values(
      data.lines.map((line, position) => ({
        id: newId('orderLine'),
        orderId: id,
        storeId,
        position,
        ...line,
      })),
    )
    .returning();
  const order = { id, storeId };
  await recordOrderEvent(
    tx,
    order,
    actor,
    'created',
    options.draft ? 'Draft order created.' : 'Order created.',
    {
      source: data.source,
    },
  );
  if (actor.type !== 'system') {
    await recordAudit(tx, actor, {
      storeId,
      action: options.draft ? 'order.draft_created' : 'order.created',
      entityType: 'order',
      entityId: id,
      after: { total: data.totals.total, currency: data.currency, lines: data.lines.length },
    });
  }
  return { ...row!, lines };
}

/** The order's tax per rate: the lines' and shipping's amounts summed by rate, in first-seen order. */
export function orderTaxLines(parts: readonly OrderTaxLine[]): OrderTaxLine[] {
  const byRate = new Map<string, OrderTaxLine>();
  for (const part of parts) {
    const seen = byRate.get(part.rateId);
    if (seen) seen.amount += part.amount;
    else byRate.set(part.rateId, { ...part });
  }
  return [...byRate.values()];
}
