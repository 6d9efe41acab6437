import { and, desc, eq, ne, sql } from 'drizzle-orm';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { conflict, unprocessable } from '../../platform/errors.ts';
import type { Actor } from '../access/index.ts';
import { type MovementInput, recordMovements } from '../inventory/index.ts';
import { emitOrderEvent } from './order-domain-events.ts';
import { type OrderLine, type OrderReturn, orderLinesOf } from './order-read.ts';
import { mainSaleLocation, type SoldFrom, soldLocations } from './order-stock.ts';
import { recordOrderEvent } from './order-timeline.ts';
import { lockOrderAndReturn, recordReturnAudit, updateReturn } from './return-change.ts';
import { assertDistinctLines, type ReceiveReturnInput, receiveReturnInput } from './return-input.ts';
import { returnMail } from './return-mail.ts';
import { lockReturn, returnsOfOrder } from './return-read.ts';
import { fulfilmentLines, fulfilments, orderLines, orderReturnLines } from './schema.ts';
import { assertTransition } from './state-machines.ts';

/**
 * Records items of an approved return arriving back, possibly in several receipts. Each line's
 * units are either restocked — a `return` movement in the inventory ledger (reference
 * `{ type: 'return', id }`) at `locationId`, else where most of them were sold from — or written
 * off: kept on the return line only, with no movement, because the units never re-enter stock
 * (damaged, unsellable). A line keeps one disposition (409 `return_disposition_mismatch` when a later
 * receipt says otherwise). The order lines' `returned_quantity` counts the units back; once every
 * line is in, the return is `received`. Timeline, audit, and `return.received` with the
 * return_received e-mail naming this receipt's items. 409 `receive_quantity_exceeded`,
 * `illegal_transition`; 422 `unknown_return_line`, `restock_location_required`, `unknown_location`.
 */
export async function receiveReturn(
  tx: Db,
  storeId: string,
  actor: Actor,
  orderId: string,
  returnId: string,
  input: ReceiveReturnInput,
): Promise<OrderReturn> {
  const data = receiveReturnInput.parse(input);
  assertDistinctLines(data.lines);
  const { order, before } = await lockOrderAndReturn(tx, storeId, orderId, returnId);
  // Receipts arrive while the return is approved; the last one moves it on.
  if (before.status !== 'approved') assertTransition('return', before.status, 'received');
  const orderLineOf = new Map((await orderLinesOf(tx, orderId)).map((l) => [l.id, l]));
  const returnLineOf = new Map(before.lines.map((l) => [l.orderLineId, l]));

  let soldCache: Promise<Map<string, SoldFrom[]>> | undefined;
  const sold = () => (soldCache ??= soldLocations(tx, storeId, orderId));
  const movements: MovementInput[] = [];
  const receipt: { orderLineId: string; quantity: number; disposition: string; locationId: string | null }[] =
    [];
  for (const [i, received] of data.lines.entries()) {
    const returnLine = returnLineOf.get(received.orderLineId);
    if (!returnLine) {
      throw unprocessable('unknown_return_line', 'This return has no such line.', {
        path: `lines.${i}.orderLineId`,
        orderLineId: received.orderLineId,
      });
    }
    const outstanding = returnLine.quantity - returnLine.receivedQuantity;
    if (received.quantity > outstanding) {
      throw conflict('receive_quantity_exceeded', 'More units than are still expected back on this line.', {
        path: `lines.${i}.quantity`,
        orderLineId: received.orderLineId,
        outstanding,
      });
    }
    if (returnLine.disposition && returnLine.disposition !== received.disposition) {
      throw conflict(
        'return_disposition_mismatch',
        `Units of this line were already ${returnLine.disposition === 'restock' ? 'restocked' : 'written off'}.`,
        {
          path: `lines.${i}.disposition`,
          orderLineId: received.orderLineId,
          disposition: returnLine.disposition,
        },
      );
    }
    let locationId: string | null = null;
    if (received.disposition === 'restock') {
      const line = orderLineOf.get(received.orderLineId)!;
      if (!line.variantId) {
        throw unprocessable(
          'restock_location_required',
          'The product of this line no longer exists; write the units off.',
          {
            path: `lines.${i}.disposition`,
            orderLineId: line.id,
          },
        );
      }
      locationId = received.locationId ?? (await defaultRestockLocation(tx, orderId, line, sold));
      if (!locationId) {
        throw unprocessable('restock_location_required', 'Say where the units go back into stock.', {
          path: `lines.${i}.locationId`,
          orderLineId: line.id,
        });
      }
      movements.push({
        variantId: line.variantId,
        locationId,
        kind: 'return',
        quantity: received.quantity,
        referenceType: 'return',
        referenceId: returnId,
        note: data.note ?? null,
      });
    }
    receipt.push({
      orderLineId: received.orderLineId,
      quantity: received.quantity,
      disposition: received.disposition,
      locationId,
    });
  }

  await recordMovements(tx, storeId, actor, movements, { path: 'lines' });
  for (const line of receipt) {
    await tx
      .update(orderReturnLines)
      .set({
        receivedQuantity: sql`${orderReturnLines.receivedQuantity} + ${line.quantity}`,
        disposition: line.disposition as 'restock' | 'write_off',
        ...(line.locationId ? { locationId: line.locationId } : {}),
      })
      .where(
        and(eq(orderReturnLines.returnId, returnId), eq(orderReturnLines.orderLineId, line.orderLineId)),
      );
    await tx
      .update(orderLines)
      .set({ returnedQuantity: sql`${orderLines.returnedQuantity} + ${line.quantity}` })
      .where(eq(orderLines.id, line.orderLineId));
  }
  const withLines = await lockReturn(tx, storeId, orderId, returnId);
  const complete = withLines.lines.every((l) => l.receivedQuantity === l.quantity);
  const after = complete
    ? await updateReturn(tx, withLines, { status: 'received', receivedAt: now() })
    : withLines;

  const restocked = receipt.filter((l) => l.disposition === 'restock').reduce((n, l) => n + l.quantity, 0);
  const writtenOff = receipt.filter((l) => l.disposition === 'write_off').reduce((n, l) => n + l.quantity, 0);
  const parts = [
    restocked ? `${restocked} restocked` : '',
    writtenOff ? `${writtenOff} written off` : '',
  ].filter(Boolean);
  await recordOrderEvent(
    tx,
    order,
    actor,
    'return',
    `Returned items received (${parts.join(', ')})${complete ? '; the return is complete.' : '.'}`,
    { returnId, lines: receipt, complete },
  );
  const lines = await orderLinesOf(tx, orderId);
  const allReturns = await returnsOfOrder(tx, orderId);
  await emitOrderEvent(
    tx,
    order,
    'return.received',
    { returnId, lines: receipt, complete },
    await returnMail(tx, order, lines, after, allReturns, { lines: receipt, extra: { complete } }),
  );
  await recordReturnAudit(tx, actor, storeId, 'return.received', before, after, { receipt });
  return after;
}

/**
 * Where a line's units go back by default: the location most of them were sold from (the order's
 * `sale` movements in the ledger), else the latest parcel that carried them and names a location;
 * null when neither says.
 */
async function defaultRestockLocation(
  tx: Db,
  orderId: string,
  line: OrderLine,
  sold: () => Promise<ReadonlyMap<string, SoldFrom[]>>,
): Promise<string | null> {
  const fromSale = mainSaleLocation(await sold(), line.variantId);
  if (fromSale) return fromSale;
  const [parcel] = await tx
    .select({ locationId: fulfilments.locationId })
    .from(fulfilments)
    .innerJoin(fulfilmentLines, eq(fulfilmentLines.fulfilmentId, fulfilments.id))
    .where(
      and(
        eq(fulfilments.orderId, orderId),
        eq(fulfilmentLines.orderLineId, line.id),
        ne(fulfilments.status, 'cancelled'),
        sql`${fulfilments.locationId} is not null`,
      ),
    )
    .orderBy(desc(fulfilments.shippedAt))
    .limit(1);
  return parcel?.locationId ?? null;
}
