import type { Db } from '../../../platform/db/database.ts';
import { type Actor, getStore } from '../../access/index.ts';
import type { Order } from '../../orders/index.ts';
import type { Payment } from '../../payments/index.ts';
import { placeOrderFromCart } from '../placement/place-order.ts';
import { recordDraftChange } from './draft-events.ts';
import { type CompleteDraftInput, completeDraftInput } from './draft-input.ts';
import { type DraftOrder, getDraftOrder, lockOpenDraft } from './draft-read.ts';

export interface CompletedDraft {
  draft: DraftOrder;
  order: Order;
  /** The manual payment: captured when staff took it, pending otherwise; null for an order of 0. */
  payment: Payment | null;
}

/**
 * Staff took the payment themselves (a phone order paid in cash or by transfer): the draft becomes
 * an order through the one placement (`placeOrderFromCart`: priced afresh, stock and discount uses
 * reserved then sold, the customer found or made, source `admin`), paid by the `manual` provider
 * even when the storefront does not offer it. Unless `paymentPending`, the payment is recorded
 * received, so the order is placed paid; otherwise it awaits the money like a bank transfer.
 * In the caller's transaction (the placement is a savepoint in it). Errors: 404, 409
 * `draft_order_completed` (already an order — by staff, or the customer through the link),
 * 409 `cart_total_changed` (with `expectedTotal`), and the placement's own: 422 `cart_empty`,
 * `cart_not_purchasable`, `checkout_incomplete`, 409 `out_of_stock`, `discount_usage_limit_reached`.
 */
export async function completeDraftOrder(
  tx: Db,
  storeId: string,
  actor: Actor,
  draftId: string,
  input: CompleteDraftInput,
): Promise<CompletedDraft> {
  const data = completeDraftInput.parse(input);
  const store = await getStore(tx, storeId);
  // Locked first: a twin request (a double click) waits here, then finds the draft completed.
  await lockOpenDraft(tx, storeId, draftId);
  const placed = await placeOrderFromCart(tx, {
    storeId,
    cartId: draftId,
    idempotencyKey: `draft-order:${draftId}`,
    payment: { provider: 'manual' },
    actor,
    allowDisabledProvider: true,
    paymentReceived: !data.paymentPending,
    ...(data.expectedTotal !== undefined ? { expectedTotal: data.expectedTotal } : {}),
  });
  const draft = await getDraftOrder(tx, store, draftId);
  await recordDraftChange(tx, actor, storeId, {
    kind: 'completed',
    id: draft.id,
    name: draft.name,
    after: {
      orderId: placed.order.id,
      orderNumber: placed.order.number,
      total: placed.order.total,
      currency: placed.order.currency,
      paymentPending: data.paymentPending,
    },
  });
  return { draft, order: placed.order, payment: placed.payment };
}
