import type { Db } from '../../platform/db/database.ts';
import { movementsByReference } from '../inventory/index.ts';

/** Where an order's units of one variant left from: a location and how many units are still out. */
export interface SoldFrom {
  locationId: string;
  units: number;
}

/**
 * Per variant, the locations the order's units were sold from (the inventory ledger's `sale`
 * movements the placement wrote with reference `{ type: 'order', id }`), less what the order's
 * cancellation already gave back there; most units first. A variant that was not tracked when the
 * order was placed has no sale movement and so no entry: nothing of it goes back into stock.
 */
export async function soldLocations(
  db: Db,
  storeId: string,
  orderId: string,
): Promise<Map<string, SoldFrom[]>> {
  const movements = await movementsByReference(db, storeId, { type: 'order', id: orderId });
  const out = new Map<string, Map<string, number>>();
  for (const m of movements) {
    if (m.kind !== 'sale' && m.kind !== 'return') continue;
    const perLocation = out.get(m.variantId) ?? new Map<string, number>();
    perLocation.set(m.locationId, (perLocation.get(m.locationId) ?? 0) - m.quantity);
    out.set(m.variantId, perLocation);
  }
  const result = new Map<string, SoldFrom[]>();
  for (const [variantId, perLocation] of out) {
    result.set(
      variantId,
      [...perLocation]
        .map(([locationId, units]) => ({ locationId, units }))
        .filter((s) => s.units > 0)
        .sort((a, b) => b.units - a.units || a.locationId.localeCompare(b.locationId)),
    );
  }
  return result;
}

/** The location most of a variant's units were sold from, or null (not tracked, or no variant any more). */
export function mainSaleLocation(
  sold: ReadonlyMap<string, SoldFrom[]>,
  variantId: string | null,
): string | null {
  if (!variantId) return null;
  return sold.get(variantId)?.[0]?.locationId ?? null;
}
