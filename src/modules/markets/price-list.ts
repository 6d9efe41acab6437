import { eq } from 'drizzle-orm';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { conflict } from '../../platform/errors.ts';
import { type Actor, recordAudit } from '../access/index.ts';
import { emitPricesChanged } from './market-events.ts';
import { getMarket } from './markets.ts';
import { type PriceListInput, priceListInput, priceListOf } from './price-list-input.ts';
import type { Market, MarketStore } from './primary-market.ts';
import { markets } from './schema.ts';

/**
 * Changes how a market prices. The primary market's prices are the catalog's own (409
 * `primary_market_uses_base_prices`). Emits `market.prices_changed` when something changed.
 */
export async function updatePriceList(
  tx: Db,
  store: MarketStore,
  actor: Actor,
  marketId: string,
  input: PriceListInput,
): Promise<Market> {
  const data = priceListInput.parse(input);
  const before = await getMarket(tx, store.id, marketId, { forUpdate: true });
  if (before.isPrimary) throw primaryUsesBasePrices(before.id);
  const [after] = (await tx
    .update(markets)
    .set({
      pricingMode: data.mode,
      rounding: data.rounding,
      convertCompareAt: data.convertCompareAt,
      updatedAt: now(),
    })
    .where(eq(markets.id, before.id))
    .returning()) as [Market];
  await recordAudit(tx, actor, {
    storeId: store.id,
    action: 'market.price_list_updated',
    entityType: 'market',
    entityId: before.id,
    before: priceListOf(before),
    after: priceListOf(after),
  });
  const changed = JSON.stringify(priceListOf(before)) !== JSON.stringify(priceListOf(after));
  if (changed) await emitPricesChanged(tx, store.id, 'price_list', [after]);
  return after;
}

export function primaryUsesBasePrices(id: string) {
  return conflict(
    'primary_market_uses_base_prices',
    "The primary market's prices are the catalog's base prices; set explicit prices and price list settings on another market.",
    { id },
  );
}
