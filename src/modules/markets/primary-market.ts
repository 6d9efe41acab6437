import { and, eq } from 'drizzle-orm';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import type { Store } from '../access/index.ts';
import { emitMarketEvent, emitPricesChanged, marketEventTypes } from './market-events.ts';
import { markets } from './schema.ts';

export type Market = typeof markets.$inferSelect;
export type MarketStore = Pick<Store, 'id' | 'baseCurrency' | 'locale' | 'enabledLocales' | 'timezone'>;

/** The market every store starts with: everywhere no other market covers, in the base currency. */
export const primaryMarketDefaults = { name: 'Primary market', handle: 'primary' } as const;

/**
 * The store's primary market, made the first time anything asks for markets (so it does not depend
 * on how or when the store was made). Its currency follows the store's base currency: when the
 * store changed that, the market is brought along here (and `market.updated` says so).
 */
export async function ensurePrimaryMarket(db: Db, store: MarketStore): Promise<Market> {
  const found = await findPrimaryMarket(db, store.id);
  if (found && found.currency === store.baseCurrency) return found;
  return db.transaction(async (tx) => {
    if (found) {
      const [moved] = await tx
        .update(markets)
        .set({ currency: store.baseCurrency, updatedAt: now() })
        .where(eq(markets.id, found.id))
        .returning();
      await emitMarketEvent(tx, store.id, marketEventTypes.updated, moved!);
      await emitPricesChanged(tx, store.id, 'currency', [moved!]);
      return moved!;
    }
    // Two first callers at once: the one-primary-per-store index lets one insert, the other reads it.
    const [created] = await tx
      .insert(markets)
      .values({
        id: newId('market'),
        storeId: store.id,
        ...primaryMarketDefaults,
        currency: store.baseCurrency,
        defaultLocale: store.locale,
        isPrimary: true,
      })
      .onConflictDoNothing()
      .returning();
    if (created) {
      await emitMarketEvent(tx, store.id, marketEventTypes.created, created);
      return created;
    }
    const primary = await findPrimaryMarket(tx, store.id);
    if (!primary) throw new Error(`Store ${store.id} has no primary market and none could be made.`);
    return primary;
  });
}

async function findPrimaryMarket(db: Db, storeId: string): Promise<Market | undefined> {
  const [market] = await db
    .select()
    .from(markets)
    .where(and(eq(markets.storeId, storeId), eq(markets.isPrimary, true)));
  return market;
}
