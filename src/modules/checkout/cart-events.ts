import type { Db } from '../../platform/db/database.ts';
import { emitEvent } from '../../platform/events/index.ts';

/**
 * The checkout module's events (outbox, in the writing transaction). Payloads name ids and
 * quantities, never an e-mail or an address: webhooks and analytics receive them.
 */
export const cartEventTypes = {
  created: 'cart.created',
  updated: 'cart.updated',
  completed: 'cart.completed',
} as const;

/** What changed in a `cart.updated` event. */
export type CartChange =
  | 'line_added'
  | 'line_quantity_changed'
  | 'line_removed'
  | 'discount_code_applied'
  | 'discount_code_rejected'
  | 'discount_code_removed'
  | 'country_changed'
  | 'contact_changed'
  | 'addresses_changed'
  | 'shipping_option_selected'
  | 'customer_attached'
  | 'merged';

export type CartEventType = (typeof cartEventTypes)[keyof typeof cartEventTypes];
export type CartEventPayload = { cartId: string; change?: CartChange; [key: string]: unknown };

export async function emitCartEvent(
  tx: Db,
  storeId: string,
  type: CartEventType,
  payload: CartEventPayload,
): Promise<void> {
  await emitEvent(tx, { storeId, type, payload });
}
