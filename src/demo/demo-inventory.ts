import type { Actor } from '../modules/access/index.ts';
import { recordMovements, updateInventoryItem } from '../modules/inventory/index.ts';
import { createLocation } from '../modules/inventory/locations/locations.ts';
import type { Db } from '../platform/db/database.ts';

/** Units received at the warehouse, in turn per product: most sell well, a few run low or out. */
const warehouseUnits = [24, 3, 0, 60, 12, 7, 45, 2, 90, 18, 33, 5];
const lowStockThreshold = 5;

/**
 * A demo store's stock: a warehouse and a 3PL partner, opening stock received through the ledger
 * (so `storepilot inventory verify` agrees), low-stock thresholds, and so a few variants already
 * low or out for the alerts and the inventory table's filters to show something.
 */
export async function seedDemoInventory(
  db: Db,
  actor: Actor,
  storeId: string,
  variantIds: readonly string[],
): Promise<void> {
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
  await db.transaction(async (tx) => {
    const receipts = variantIds.flatMap((variantId, i) => {
      const units = warehouseUnits[i % warehouseUnits.length]!;
      return [
        ...(units > 0
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
    await recordMovements(tx, storeId, actor, receipts);
    for (const variantId of variantIds)
      await updateInventoryItem(tx, storeId, variantId, { tracked: true, lowStockThreshold });
  });
}
