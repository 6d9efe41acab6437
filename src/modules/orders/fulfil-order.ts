import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { conflict, unprocessable } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { type Actor, recordAudit } from '../access/index.ts';
import { requireLocations } from '../inventory/index.ts';
import { captureShippedValue } from './capture-on-fulfilment.ts';
import { trackingUrlFor } from './carrier-tracking.ts';
import { refreshFinancialStatus } from './financial-status.ts';
import { unshippedQuantity } from './fulfilment-status.ts';
import { completeOrderIfDone } from './order-completion.ts';
import { emitOrderEvent } from './order-domain-events.ts';
import { orderMail, orderMailVariables, parcelMailVariables } from './order-mail.ts';
import { type Fulfilment, lockOrder, type Order, type OrderLine, orderLinesOf } from './order-read.ts';
import { mainSaleLocation, soldLocations } from './order-stock.ts';
import { recordOrderEvent } from './order-timeline.ts';
import { fulfilmentLines, fulfilments, orderLines } from './schema.ts';
import { setFulfilmentStatus } from './stored-fulfilment-status.ts';

const entityId = z.string().trim().min(1).max(64);

/** An http(s) address: it is put in the customer's e-mail as a link. */
export const trackingUrlInput = z
  .string()
  .trim()
  .max(2000)
  .refine((url) => /^https?:\/\/\S+$/i.test(url) && URL.canParse(url), 'An http(s) address.');

export const trackingFields = {
  carrier: z.string().trim().min(1).max(100),
  trackingNumber: z.string().trim().min(1).max(100),
  trackingUrl: trackingUrlInput,
};

export const fulfilOrderInput = z
  .object({
    lines: z
      .array(z.object({ orderLineId: entityId, quantity: z.number().int().min(1).max(1_000_000) }).strict())
      .min(1)
      .max(500),
    locationId: entityId.optional(),
    carrier: trackingFields.carrier.optional(),
    trackingNumber: trackingFields.trackingNumber.optional(),
    trackingUrl: trackingFields.trackingUrl.optional(),
    notifyCustomer: z.boolean().default(true),
  })
  .strict();
export type FulfilOrderInput = z.input<typeof fulfilOrderInput>;

/** Payment states in which nothing may ship: the shopper has not finished paying, or it failed. */
const unplacedPayments = new Set<Order['financialStatus']>(['requires_action', 'failed', 'voided']);

/**
 * Ships a parcel: some units of some lines, from a location, with the carrier's tracking
 * (docs/orders.md, "Fulfilment"). The stock left the ledger when the order was placed (`sale`
 * movements), so shipping moves no stock; the parcel records where it left from (default: where most
 * of its first line's units were sold from). With capture on fulfilment, the parcel's worth is
 * captured now. Errors: 409 `order_not_open`, 409 `payment_not_placed` { financialStatus },
 * 422 `unknown_order_line` / `duplicate_line` { path }, 409 `over_fulfilment`
 * { path, orderLineId, unfulfilled }, 422 `unknown_location`, and the payments' capture errors.
 */
export async function fulfilOrder(
  tx: Db,
  storeId: string,
  actor: Actor,
  orderId: string,
  input: FulfilOrderInput,
): Promise<{ order: Order; fulfilment: Fulfilment }> {
  const data = fulfilOrderInput.parse(input);
  const order = await lockOrder(tx, storeId, orderId);
  assertShippable(order);
  const lines = await orderLinesOf(tx, orderId);
  const requested = checkParcelLines(data.lines, lines);
  let locationId = data.locationId ?? null;
  if (locationId) {
    await requireLocations(tx, storeId, [locationId], { path: 'locationId' });
  } else {
    const first = lines.find((l) => l.id === requested[0]!.orderLineId)!;
    locationId = mainSaleLocation(await soldLocations(tx, storeId, orderId), first.variantId);
  }

  const [parcelRow] = await tx
    .insert(fulfilments)
    .values({
      id: newId('fulfilment'),
      orderId,
      storeId,
      status: 'shipped',
      locationId,
      carrier: data.carrier ?? null,
      trackingNumber: data.trackingNumber ?? null,
      trackingUrl: data.trackingUrl ?? trackingUrlFor(data.carrier, data.trackingNumber),
    })
    .returning();
  const parcel: Fulfilment = { ...parcelRow!, lines: requested };
  await tx.insert(fulfilmentLines).values(requested.map((l) => ({ fulfilmentId: parcel.id, ...l })));
  for (const l of requested) {
    await tx
      .update(orderLines)
      .set({ fulfilledQuantity: sql`${orderLines.fulfilledQuantity} + ${l.quantity}` })
      .where(eq(orderLines.id, l.orderLineId));
  }
  const { order: shipped, lines: after } = await setFulfilmentStatus(tx, order);
  const units = requested.reduce((n, l) => n + l.quantity, 0);
  await recordOrderEvent(
    tx,
    order,
    actor,
    'fulfilment',
    `${units} ${units === 1 ? 'item' : 'items'} shipped${parcel.carrier ? ` with ${parcel.carrier}` : ''}${parcel.trackingNumber ? ` (tracking ${parcel.trackingNumber})` : ''}.`,
    { fulfilmentId: parcel.id, lines: requested, locationId },
  );

  const captured = await captureShippedValue(tx, storeId, actor, shipped, after);
  const current = captured > 0 ? await refreshFinancialStatus(tx, storeId, actor, orderId) : shipped;
  await emitOrderEvent(
    tx,
    current,
    'order.fulfilment_created',
    {
      fulfilmentId: parcel.id,
      carrier: parcel.carrier,
      trackingNumber: parcel.trackingNumber,
      trackingUrl: parcel.trackingUrl,
      lines: requested,
      captured,
    },
    data.notifyCustomer
      ? orderMail(current, {
          ...(await orderMailVariables(tx, current, after)),
          fulfilment: parcelMailVariables(parcel, after),
        })
      : undefined,
  );
  await recordAudit(tx, actor, {
    storeId,
    action: 'order.fulfilment_created',
    entityType: 'fulfilment',
    entityId: parcel.id,
    after: { ...parcel, captured, notifyCustomer: data.notifyCustomer },
  });
  return { order: await completeOrderIfDone(tx, actor, current), fulfilment: parcel };
}

function assertShippable(order: Order): void {
  if (order.status !== 'open') {
    throw conflict('order_not_open', `A ${order.status} order cannot ship.`, { status: order.status });
  }
  if (order.placedAt === null || unplacedPayments.has(order.financialStatus)) {
    throw conflict('payment_not_placed', 'The order’s payment is not placed: nothing ships until it is.', {
      financialStatus: order.financialStatus,
    });
  }
}

/** The parcel's lines checked against the order: its own lines, once each, no more than is left to ship. */
function checkParcelLines(
  requested: readonly { orderLineId: string; quantity: number }[],
  lines: readonly OrderLine[],
): { orderLineId: string; quantity: number }[] {
  const seen = new Set<string>();
  return requested.map((r, i) => {
    const path = `lines.${i}`;
    const line = lines.find((l) => l.id === r.orderLineId);
    if (!line) {
      throw unprocessable('unknown_order_line', 'No such line on this order.', {
        path: `${path}.orderLineId`,
        id: r.orderLineId,
      });
    }
    if (seen.has(line.id)) {
      throw unprocessable('duplicate_line', 'Name each line once.', {
        path: `${path}.orderLineId`,
        id: r.orderLineId,
      });
    }
    seen.add(line.id);
    const unfulfilled = unshippedQuantity(line);
    if (r.quantity > unfulfilled) {
      throw conflict(
        'over_fulfilment',
        `Only ${unfulfilled} of “${line.title}” ${unfulfilled === 1 ? 'is' : 'are'} left to ship.`,
        {
          path: `${path}.quantity`,
          orderLineId: line.id,
          unfulfilled,
        },
      );
    }
    return { orderLineId: line.id, quantity: r.quantity };
  });
}
