import { and, asc, desc, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { resultRows } from '../../platform/db/result-rows.ts';
import { daysOfCover, roundRate, salesByLocation } from './sales-rate.ts';
import { inventoryItems, inventoryLevels, inventoryLocations, inventoryMovements } from './schema.ts';
import { type StockState, stockStateOf } from './stock-states.ts';

export interface LocationStock {
  locationId: string;
  locationName: string;
  active: boolean;
  onHand: number;
  reserved: number;
  available: number;
  /** Units on open purchase orders and transfers in transit to this location. */
  incoming: number;
  /** Units sold here per day lately (see sales-rate.ts). */
  soldPerDay: number;
  /** Days this location's available units last at that rate; null when nothing sells here. */
  daysOfCover: number | null;
}

export interface VariantStock {
  variantId: string;
  tracked: boolean;
  lowStockThreshold: number | null;
  overstockThreshold: number | null;
  averageCostAmount: number | null;
  state: StockState | 'untracked';
  onHand: number;
  reserved: number;
  available: number;
  incoming: number;
  /** Units sold per day lately, at active locations (see sales-rate.ts). */
  soldPerDay: number;
  /** Days the available units last at that rate; null when nothing sells. */
  daysOfCover: number | null;
  locations: LocationStock[];
}

/**
 * Stock of each variant per location and in total (active locations only in the totals): on hand,
 * reserved, available = on hand − reserved, incoming from open purchase orders and transfers.
 */
export async function variantStock(
  db: Db,
  storeId: string,
  variantIds: readonly string[],
): Promise<Map<string, VariantStock>> {
  const ids = [...new Set(variantIds)];
  const result = new Map<string, VariantStock>();
  if (ids.length === 0) return result;
  const items = await db
    .select()
    .from(inventoryItems)
    .where(
      and(
        eq(inventoryItems.storeId, storeId),
        sql`${inventoryItems.variantId} = any(${sql.param(ids)}::text[])`,
      ),
    );
  const levels = await db
    .select({
      variantId: inventoryLevels.variantId,
      locationId: inventoryLevels.locationId,
      locationName: inventoryLocations.name,
      active: inventoryLocations.active,
      onHand: inventoryLevels.onHand,
      reserved: inventoryLevels.reserved,
    })
    .from(inventoryLevels)
    .innerJoin(inventoryLocations, eq(inventoryLocations.id, inventoryLevels.locationId))
    .where(
      and(
        eq(inventoryLevels.storeId, storeId),
        sql`${inventoryLevels.variantId} = any(${sql.param(ids)}::text[])`,
      ),
    )
    .orderBy(asc(inventoryLocations.fulfilmentPriority), asc(inventoryLocations.createdAt));
  const incoming = await incomingStock(db, storeId, ids);
  const rates = await salesRatesByLocation(db, storeId, ids);
  for (const id of ids) {
    const item = items.find((i) => i.variantId === id);
    const own = levels.filter((l) => l.variantId === id);
    const locations: LocationStock[] = own.map((l) => {
      const perDay = rates.get(`${id} ${l.locationId}`) ?? 0;
      return {
        locationId: l.locationId,
        locationName: l.locationName,
        active: l.active,
        onHand: l.onHand,
        reserved: l.reserved,
        available: l.onHand - l.reserved,
        incoming: incoming.get(`${id} ${l.locationId}`) ?? 0,
        soldPerDay: roundRate(perDay),
        daysOfCover: daysOfCover(l.onHand - l.reserved, perDay),
      };
    });
    for (const [key, units] of incoming) {
      const [variantId, locationId] = key.split(' ');
      if (variantId !== id || locations.some((l) => l.locationId === locationId)) continue;
      locations.push({
        locationId: locationId!,
        locationName: '',
        active: true,
        onHand: 0,
        reserved: 0,
        available: 0,
        incoming: units,
        soldPerDay: 0,
        daysOfCover: null,
      });
    }
    const active = locations.filter((l) => l.active);
    // The exact rates, not the rounded ones shown per location.
    const perDay = active.reduce((n, l) => n + (rates.get(`${id} ${l.locationId}`) ?? 0), 0);
    const onHand = active.reduce((n, l) => n + l.onHand, 0);
    const reserved = active.reduce((n, l) => n + l.reserved, 0);
    const tracked = item?.tracked ?? false;
    result.set(id, {
      variantId: id,
      tracked,
      lowStockThreshold: item?.lowStockThreshold ?? null,
      overstockThreshold: item?.overstockThreshold ?? null,
      averageCostAmount: item?.averageCostAmount ?? null,
      state: tracked ? stockStateOf(onHand - reserved, item?.lowStockThreshold ?? null) : 'untracked',
      onHand,
      reserved,
      available: onHand - reserved,
      incoming: locations.reduce((n, l) => n + l.incoming, 0),
      soldPerDay: roundRate(perDay),
      daysOfCover: daysOfCover(onHand - reserved, perDay),
      locations,
    });
  }
  return result;
}

/** Units on their way, keyed "variantId locationId": open purchase order lines and transfers in transit. */
export async function incomingStock(
  db: Db,
  storeId: string,
  variantIds: readonly string[],
): Promise<Map<string, number>> {
  const rows = resultRows<{ variant_id: string; location_id: string; units: string | number }>(
    await db.execute(sql`
      select variant_id, location_id, sum(units) as units from (
        select l.variant_id, po.location_id, greatest(l.quantity_ordered - l.quantity_received, 0) as units
        from purchase_order_lines l join purchase_orders po on po.id = l.purchase_order_id
        where po.store_id = ${storeId} and po.state in ('sent', 'partially_received')
          and l.variant_id = any(${sql.param([...variantIds])}::text[])
        union all
        select l.variant_id, t.to_location_id, greatest(l.quantity - l.quantity_received, 0)
        from inventory_transfer_lines l join inventory_transfers t on t.id = l.transfer_id
        where t.store_id = ${storeId} and t.state = 'in_transit'
          and l.variant_id = any(${sql.param([...variantIds])}::text[])
      ) incoming group by variant_id, location_id having sum(units) > 0`),
  );
  return new Map(rows.map((r) => [`${r.variant_id} ${r.location_id}`, Number(r.units)]));
}

/** Units sold per day lately, keyed "variantId locationId" (only where something sold). */
async function salesRatesByLocation(
  db: Db,
  storeId: string,
  variantIds: readonly string[],
): Promise<Map<string, number>> {
  const rows = resultRows<{ variant_id: string; location_id: string; sold: string | number; days: number }>(
    await db.execute(sql`select * from ${salesByLocation(storeId, variantIds)} s`),
  );
  return new Map(rows.map((r) => [`${r.variant_id} ${r.location_id}`, Number(r.sold) / Number(r.days)]));
}

/** A page of a variant's ledger, newest first (`before`: the `seq` of the last row of the previous page). */
export async function variantLedger(
  db: Db,
  storeId: string,
  variantId: string,
  options: { locationId?: string; before?: number; limit: number },
) {
  const rows = await db
    .select({
      id: inventoryMovements.id,
      seq: inventoryMovements.seq,
      locationId: inventoryMovements.locationId,
      locationName: inventoryLocations.name,
      kind: inventoryMovements.kind,
      quantity: inventoryMovements.quantity,
      onHandAfter: inventoryMovements.onHandAfter,
      reason: inventoryMovements.reason,
      referenceType: inventoryMovements.referenceType,
      referenceId: inventoryMovements.referenceId,
      unitCostAmount: inventoryMovements.unitCostAmount,
      note: inventoryMovements.note,
      actorLabel: inventoryMovements.actorLabel,
      createdAt: inventoryMovements.createdAt,
    })
    .from(inventoryMovements)
    .innerJoin(inventoryLocations, eq(inventoryLocations.id, inventoryMovements.locationId))
    .where(
      and(
        eq(inventoryMovements.storeId, storeId),
        eq(inventoryMovements.variantId, variantId),
        options.locationId ? eq(inventoryMovements.locationId, options.locationId) : undefined,
        options.before ? lt(inventoryMovements.seq, options.before) : undefined,
      ),
    )
    .orderBy(desc(inventoryMovements.seq))
    .limit(options.limit + 1);
  return {
    items: rows.slice(0, options.limit),
    nextBefore: rows.length > options.limit ? rows[options.limit - 1]!.seq : null,
  };
}
