import type { Actor } from '../modules/access/index.ts';
import { recordMovements, updateInventoryItem } from '../modules/inventory/index.ts';
import { createLocation } from '../modules/inventory/locations/locations.ts';
import type { Db } from '../platform/db/database.ts';

/** Units at the warehouse today, in turn per product: most sell well, a few run low or out. */
const warehouseUnits = [24, 3, 0, 60, 12, 7, 45, 2, 90, 18, 33, 5];
/**
 * Units sold per day over the last eight weeks, in turn per product, so the inventory table shows
 * when each runs out: the fifth, a best-seller with 12 left, lasts under a week.
 */
const unitsPerDay = [1.4, 0.6, 0.9, 0.8, 1.8, 0.5, 1.2, 0.3, 2.5, 0.7, 1.0, 0.4];
const historyDays = 56;
/** The sold-out product sold until it ran out, this many days ago. */
const soldOutDaysAgo = 6;
const lowStockThreshold = 5;
const day = 24 * 3600 * 1000;

/** Where the demo keeps stock, and each variant's figures (in the order given) for purchasing. */
export interface DemoInventory {
  locations: { warehouse: string; partner: string };
  variants: { unitsPerDay: number; warehouseUnits: number }[];
}

/**
 * Units sold by the start of day `t` of the history at `rate` a day, with a weekly rhythm (more at
 * the weekend), so daily sales vary as a shop's do while their sum stays `rate` a day.
 */
function soldBy(t: number, rate: number): number {
  return Math.floor(rate * t + 0.5 * rate * Math.sin((t * 2 * Math.PI) / 7));
}

/**
 * A demo store's stock: a warehouse and a 3PL partner, opening stock received eight weeks ago and
 * daily sales since, all through the ledger (so `storepilot inventory verify` agrees), low-stock
 * thresholds, and so a few variants low, out or running out for the alerts and the inventory
 * table's filters to show something.
 */
export async function seedDemoInventory(
  db: Db,
  actor: Actor,
  storeId: string,
  variantIds: readonly string[],
  /**
   * False for the store whose history brings its own deliveries and sales (seed-demo-history.ts):
   * its warehouse gets neither the opening stock nor the eight weeks of sales here.
   */
  simulatedSales = true,
): Promise<DemoInventory> {
  const warehouse = await createLocation(db, storeId, {
    name: 'Main warehouse',
    kind: 'warehouse',
    fulfilmentPriority: 1,
    address: { line1: 'Hafenstraße 12', city: 'Hamburg', postalCode: '20457', country: 'DE' },
  });
  const partner = await createLocation(db, storeId, {
    name: 'Fulfilment partner (3PL)',
    kind: '3pl',
    fulfilmentPriority: 2,
    address: { line1: 'Logistikweg 4', city: 'Leipzig', postalCode: '04109', country: 'DE' },
  });
  const start = Date.now() - historyDays * day;
  const sales = (i: number, t: number) => {
    const last = i % unitsPerDay.length === 2 ? historyDays - soldOutDaysAgo : historyDays;
    return t >= last
      ? 0
      : soldBy(t + 1, unitsPerDay[i % unitsPerDay.length]!) - soldBy(t, unitsPerDay[i % unitsPerDay.length]!);
  };
  const soldInAll = variantIds.map((_, i) => {
    let units = 0;
    for (let t = 0; t < historyDays; t++) units += sales(i, t);
    return units;
  });
  await db.transaction(async (tx) => {
    const receipts = variantIds.flatMap((variantId, i) => {
      const units = warehouseUnits[i % warehouseUnits.length]! + soldInAll[i]!;
      return [
        ...(units > 0 && simulatedSales
          ? [
              {
                variantId,
                locationId: warehouse.id,
                kind: 'receive' as const,
                quantity: units,
                note: 'Opening stock',
              },
            ]
          : []),
        ...(i % 3 === 0
          ? [
              {
                variantId,
                locationId: partner.id,
                kind: 'receive' as const,
                quantity: 10,
                note: 'Opening stock',
              },
            ]
          : []),
      ];
    });
    await recordMovements(tx, storeId, actor, receipts, { recordedAt: new Date(start) });
    for (const variantId of variantIds)
      await updateInventoryItem(tx, storeId, variantId, { tracked: true, lowStockThreshold });
    // A day's online orders, shipped from the warehouse, at midday.
    for (let t = 0; t < (simulatedSales ? historyDays : 0); t++) {
      const sold = variantIds.flatMap((variantId, i) => {
        const units = sales(i, t);
        return units > 0
          ? [
              {
                variantId,
                locationId: warehouse.id,
                kind: 'sale' as const,
                quantity: -units,
                note: 'Online orders',
              },
            ]
          : [];
      });
      await recordMovements(tx, storeId, actor, sold, { recordedAt: new Date(start + t * day + day / 2) });
    }
  });
  return {
    locations: { warehouse: warehouse.id, partner: partner.id },
    variants: variantIds.map((_, i) => ({
      // The sold-out one no longer sells.
      unitsPerDay: i % unitsPerDay.length === 2 ? 0 : unitsPerDay[i % unitsPerDay.length]!,
      warehouseUnits: warehouseUnits[i % warehouseUnits.length]!,
    })),
  };
}
