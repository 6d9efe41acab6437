import { announceChange } from '../../platform/cache/index.ts';
import type { Db } from '../../platform/db/database.ts';
import { emitEvents } from '../../platform/events/index.ts';

/**
 * Domain events of the markets module (docs/markets.md, "Events"). `market.*` says which market a
 * shopper gets and what it is; `market.prices_changed` says the calculated prices of a market moved
 * (price list settings, explicit prices, an exchange rate, its currency), so caches of rendered
 * prices — the storefront's pages, feeds — know to drop them.
 */
export const marketEventTypes = {
  created: 'market.created',
  updated: 'market.updated',
  deleted: 'market.deleted',
  pricesChanged: 'market.prices_changed',
  rateRecorded: 'exchange_rate.recorded',
  rateDeleted: 'exchange_rate.deleted',
} as const;

export type PricesChangedReason = 'price_list' | 'explicit_prices' | 'exchange_rate' | 'currency';

export interface PricesChangedPayload {
  marketId: string;
  currency: string;
  reason: PricesChangedReason;
  /** The variants whose price changed; null: any variant may have (too many to list, or all). */
  variantIds: string[] | null;
  [key: string]: unknown;
}

/** Payloads list at most this many variants; more say null ("any"). */
const maxListedVariants = 1000;

/** The change-feed topic of a store's markets and prices: cached prices drop when it is announced. */
export function marketsTopic(storeId: string): string {
  return `markets:${storeId}`;
}

/** Announces a change to the store's markets or prices, in the writer's transaction. */
export function announceMarketsChange(tx: Db, storeId: string): Promise<void> {
  return announceChange(tx, marketsTopic(storeId));
}

/** One event about a market (created, updated, deleted), with the change announced. */
export async function emitMarketEvent(
  tx: Db,
  storeId: string,
  type: (typeof marketEventTypes)['created' | 'updated' | 'deleted'],
  market: { id: string; handle: string; currency: string; countries: string[]; active: boolean },
): Promise<void> {
  const { id, handle, currency, countries, active } = market;
  await emitEvents(tx, [{ storeId, type, payload: { marketId: id, handle, currency, countries, active } }]);
  await announceMarketsChange(tx, storeId);
}

/** `market.prices_changed` for each market given, with the change announced. */
export async function emitPricesChanged(
  tx: Db,
  storeId: string,
  reason: PricesChangedReason,
  changedMarkets: readonly { id: string; currency: string }[],
  variantIds: readonly string[] | null = null,
): Promise<void> {
  if (changedMarkets.length === 0) return;
  const listed = variantIds && variantIds.length <= maxListedVariants ? [...variantIds] : null;
  await emitEvents(
    tx,
    changedMarkets.map((market) => ({
      storeId,
      type: marketEventTypes.pricesChanged,
      payload: {
        marketId: market.id,
        currency: market.currency,
        reason,
        variantIds: listed,
      } satisfies PricesChangedPayload,
    })),
  );
  await announceMarketsChange(tx, storeId);
}
