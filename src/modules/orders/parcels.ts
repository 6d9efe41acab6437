import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { conflict, notFound, unprocessable } from '../../platform/errors.ts';
import { type Actor, recordAudit } from '../access/index.ts';
import { trackingUrlFor } from './carrier-tracking.ts';
import { trackingFields } from './fulfil-order.ts';
import { completeOrderIfDone, reopenOrder } from './order-completion.ts';
import { emitOrderEvent } from './order-domain-events.ts';
import { orderMail, orderMailVariables, parcelMailVariables } from './order-mail.ts';
import { type Fulfilment, lockOrder, type Order } from './order-read.ts';
import { recordOrderEvent } from './order-timeline.ts';
import { fulfilments, orderLines } from './schema.ts';
import { assertTransition } from './state-machines.ts';
import { parcelsOf, setFulfilmentStatus } from './stored-fulfilment-status.ts';

/** The order (locked) and one of its parcels; 404 when the parcel is not the order's. */
async function lockParcel(
  tx: Db,
  storeId: string,
  orderId: string,
  fulfilmentId: string,
): Promise<{ order: Order; parcel: Fulfilment }> {
  const order = await lockOrder(tx, storeId, orderId);
  const parcel = (await parcelsOf(tx, orderId)).find((p) => p.id === fulfilmentId);
  if (!parcel) throw notFound('Fulfilment', { id: fulfilmentId });
  return { order, parcel };
}

async function saveParcel(
  tx: Db,
  parcel: Fulfilment,
  patch: Partial<typeof fulfilments.$inferInsert>,
): Promise<Fulfilment> {
  const [row] = await tx.update(fulfilments).set(patch).where(eq(fulfilments.id, parcel.id)).returning();
  return { ...row!, lines: parcel.lines };
}

export const markDeliveredInput = z
  .object({
    /** When the carrier delivered it (ISO 8601); now when left out. */
    deliveredAt: z.iso.datetime({ offset: true }).optional(),
    notifyCustomer: z.boolean().default(true),
  })
  .strict();

/** Clock skew allowed for a delivery time said to be "now" by another machine. */
const FUTURE_SLACK_MS = 5 * 60_000;

/**
 * A parcel arrived (shipped → delivered). When that was the last parcel of a fully shipped order
 * still on its way, the order's fulfilment status becomes `delivered` and the customer is told
 * (`order.delivered` with the delivery e-mail's variables); the order may complete. Errors: 404,
 * 409 `illegal_transition` (cancelled or already delivered), 422 `invalid_delivered_at`.
 */
export async function markParcelDelivered(
  tx: Db,
  storeId: string,
  actor: Actor,
  orderId: string,
  fulfilmentId: string,
  input: z.input<typeof markDeliveredInput> = {},
): Promise<{ order: Order; fulfilment: Fulfilment }> {
  const data = markDeliveredInput.parse(input);
  const { order, parcel } = await lockParcel(tx, storeId, orderId, fulfilmentId);
  assertTransition('parcel', parcel.status, 'delivered');
  const deliveredAt = data.deliveredAt ? new Date(data.deliveredAt) : now();
  if (deliveredAt < parcel.shippedAt || deliveredAt.getTime() > now().getTime() + FUTURE_SLACK_MS) {
    throw unprocessable(
      'invalid_delivered_at',
      'A parcel is delivered after it shipped and not in the future.',
      {
        path: 'deliveredAt',
      },
    );
  }
  const delivered = await saveParcel(tx, parcel, { status: 'delivered', deliveredAt });
  await recordOrderEvent(
    tx,
    order,
    actor,
    'delivery',
    `Parcel delivered${parcel.carrier ? ` (${parcel.carrier})` : ''}.`,
    {
      fulfilmentId,
    },
  );
  const { order: updated, lines } = await setFulfilmentStatus(tx, order);
  if (updated.fulfilmentStatus === 'delivered' && order.fulfilmentStatus !== 'delivered') {
    const mail = data.notifyCustomer
      ? orderMail(updated, {
          ...(await orderMailVariables(tx, updated, lines)),
          fulfilment: parcelMailVariables(delivered, lines),
        })
      : undefined;
    await emitOrderEvent(tx, updated, 'order.delivered', { fulfilmentId }, mail);
  } else {
    await emitOrderEvent(tx, updated, 'order.updated', {
      changed: ['fulfilments'],
      fulfilmentId,
      parcelStatus: 'delivered',
    });
  }
  await recordAudit(tx, actor, {
    storeId,
    action: 'order.parcel_delivered',
    entityType: 'fulfilment',
    entityId: fulfilmentId,
    before: { status: parcel.status },
    after: { status: 'delivered', deliveredAt, orderId },
  });
  return { order: await completeOrderIfDone(tx, actor, updated), fulfilment: delivered };
}

export const cancelParcelInput = z.object({ reason: z.string().trim().max(500).optional() }).strict();

/**
 * A shipped parcel that will not arrive (lost, recalled, returned to sender): shipped → cancelled.
 * Its units count as not shipped again, so they can go in a new parcel — except units already
 * refunded, which are taken off what is left to ship. A completed order reopens. Money captured for
 * the parcel stays captured (refund it if the customer is owed it); a new parcel of the same units
 * captures nothing more. Errors: 404, 409 `illegal_transition` (delivered or already cancelled).
 */
export async function cancelParcel(
  tx: Db,
  storeId: string,
  actor: Actor,
  orderId: string,
  fulfilmentId: string,
  input: z.input<typeof cancelParcelInput> = {},
): Promise<{ order: Order; fulfilment: Fulfilment }> {
  const data = cancelParcelInput.parse(input);
  let { order, parcel } = await lockParcel(tx, storeId, orderId, fulfilmentId);
  assertTransition('parcel', parcel.status, 'cancelled');
  const cancelled = await saveParcel(tx, parcel, { status: 'cancelled', cancelledAt: now() });
  for (const l of parcel.lines) {
    await tx
      .update(orderLines)
      .set({ fulfilledQuantity: sql`${orderLines.fulfilledQuantity} - ${l.quantity}` })
      .where(eq(orderLines.id, l.orderLineId));
    // Refunded units beyond those still shipped were in this parcel: they will not ship again.
    await tx
      .update(orderLines)
      .set({
        removedQuantity: sql`greatest(${orderLines.removedQuantity}, ${orderLines.refundedQuantity} - ${orderLines.fulfilledQuantity})`,
      })
      .where(eq(orderLines.id, l.orderLineId));
  }
  if (order.status === 'completed') order = await reopenOrder(tx, actor, order, 'a parcel was cancelled.');
  const { order: updated } = await setFulfilmentStatus(tx, order);
  const units = parcel.lines.reduce((n, l) => n + l.quantity, 0);
  await recordOrderEvent(
    tx,
    updated,
    actor,
    'fulfilment',
    `Parcel cancelled: ${units} ${units === 1 ? 'item is' : 'items are'} to ship again.${data.reason ? ` ${data.reason}` : ''}`,
    { fulfilmentId, reason: data.reason ?? null },
  );
  await emitOrderEvent(tx, updated, 'order.updated', {
    changed: ['fulfilments'],
    fulfilmentId,
    parcelStatus: 'cancelled',
  });
  await recordAudit(tx, actor, {
    storeId,
    action: 'order.parcel_cancelled',
    entityType: 'fulfilment',
    entityId: fulfilmentId,
    before: { status: parcel.status },
    after: { status: 'cancelled', orderId, reason: data.reason ?? null },
  });
  return { order: updated, fulfilment: cancelled };
}

export const parcelTrackingInput = z
  .object({
    carrier: trackingFields.carrier.nullable().optional(),
    trackingNumber: trackingFields.trackingNumber.nullable().optional(),
    trackingUrl: trackingFields.trackingUrl.nullable().optional(),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 0, 'Give the carrier, the tracking number or the tracking URL.');

/**
 * Corrects a parcel's carrier and tracking (null clears a field). When the carrier or the number
 * changes and no URL is given, the URL is made again from the carrier table (none for an unknown
 * carrier). No e-mail is sent. Errors: 404, 409 `parcel_cancelled`.
 */
export async function updateParcelTracking(
  tx: Db,
  storeId: string,
  actor: Actor,
  orderId: string,
  fulfilmentId: string,
  input: z.input<typeof parcelTrackingInput>,
): Promise<{ order: Order; fulfilment: Fulfilment }> {
  const data = parcelTrackingInput.parse(input);
  const { order, parcel } = await lockParcel(tx, storeId, orderId, fulfilmentId);
  if (parcel.status === 'cancelled') {
    throw conflict('parcel_cancelled', 'A cancelled parcel’s tracking cannot change.', { fulfilmentId });
  }
  const carrier = data.carrier === undefined ? parcel.carrier : data.carrier;
  const trackingNumber = data.trackingNumber === undefined ? parcel.trackingNumber : data.trackingNumber;
  const trackingUrl =
    data.trackingUrl !== undefined
      ? data.trackingUrl
      : data.carrier !== undefined || data.trackingNumber !== undefined
        ? trackingUrlFor(carrier, trackingNumber)
        : parcel.trackingUrl;
  const before = {
    carrier: parcel.carrier,
    trackingNumber: parcel.trackingNumber,
    trackingUrl: parcel.trackingUrl,
  };
  const after = { carrier, trackingNumber, trackingUrl };
  const updated = await saveParcel(tx, parcel, after);
  await recordOrderEvent(
    tx,
    order,
    actor,
    'fulfilment',
    `Tracking updated${carrier ? `: ${carrier}` : ''}${trackingNumber ? ` ${trackingNumber}` : ''}.`,
    { fulfilmentId, before, after },
  );
  await emitOrderEvent(tx, order, 'order.updated', {
    changed: ['fulfilment_tracking'],
    fulfilmentId,
    ...after,
  });
  await recordAudit(tx, actor, {
    storeId,
    action: 'order.parcel_tracking_updated',
    entityType: 'fulfilment',
    entityId: fulfilmentId,
    before,
    after: { ...after, orderId },
  });
  return { order, fulfilment: updated };
}
