import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import * as clock from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/database.ts';
import { resultRows } from '../../../platform/db/result-rows.ts';
import { conflict, unprocessable } from '../../../platform/errors.ts';
import { emitEvent } from '../../../platform/events/index.ts';
import { recordAudit } from '../../access/index.ts';
import { type Movement, recordMovements } from '../ledger/record-movements.ts';
import { purchaseOrderLines, purchaseOrders } from '../schema.ts';
import {
  linesOf,
  lockPurchaseOrder,
  type PurchaseOrder,
  type PurchaseOrderLine,
  type PurchasingContext,
  purchaseOrderLabel,
  requireState,
} from './purchase-order-records.ts';
import { toBaseCurrencyCost, weightedAverageCost } from './receipt-costs.ts';

const id = z.string().min(1).max(64);

export const receivePurchaseOrderInput = z
  .object({
    lines: z
      .array(
        z
          .object({
            /** The order line, or the variant it is for (one of the two). */
            lineId: id.optional(),
            variantId: id.optional(),
            quantity: z.number().int().min(1).max(1_000_000),
            /** Per unit in minor units of the order's currency; the line's cost when left out. */
            unitCost: z
              .object({ amount: z.number().int().min(0).max(1_000_000_000_000) })
              .strict()
              .optional(),
          })
          .strict()
          .refine((l) => (l.lineId === undefined) !== (l.variantId === undefined), {
            message: 'Name the line by lineId or by variantId (one of them).',
            path: ['lineId'],
          }),
      )
      .min(1)
      .max(500),
    /** Take more than a line's open quantity (the supplier sent extra); refused otherwise. */
    allowOverReceipt: z.boolean().default(false),
    note: z.string().trim().min(1).max(500).optional(),
  })
  .strict();
export type ReceivePurchaseOrderInput = z.input<typeof receivePurchaseOrderInput>;

export interface ReceiptResult {
  order: PurchaseOrder;
  movements: Movement[];
  /** The variants' weighted average cost after the receipt, in the store's base currency. */
  averageCosts: { variantId: string; before: number | null; after: number }[];
}

/**
 * Books goods that arrived against a sent order, all lines or none: a `receive` movement per line at
 * the order's delivery location (referring to the order, with the unit cost converted to the store's
 * base currency), the lines' received quantities, each variant's weighted average cost
 * (`weightedAverageCost` over its on hand at all locations), and the order's state:
 * `partially_received` until every line has all it ordered, then `received` (which emits
 * `purchase_order.received`). More than a line still expects is refused (409 `over_receipt`, with the
 * path of the line) unless `allowOverReceipt`. Audited.
 */
export async function receivePurchaseOrder(
  tx: Db,
  ctx: PurchasingContext,
  id: string,
  input: ReceivePurchaseOrderInput,
): Promise<ReceiptResult> {
  const data = receivePurchaseOrderInput.parse(input);
  const storeId = ctx.store.id;
  const order = await lockPurchaseOrder(tx, storeId, id);
  requireState(order, ['sent', 'partially_received'], {
    code: 'purchase_order_not_sent',
    message: 'Goods are received against a sent order: send the draft first.',
  });
  const lines = await linesOf(tx, id);
  const receipts = matchReceiptLines(lines, data.lines, data.allowOverReceipt);

  const baseCosts = receipts.map(({ line, unitCostAmount }) => ({
    line,
    baseCost: toBaseCurrencyCost(unitCostAmount, order.currency, ctx.store.baseCurrency, order.exchangeRate),
  }));
  const movements = await recordMovements(
    tx,
    storeId,
    ctx.actor,
    receipts.map(({ line, quantity }, index) => ({
      variantId: line.variantId,
      locationId: order.locationId,
      kind: 'receive' as const,
      quantity,
      referenceType: 'purchase_order',
      referenceId: id,
      unitCostAmount: baseCosts[index]!.baseCost,
      note: data.note ?? null,
    })),
    { path: 'lines' },
  );
  const averageCosts = await updateAverageCosts(
    tx,
    receipts.map(({ line, quantity }, index) => ({
      variantId: line.variantId,
      quantity,
      unitCost: baseCosts[index]!.baseCost,
    })),
  );

  for (const { line, quantity } of receipts) {
    await tx
      .update(purchaseOrderLines)
      .set({ quantityReceived: sql`${purchaseOrderLines.quantityReceived} + ${quantity}` })
      .where(eq(purchaseOrderLines.id, line.id));
  }
  const received = new Map(receipts.map((r) => [r.line.id, r.quantity]));
  const complete = lines.every((l) => l.quantityReceived + (received.get(l.id) ?? 0) >= l.quantityOrdered);
  const now = clock.now();
  const [after] = await tx
    .update(purchaseOrders)
    .set({
      state: complete ? 'received' : 'partially_received',
      ...(complete ? { closedAt: now } : {}),
      updatedAt: now,
    })
    .where(and(eq(purchaseOrders.storeId, storeId), eq(purchaseOrders.id, id)))
    .returning();
  if (complete) await emitReceived(tx, after!, { closedShort: false });
  await recordAudit(tx, ctx.actor, {
    storeId,
    action: 'purchase_order.receipt_recorded',
    entityType: 'purchase_order',
    entityId: id,
    before: { state: order.state },
    after: {
      state: after!.state,
      lines: receipts.map(({ line, quantity, unitCostAmount }, index) => ({
        lineId: line.id,
        variantId: line.variantId,
        quantity,
        unitCostAmount,
        baseUnitCostAmount: baseCosts[index]!.baseCost,
      })),
      movementIds: movements.map((m) => m.id),
      averageCosts,
      allowOverReceipt: data.allowOverReceipt,
      note: data.note ?? null,
    },
  });
  return { order: after!, movements, averageCosts };
}

interface MatchedReceipt {
  line: PurchaseOrderLine;
  quantity: number;
  unitCostAmount: number;
}

/** Each receipt line's order line, checked: on this order, once, within what the line still expects. */
function matchReceiptLines(
  lines: readonly PurchaseOrderLine[],
  inputs: z.output<typeof receivePurchaseOrderInput>['lines'],
  allowOverReceipt: boolean,
): MatchedReceipt[] {
  const seen = new Set<string>();
  return inputs.map((input, index) => {
    const path = `lines.${index}`;
    const line = input.lineId
      ? lines.find((l) => l.id === input.lineId)
      : lines.find((l) => l.variantId === input.variantId);
    if (!line) {
      const field = input.lineId ? 'lineId' : 'variantId';
      throw unprocessable('unknown_line', 'This order has no such line.', {
        path: `${path}.${field}`,
        id: input.lineId ?? input.variantId,
      });
    }
    if (seen.has(line.id)) {
      throw unprocessable('duplicate_line', 'Each order line can be received once per receipt.', {
        path,
        lineId: line.id,
      });
    }
    seen.add(line.id);
    const open = line.quantityOrdered - line.quantityReceived;
    if (input.quantity > open && !allowOverReceipt) {
      throw conflict(
        'over_receipt',
        `This line expects ${Math.max(open, 0)} more; to take more, receive with allowOverReceipt.`,
        {
          path: `${path}.quantity`,
          lineId: line.id,
          ordered: line.quantityOrdered,
          received: line.quantityReceived,
          open: Math.max(open, 0),
        },
      );
    }
    return { line, quantity: input.quantity, unitCostAmount: input.unitCost?.amount ?? line.unitCostAmount };
  });
}

/**
 * New weighted average costs after the receipt's movements. The inventory items are locked after the
 * levels (the order every stock writer takes), and the on hand before is what is on hand now minus
 * this receipt, across every location.
 */
async function updateAverageCosts(
  tx: Db,
  receipts: { variantId: string; quantity: number; unitCost: number }[],
): Promise<ReceiptResult['averageCosts']> {
  const variantIds = receipts.map((r) => r.variantId).sort();
  const items = resultRows<{ variant_id: string; average_cost_amount: string | number | null }>(
    await tx.execute(sql`
      select variant_id, average_cost_amount from inventory_items
      where variant_id = any(${sql.param(variantIds)}::text[])
      order by variant_id
      for update`),
  );
  const onHand = resultRows<{ variant_id: string; on_hand: string | number }>(
    await tx.execute(sql`
      select variant_id, coalesce(sum(on_hand), 0) as on_hand from inventory_levels
      where variant_id = any(${sql.param(variantIds)}::text[])
      group by variant_id`),
  );
  const results: ReceiptResult['averageCosts'] = [];
  for (const receipt of receipts) {
    const item = items.find((i) => i.variant_id === receipt.variantId);
    const before = item?.average_cost_amount == null ? null : Number(item.average_cost_amount);
    const total = Number(onHand.find((o) => o.variant_id === receipt.variantId)?.on_hand ?? 0);
    const after = weightedAverageCost({
      onHandBefore: total - receipt.quantity,
      averageBefore: before,
      quantity: receipt.quantity,
      unitCost: receipt.unitCost,
    });
    await tx.execute(sql`
      update inventory_items set average_cost_amount = ${after}, updated_at = now()
      where variant_id = ${receipt.variantId}`);
    results.push({ variantId: receipt.variantId, before, after });
  }
  return results;
}

export async function emitReceived(tx: Db, order: PurchaseOrder, options: { closedShort: boolean }) {
  await emitEvent(tx, {
    storeId: order.storeId,
    type: 'purchase_order.received',
    payload: {
      purchaseOrderId: order.id,
      number: purchaseOrderLabel(order.number),
      supplierId: order.supplierId,
      locationId: order.locationId,
      closedShort: options.closedShort,
    },
  });
}
