import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { resultRows } from '../../../platform/db/result-rows.ts';
import { type Actor, recordAudit } from '../../access/index.ts';
import type { ProductStockPort, StockSetOutcome, StockSetRequest } from '../../catalog/index.ts';
import type { KnownVariant } from '../channels/sync-channel-stock.ts';
import { type FirstStock, recordFirstStock } from '../ledger/record-first-stock.ts';
import {
  type LevelChange,
  type MovementBatchKind,
  recordMovementBatch,
} from '../ledger/record-movement-batch.ts';
import { startTracking } from '../ledger/record-movements.ts';
import {
  channelStock,
  inventoryItems,
  inventoryLevels,
  inventoryLocations,
  inventoryMovements,
} from '../schema.ts';
import { stockChanged } from '../stock-changes.ts';

/**
 * Stock in product CSVs (the catalog's import and export), kept by this module: the catalog reaches
 * it through its `ProductStockPort`, which the composition root hands it.
 */
export const productStockPort: ProductStockPort = {
  setOnHand,
  onHandOf,
  writtenTables: [inventoryItems, inventoryLevels, inventoryMovements, channelStock],
};

/**
 * Variants handled per statement where the statement looks up their levels, items and channel
 * stock. The queries that follow a stock change are written for a few variants at a time: given
 * many hundreds, the planner reads every level and channel quantity of the store instead of looking
 * the variants up (a thousand variants of a store with 80,000 cost 140 ms; in parts of 200, 30 ms),
 * and that grows with the store.
 */
const part = 200;

const inParts = <T>(items: readonly T[]): T[][] => {
  const parts: T[][] = [];
  for (let i = 0; i < items.length; i += part) parts.push(items.slice(i, i + part));
  return parts;
};

/** The location an import's stock goes to: the first active one by fulfilment priority. */
async function firstActiveLocation(tx: Db, storeId: string) {
  const [location] = await tx
    .select({ id: inventoryLocations.id, name: inventoryLocations.name })
    .from(inventoryLocations)
    .where(and(eq(inventoryLocations.storeId, storeId), eq(inventoryLocations.active, true)))
    .orderBy(asc(inventoryLocations.fulfilmentPriority), asc(inventoryLocations.createdAt))
    .limit(1);
  return location;
}

interface VariantLevels {
  /** On hand over the active locations. */
  total: number;
  /** The level at the import's location. */
  onHand: number;
  reserved: number;
}

/**
 * The file's quantity is the variant's on hand over all active locations (what the export writes,
 * so an export imported again changes nothing); the difference is made at the first active
 * location, as an `adjustment` with reason `correction` and reference type `import`, as the
 * inventory CSV import records its differences. Every variant is tracked from then on.
 *
 * Variants the import made in this transaction have no stock yet: their items, levels, movements,
 * channel quantities and events are written together in one statement (`recordFirstStock`). The
 * others' levels are locked first (in variant, location order) so a sale in between is not
 * overwritten by a stale difference; one that does not keep selling when out of stock is not taken
 * below what is reserved there (or below zero) and is returned as refused. A few statements per
 * call whatever the number of variants, never one per variant.
 */
async function setOnHand(
  tx: Db,
  storeId: string,
  actor: Actor,
  request: StockSetRequest,
): Promise<StockSetOutcome> {
  const location = await firstActiveLocation(tx, storeId);
  if (!location) return { location: null };
  const movement: MovementBatchKind = {
    kind: 'adjustment',
    reason: 'correction',
    referenceType: 'import',
    referenceId: request.importId,
  };
  const first: FirstStock[] = [];
  const stocked: StockedVariants = { wanted: new Map(), known: new Map() };
  const seen = new Set<string>();
  for (const { variantId, quantity, sku, inventoryPolicy, created } of request.quantities) {
    if (seen.has(variantId)) continue;
    seen.add(variantId);
    // A variant made in this transaction has no stock anywhere, and no other writer can give it any.
    if (created) first.push({ variantId, quantity, variant: { sku, inventoryPolicy } });
    else {
      stocked.wanted.set(variantId, quantity);
      stocked.known.set(variantId, { sku, inventoryPolicy });
    }
  }
  await recordFirstStock(tx, storeId, actor, location, movement, first);
  const existing = await setStockedOnHand(tx, storeId, actor, location, movement, stocked);

  const changes = [
    ...first.filter((f) => f.quantity !== 0).map((f) => f.quantity),
    ...existing.changes.map((c) => c.quantity),
  ];
  if (changes.length > 0) {
    const units = (sign: 1 | -1) =>
      changes.reduce((n, quantity) => (Math.sign(quantity) === sign ? n + Math.abs(quantity) : n), 0);
    await recordAudit(tx, actor, {
      storeId,
      action: 'inventory.imported',
      entityType: 'product_import',
      entityId: request.importId,
      after: {
        source: 'product_csv',
        location: location.name,
        changed: changes.length,
        unitsAdded: units(1),
        unitsRemoved: units(-1),
      },
    });
  }
  return {
    location,
    changed: changes.length,
    unchanged: first.length + existing.considered - changes.length - existing.refused.length,
    refused: existing.refused,
  };
}

/** Variants that existed before the caller's transaction: the quantities wanted, what channels are told of them. */
interface StockedVariants {
  wanted: Map<string, number>;
  known: Map<string, KnownVariant>;
}

/**
 * Sets on hand of variants that may hold stock already: their levels are read and locked, each
 * difference is made at `location` (refused where it would go below what is reserved there), and
 * what follows a change of stock is read back from the levels, as every change of stock does.
 */
async function setStockedOnHand(
  tx: Db,
  storeId: string,
  actor: Actor,
  location: { id: string; name: string },
  movement: MovementBatchKind,
  { wanted, known }: StockedVariants,
) {
  const ids = [...wanted.keys()].sort();
  const levels = await lockedLevels(tx, storeId, ids, location.id);
  const changes: LevelChange[] = [];
  const refused: Array<{ variantId: string; message: string }> = [];
  for (const variantId of ids) {
    const level = levels.get(variantId) ?? { total: 0, onHand: 0, reserved: 0 };
    const delta = wanted.get(variantId)! - level.total;
    if (delta === 0) continue;
    const after = level.onHand + delta;
    // Only variants that keep selling when out of stock may go below what is reserved.
    if (after < level.reserved && known.get(variantId)!.inventoryPolicy !== 'continue') {
      refused.push({
        variantId,
        message:
          level.reserved > 0
            ? `${level.reserved} units are reserved at ${location.name}; on hand there cannot go below that (${after})`
            : `other locations hold ${level.total - level.onHand} units, more than that`,
      });
      continue;
    }
    changes.push({ variantId, locationId: location.id, quantity: delta });
  }
  const refusedIds = new Set(refused.map((r) => r.variantId));
  const newlyTracked = await startTracking(
    tx,
    storeId,
    ids.filter((id) => !refusedIds.has(id)),
  );
  await recordMovementBatch(tx, storeId, actor, movement, changes);
  const touched = [...new Set([...changes.map((c) => c.variantId), ...newlyTracked])].sort();
  for (const variants of inParts(touched)) await stockChanged(tx, storeId, variants, known);
  return { considered: ids.length, changes, refused };
}

/** The variants' on hand in all (active locations) and at `locationId`, their levels locked. */
async function lockedLevels(
  tx: Db,
  storeId: string,
  variantIds: readonly string[],
  locationId: string,
): Promise<Map<string, VariantLevels>> {
  const levels = new Map<string, VariantLevels>();
  // In (variant, location) order, as every writer of levels locks them.
  for (const variants of inParts([...variantIds].sort())) {
    const rows = resultRows<{
      variant_id: string;
      location_id: string;
      on_hand: number;
      reserved: number;
      active: boolean;
    }>(
      await tx.execute(sql`
        select l.variant_id, l.location_id, l.on_hand, l.reserved, loc.active
        from inventory_levels l
        join inventory_locations loc on loc.id = l.location_id
        where l.store_id = ${storeId} and l.variant_id = any(${sql.param(variants)}::text[])
        order by l.variant_id, l.location_id
        for update of l`),
    );
    for (const row of rows) {
      const level = levels.get(row.variant_id) ?? { total: 0, onHand: 0, reserved: 0 };
      if (row.active) level.total += Number(row.on_hand);
      if (row.location_id === locationId) {
        level.onHand = Number(row.on_hand);
        level.reserved = Number(row.reserved);
      }
      levels.set(row.variant_id, level);
    }
  }
  return levels;
}

/** On hand over the active locations of each tracked variant among `variantIds` (0 without levels). */
async function onHandOf(
  db: Db,
  storeId: string,
  variantIds: readonly string[],
): Promise<Map<string, number>> {
  if (variantIds.length === 0) return new Map();
  const rows = resultRows<{ variant_id: string; on_hand: string | number }>(
    await db.execute(sql`
      select i.variant_id, coalesce(sum(l.on_hand) filter (where loc.active), 0) as on_hand
      from inventory_items i
      left join inventory_levels l on l.variant_id = i.variant_id
      left join inventory_locations loc on loc.id = l.location_id
      where i.store_id = ${storeId} and i.tracked
        and i.variant_id = any(${sql.param([...new Set(variantIds)])}::text[])
      group by i.variant_id`),
  );
  return new Map(rows.map((r) => [r.variant_id, Number(r.on_hand)]));
}
