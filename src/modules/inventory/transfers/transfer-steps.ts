import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import * as clock from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/database.ts';
import { conflict, unprocessable } from '../../../platform/errors.ts';
import { emitEvent } from '../../../platform/events/index.ts';
import type { Actor } from '../../access/index.ts';
import { findStockVariants } from '../../catalog/index.ts';
import { type Movement, recordMovements } from '../ledger/record-movements.ts';
import { requireLocations } from '../locations/locations.ts';
import { inventoryTransferLines, inventoryTransfers } from '../schema.ts';
import { checkTransferVariants } from './transfer-drafts.ts';
import {
  assertTransferState,
  lockTransfer,
  type TransferWithLines,
  transferName,
} from './transfer-records.ts';

/**
 * The steps that move stock: ship (draft → in transit), receive (in transit → received, once every
 * unit has arrived), cancel. Each writes its movements through the ledger in the caller's
 * transaction, referring to the transfer, so a refused step writes nothing.
 */

const reference = (transfer: TransferWithLines) => ({ referenceType: 'transfer', referenceId: transfer.id });

/**
 * Takes the lines' units out of the source (`transfer_out`); they count as incoming at the
 * destination until received. Only unreserved units on hand leave, whatever the variant's selling
 * policy: units promised to orders stay, and a transfer cannot ship what is not there (409
 * `insufficient_stock`, naming the line).
 */
export async function shipTransfer(
  tx: Db,
  storeId: string,
  actor: Actor,
  id: string,
): Promise<{ transfer: TransferWithLines; movements: Movement[] }> {
  const transfer = await lockTransfer(tx, storeId, id);
  assertTransferState(transfer, ['draft'], 'shipped');
  // The ends were active when the draft was written; one may have closed since.
  await requireLocations(tx, storeId, [transfer.fromLocationId], { active: true, path: 'fromLocationId' });
  await requireLocations(tx, storeId, [transfer.toLocationId], { active: true, path: 'toLocationId' });
  const variantIds = transfer.lines.map((l) => l.variantId);
  await checkTransferVariants(tx, storeId, variantIds);
  // recordMovements guards a decrease unless the variant keeps selling; a shipment is always guarded.
  const variants = new Map(
    [...(await findStockVariants(tx, storeId, variantIds))].map(([variantId, variant]) => [
      variantId,
      { ...variant, inventoryPolicy: 'deny' },
    ]),
  );
  const movements = await recordMovements(
    tx,
    storeId,
    actor,
    transfer.lines.map((line) => ({
      variantId: line.variantId,
      locationId: transfer.fromLocationId,
      kind: 'transfer_out' as const,
      quantity: -line.quantity,
      ...reference(transfer),
    })),
    { variants, path: 'lines' },
  );
  const now = clock.now();
  await tx
    .update(inventoryTransfers)
    .set({ state: 'in_transit', shippedAt: now, updatedAt: now })
    .where(eq(inventoryTransfers.id, id));
  await emitEvent(tx, {
    storeId,
    type: 'transfer.shipped',
    payload: {
      transferId: id,
      number: transfer.number,
      name: transferName(transfer.number),
      fromLocationId: transfer.fromLocationId,
      toLocationId: transfer.toLocationId,
      lines: transfer.lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity })),
    },
  });
  return { transfer: await lockTransfer(tx, storeId, id), movements };
}

export const receiveTransferInput = z
  .object({
    /** What arrived; every unit still on its way when left out. */
    lines: z
      .array(
        z
          .object({
            variantId: z.string().min(1).max(64),
            quantity: z.number().int().min(1).max(1_000_000),
          })
          .strict(),
      )
      .min(1)
      .max(500)
      .optional(),
  })
  .strict();
export type ReceiveTransferInput = z.input<typeof receiveTransferInput>;

/**
 * Puts arrived units into the destination (`transfer_in`). A receipt may cover part of the
 * shipment: the transfer stays in transit (the rest still incoming) until every line is complete,
 * then it is received. More than is still on its way is refused (409 `receipt_exceeds_shipped`).
 */
export async function receiveTransfer(
  tx: Db,
  storeId: string,
  actor: Actor,
  id: string,
  input: ReceiveTransferInput = {},
): Promise<{ transfer: TransferWithLines; movements: Movement[] }> {
  const data = receiveTransferInput.parse(input);
  const transfer = await lockTransfer(tx, storeId, id);
  assertTransferState(transfer, ['in_transit'], 'received');
  const lineOf = new Map(transfer.lines.map((l) => [l.variantId, l]));
  const receipt =
    data.lines ??
    transfer.lines
      .filter((l) => l.quantity > l.quantityReceived)
      .map((l) => ({ variantId: l.variantId, quantity: l.quantity - l.quantityReceived }));
  const seen = new Set<string>();
  for (const [index, item] of receipt.entries()) {
    const line = lineOf.get(item.variantId);
    if (!line) {
      throw unprocessable('unknown_line', `${transferName(transfer.number)} has no line for this variant.`, {
        path: `lines.${index}.variantId`,
        id: item.variantId,
      });
    }
    if (seen.has(item.variantId)) {
      throw unprocessable('duplicate_variant', 'Each variant goes on one line of a receipt.', {
        path: `lines.${index}.variantId`,
        id: item.variantId,
      });
    }
    seen.add(item.variantId);
    const remaining = line.quantity - line.quantityReceived;
    if (item.quantity > remaining) {
      throw conflict('receipt_exceeds_shipped', 'More units than are still on their way for this line.', {
        path: `lines.${index}.quantity`,
        variantId: item.variantId,
        shipped: line.quantity,
        received: line.quantityReceived,
        remaining,
      });
    }
  }
  const movements = await recordMovements(
    tx,
    storeId,
    actor,
    receipt.map((item) => ({
      variantId: item.variantId,
      locationId: transfer.toLocationId,
      kind: 'transfer_in' as const,
      quantity: item.quantity,
      ...reference(transfer),
    })),
    { path: 'lines' },
  );
  for (const item of receipt) {
    await tx
      .update(inventoryTransferLines)
      .set({ quantityReceived: sql`${inventoryTransferLines.quantityReceived} + ${item.quantity}` })
      .where(eq(inventoryTransferLines.id, lineOf.get(item.variantId)!.id));
  }
  const complete = transfer.lines.every(
    (l) =>
      l.quantityReceived + (receipt.find((r) => r.variantId === l.variantId)?.quantity ?? 0) === l.quantity,
  );
  const now = clock.now();
  await tx
    .update(inventoryTransfers)
    .set(complete ? { state: 'received', receivedAt: now, updatedAt: now } : { updatedAt: now })
    .where(eq(inventoryTransfers.id, id));
  await emitEvent(tx, {
    storeId,
    type: 'transfer.received',
    payload: {
      transferId: id,
      number: transfer.number,
      name: transferName(transfer.number),
      toLocationId: transfer.toLocationId,
      lines: receipt,
      complete,
    },
  });
  return { transfer: await lockTransfer(tx, storeId, id), movements };
}

/**
 * Cancels a transfer. A draft simply closes. A transfer in transit closes too, and the units not yet
 * received go back on hand at the source (`transfer_in` there, referring to the transfer): what was
 * not delivered is taken to have stayed, or come back. Units already received stay at the
 * destination. Units lost on the way are then written off at the source with an adjustment (lost).
 * A received or cancelled transfer cannot be cancelled.
 */
export async function cancelTransfer(
  tx: Db,
  storeId: string,
  actor: Actor,
  id: string,
): Promise<{ before: TransferWithLines; transfer: TransferWithLines; movements: Movement[] }> {
  const before = await lockTransfer(tx, storeId, id);
  assertTransferState(before, ['draft', 'in_transit'], 'cancelled');
  const unreceived = before.lines.filter((l) => l.quantity > l.quantityReceived);
  const movements =
    before.state === 'in_transit'
      ? await recordMovements(
          tx,
          storeId,
          actor,
          unreceived.map((line) => ({
            variantId: line.variantId,
            locationId: before.fromLocationId,
            kind: 'transfer_in' as const,
            quantity: line.quantity - line.quantityReceived,
            note: `${transferName(before.number)} cancelled: back at the source`,
            ...reference(before),
          })),
          { path: 'lines' },
        )
      : [];
  await tx
    .update(inventoryTransfers)
    .set({ state: 'cancelled', updatedAt: clock.now() })
    .where(eq(inventoryTransfers.id, id));
  if (before.state === 'in_transit') {
    await emitEvent(tx, {
      storeId,
      type: 'transfer.cancelled',
      payload: {
        transferId: id,
        number: before.number,
        name: transferName(before.number),
        fromLocationId: before.fromLocationId,
        returned: unreceived.map((l) => ({
          variantId: l.variantId,
          quantity: l.quantity - l.quantityReceived,
        })),
      },
    });
  }
  return { before, transfer: await lockTransfer(tx, storeId, id), movements };
}
