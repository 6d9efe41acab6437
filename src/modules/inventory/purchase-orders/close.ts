import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import * as clock from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/database.ts';
import { conflict } from '../../../platform/errors.ts';
import { emitEvent } from '../../../platform/events/index.ts';
import { recordAudit } from '../../access/index.ts';
import { purchaseOrders } from '../schema.ts';
import {
  lockPurchaseOrder,
  type PurchaseOrder,
  type PurchasingContext,
  purchaseOrderLabel,
  requireState,
} from './purchase-order-records.ts';
import { emitReceived } from './receive.ts';

export const cancelPurchaseOrderInput = z
  .object({ reason: z.string().trim().min(1).max(500).optional() })
  .strict();
export type CancelPurchaseOrderInput = z.input<typeof cancelPurchaseOrderInput>;

export const closePurchaseOrderInput = z
  .object({
    /** Why the rest will not come (kept on the order and in the audit log). */
    note: z.string().trim().min(1).max(500),
  })
  .strict();
export type ClosePurchaseOrderInput = z.input<typeof closePurchaseOrderInput>;

/**
 * Cancels an order nothing has been received against: a draft, or a sent order the supplier will not
 * deliver. One with receipts cannot be cancelled (409 `purchase_order_has_receipts`): its stock
 * arrived, so close it short instead. Emits `purchase_order.cancelled`; audited.
 */
export async function cancelPurchaseOrder(
  tx: Db,
  ctx: PurchasingContext,
  id: string,
  input: CancelPurchaseOrderInput = {},
): Promise<PurchaseOrder> {
  const { reason } = cancelPurchaseOrderInput.parse(input);
  const before = await lockPurchaseOrder(tx, ctx.store.id, id);
  requireState(before, ['draft', 'sent'], {
    code: 'purchase_order_has_receipts',
    message: 'Goods were received against this order: close it short instead of cancelling.',
  });
  const after = await closeAs(
    tx,
    before,
    'cancelled',
    reason ? appendNote(before.note, `Cancelled: ${reason}`) : before.note,
  );
  await emitEvent(tx, {
    storeId: before.storeId,
    type: 'purchase_order.cancelled',
    payload: {
      purchaseOrderId: id,
      number: purchaseOrderLabel(before.number),
      supplierId: before.supplierId,
      wasSent: before.state === 'sent',
    },
  });
  await recordAudit(tx, ctx.actor, {
    storeId: before.storeId,
    action: 'purchase_order.cancelled',
    entityType: 'purchase_order',
    entityId: id,
    before: { state: before.state },
    after: { state: after.state, reason: reason ?? null },
  });
  return after;
}

/**
 * Closes a part-received order short: the rest will not come. It becomes `received` with the note,
 * its open quantities stop counting as incoming, and `purchase_order.received` is emitted with
 * `closedShort: true`. Only a part-received order (409 `nothing_received` for a sent one: cancel it).
 * Audited.
 */
export async function closePurchaseOrder(
  tx: Db,
  ctx: PurchasingContext,
  id: string,
  input: ClosePurchaseOrderInput,
): Promise<PurchaseOrder> {
  const { note } = closePurchaseOrderInput.parse(input);
  const before = await lockPurchaseOrder(tx, ctx.store.id, id);
  if (before.state === 'draft' || before.state === 'sent') {
    throw conflict('nothing_received', 'Nothing was received against this order: cancel it instead.', {
      state: before.state,
    });
  }
  requireState(before, ['partially_received'], { code: 'purchase_order_closed', message: 'Already closed.' });
  const after = await closeAs(tx, before, 'received', appendNote(before.note, `Closed short: ${note}`));
  await emitReceived(tx, after, { closedShort: true });
  await recordAudit(tx, ctx.actor, {
    storeId: before.storeId,
    action: 'purchase_order.closed_short',
    entityType: 'purchase_order',
    entityId: id,
    before: { state: before.state },
    after: { state: after.state, note },
  });
  return after;
}

async function closeAs(
  tx: Db,
  order: PurchaseOrder,
  state: 'cancelled' | 'received',
  note: string | null,
): Promise<PurchaseOrder> {
  const now = clock.now();
  const [after] = await tx
    .update(purchaseOrders)
    .set({ state, note, closedAt: now, updatedAt: now })
    .where(and(eq(purchaseOrders.storeId, order.storeId), eq(purchaseOrders.id, order.id)))
    .returning();
  return after!;
}

function appendNote(note: string | null, addition: string): string {
  return note ? `${note}\n\n${addition}` : addition;
}
