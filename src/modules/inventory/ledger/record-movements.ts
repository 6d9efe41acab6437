import { sql } from 'drizzle-orm';
import { now } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/database.ts';
import { resultRows } from '../../../platform/db/result-rows.ts';
import { conflict, unprocessable } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { Actor } from '../../access/index.ts';
import { findStockVariants, type StockVariant } from '../../catalog/index.ts';
import { requireLocations } from '../locations/locations.ts';
import { type AdjustmentReason, inventoryMovements, type MovementKind } from '../schema.ts';
import { stockChanged } from '../stock-changes.ts';

export type Movement = typeof inventoryMovements.$inferSelect;
/** A movement as built before insertion (its `seq` comes from the database). */
export type NewMovement = Omit<Movement, 'seq'>;

export interface MovementInput {
  variantId: string;
  locationId: string;
  kind: MovementKind;
  /** Change of on hand, signed, never 0. */
  quantity: number;
  reason?: AdjustmentReason | null;
  referenceType?: string | null;
  referenceId?: string | null;
  /** Receipts: per unit in the store's base currency. */
  unitCostAmount?: number | null;
  note?: string | null;
}

/**
 * Changes on-hand stock: each movement is written to the ledger and applied to its level in the
 * caller's transaction, so the levels always equal the ledger. A decrease that would leave less on
 * hand than is reserved fails with `insufficient_stock` (409) unless the variant keeps selling when
 * out of stock: the reservations already promised those units. The variants and locations must be
 * the store's (`unknown_variant`, `unknown_location`, 422). A variant's first movement starts
 * tracking its stock. Then thresholds and channel quantities follow (`stockChanged`).
 */
export async function recordMovements(
  tx: Db,
  storeId: string,
  actor: Actor,
  inputs: readonly MovementInput[],
  options: {
    variants?: Map<string, StockVariant>;
    path?: string;
    /**
     * When the movements happened, for history brought in from elsewhere (a demo store's past
     * sales); now by default. Not for the API: the ledger's order is still the order of writing.
     */
    recordedAt?: Date;
  } = {},
): Promise<Movement[]> {
  if (inputs.length === 0) return [];
  const path = options.path ?? 'items';
  const variants =
    options.variants ??
    (await findStockVariants(
      tx,
      storeId,
      inputs.map((i) => i.variantId),
    ));
  for (const [index, input] of inputs.entries()) {
    if (!variants.has(input.variantId)) {
      throw unprocessable('unknown_variant', `No variant ${input.variantId} in this store.`, {
        path: `${path}.${index}.variantId`,
        id: input.variantId,
      });
    }
    if (!Number.isInteger(input.quantity) || input.quantity === 0) {
      throw unprocessable('invalid_quantity', 'A movement changes stock by a whole number other than 0.', {
        path: `${path}.${index}.quantity`,
      });
    }
  }
  await requireLocations(
    tx,
    storeId,
    inputs.map((i) => i.locationId),
    { path: `${path}.locationId` },
  );
  await startTracking(
    tx,
    storeId,
    inputs.map((i) => i.variantId),
  );

  const movements: NewMovement[] = [];
  // Levels are locked in one order (variant, location) so concurrent writers cannot deadlock.
  const ordered = inputs
    .map((input, index) => ({ input, index }))
    .sort((a, b) =>
      a.input.variantId === b.input.variantId
        ? a.input.locationId.localeCompare(b.input.locationId)
        : a.input.variantId.localeCompare(b.input.variantId),
    );
  for (const { input, index } of ordered) {
    const oversell = variants.get(input.variantId)!.inventoryPolicy === 'continue';
    const onHand = await applyToLevel(tx, storeId, input, !oversell && input.quantity < 0);
    if (onHand === null) {
      throw conflict(
        'insufficient_stock',
        'Not enough unreserved stock at this location for this decrease (release reservations or move stock first).',
        { path: `${path}.${index}.quantity`, variantId: input.variantId, locationId: input.locationId },
      );
    }
    movements.push({
      id: newId('movement'),
      storeId,
      variantId: input.variantId,
      locationId: input.locationId,
      kind: input.kind,
      quantity: input.quantity,
      onHandAfter: onHand,
      reason: input.reason ?? null,
      referenceType: input.referenceType ?? null,
      referenceId: input.referenceId ?? null,
      unitCostAmount: input.unitCostAmount ?? null,
      note: input.note ?? null,
      actorLabel: actor.label,
      createdAt: options.recordedAt ?? now(),
    });
  }
  const written = await insertMovements(tx, movements);
  await stockChanged(
    tx,
    storeId,
    inputs.map((i) => i.variantId),
    variants,
  );
  return written;
}

/** The level's on hand after the change, or null when a guarded decrease would go below reserved. */
async function applyToLevel(
  tx: Db,
  storeId: string,
  input: MovementInput,
  guarded: boolean,
): Promise<number | null> {
  const rows = guarded
    ? await tx.execute(sql`
        update inventory_levels set on_hand = on_hand + ${input.quantity}, updated_at = now()
        where variant_id = ${input.variantId} and location_id = ${input.locationId}
          and on_hand + ${input.quantity} >= reserved
        returning on_hand`)
    : await tx.execute(sql`
        insert into inventory_levels (store_id, variant_id, location_id, on_hand)
        values (${storeId}, ${input.variantId}, ${input.locationId}, ${input.quantity})
        on conflict (variant_id, location_id)
        do update set on_hand = inventory_levels.on_hand + excluded.on_hand, updated_at = now()
        returning on_hand`);
  const row = resultRows<{ on_hand: number }>(rows)[0];
  return row ? Number(row.on_hand) : null;
}

/** Appends movements to the ledger in the order given (their `seq` follows it). */
export async function insertMovements(tx: Db, movements: NewMovement[]): Promise<Movement[]> {
  if (movements.length === 0) return [];
  return tx.insert(inventoryMovements).values(movements).returning();
}

/**
 * Variants get an inventory item (tracked) with their first stock; existing items are kept.
 * Returns the variants tracked from now on (those that had no item).
 */
export async function startTracking(
  tx: Db,
  storeId: string,
  variantIds: readonly string[],
): Promise<string[]> {
  const unique = [...new Set(variantIds)];
  if (unique.length === 0) return [];
  const added = await tx.execute(sql`
    insert into inventory_items (variant_id, store_id)
    select v, ${storeId} from unnest(${sql.param(unique)}::text[]) as v
    on conflict (variant_id) do nothing
    returning variant_id`);
  return resultRows<{ variant_id: string }>(added).map((r) => r.variant_id);
}
