import { announceChange } from '../../platform/cache/index.ts';
import type { Db } from '../../platform/db/database.ts';
import { emitEvents } from '../../platform/events/index.ts';

/**
 * `tax.updated`: something that changes what a cart is taxed changed (docs/tax.md, "Events").
 * Consumers that keep taxed amounts — rendered prices that include tax, open carts — recompute.
 */
export const taxUpdatedEvent = 'tax.updated';

export type TaxChange = 'settings' | 'classes' | 'rates' | 'product_classes';

export interface TaxUpdatedPayload {
  changed: TaxChange;
  [detail: string]: unknown;
}

/** The change-feed topic of a store's tax setup: cached settings and rates are dropped when it is announced. */
export function taxTopic(storeId: string): string {
  return `tax:${storeId}`;
}

/** One `tax.updated` event in the writer's transaction, the change announced with it. */
export async function emitTaxUpdated(
  tx: Db,
  storeId: string,
  changed: TaxChange,
  details: Record<string, unknown> = {},
): Promise<void> {
  await emitEvents(tx, [
    { storeId, type: taxUpdatedEvent, payload: { ...details, changed } satisfies TaxUpdatedPayload },
  ]);
  await announceChange(tx, taxTopic(storeId));
}
