import { type SQL, sql } from 'drizzle-orm';
import * as clock from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/database.ts';
import { jsonRowsInsert } from '../../../platform/db/json-rows-insert.ts';
import { eventsInsert } from '../../../platform/events/index.ts';
import { newId } from '../../../platform/ids.ts';
import type { Actor } from '../../access/index.ts';
import { announceStockChange } from '../availability/stock-change-topic.ts';
import { firstChannelStock, type KnownVariant } from '../channels/sync-channel-stock.ts';
import { channelStock, inventoryItems, inventoryLevels, inventoryMovements } from '../schema.ts';
import { type EvaluatedStock, stockStateEvents, stockStateOf } from '../stock-states.ts';
import type { MovementBatchKind } from './record-movement-batch.ts';

/** A variant made in the caller's transaction and the stock it starts with. */
export interface FirstStock {
  variantId: string;
  quantity: number;
  variant: KnownVariant;
}

/**
 * Gives variants made in the caller's transaction (a product import's new products) their first
 * stock at `location`, an active location. Nothing of their stock exists yet (no other transaction
 * can see them), so everything a change of stock writes is known in advance: the inventory item with
 * its state, the level, its ledger movement (the balance after is the quantity), what each channel
 * may sell, and the events (`inventory.out` for nothing on hand, `inventory.level_changed` per
 * channel) — the rows `recordMovements` and `stockChanged` would write one by one and read back,
 * written here in one statement. A quantity of 0 tracks the variant with no level and no movement.
 */
export async function recordFirstStock(
  tx: Db,
  storeId: string,
  actor: Actor,
  location: { id: string },
  movement: MovementBatchKind,
  stock: readonly FirstStock[],
): Promise<void> {
  if (stock.length === 0) return;
  const onHand = new Map(stock.map((s) => [s.variantId, s.quantity]));
  const channels = await firstChannelStock(
    tx,
    storeId,
    location.id,
    onHand,
    new Map(stock.map((s) => [s.variantId, s.variant])),
  );
  // A new item starts 'ok' with no threshold: the state its first stock moves it to.
  const evaluated: EvaluatedStock[] = stock.map((s) => ({
    variantId: s.variantId,
    previous: 'ok',
    state: stockStateOf(s.quantity, null),
    available: s.quantity,
    lowStockThreshold: null,
  }));
  const stocked = stock.filter((s) => s.quantity !== 0);
  const now = clock.now();
  const parts = [
    jsonRowsInsert(
      inventoryItems,
      evaluated.map((e) => ({ variantId: e.variantId, storeId, stockState: e.state })),
    ),
    jsonRowsInsert(
      inventoryLevels,
      stocked.map((s) => ({ storeId, variantId: s.variantId, locationId: location.id, onHand: s.quantity })),
    ),
    jsonRowsInsert(
      inventoryMovements,
      stocked.map((s) => ({
        id: newId('movement'),
        storeId,
        variantId: s.variantId,
        locationId: location.id,
        kind: movement.kind,
        quantity: s.quantity,
        onHandAfter: s.quantity,
        reason: movement.reason ?? null,
        referenceType: movement.referenceType ?? null,
        referenceId: movement.referenceId ?? null,
        note: movement.note ?? null,
        actorLabel: actor.label,
        createdAt: now,
      })),
    ),
    jsonRowsInsert(channelStock, channels.rows),
    eventsInsert([
      ...stockStateEvents(
        storeId,
        evaluated.filter((e) => e.state !== e.previous),
      ),
      ...channels.events,
    ]),
  ].filter((part): part is SQL => part !== null);
  await tx.execute(togetherAsOne(parts));
  await announceStockChange(tx, storeId, evaluated);
}

/** Inserts as one statement: all but the last as parts of its WITH clause (one round trip). */
function togetherAsOne(inserts: readonly SQL[]): SQL {
  const last = inserts.at(-1)!;
  const before = inserts.slice(0, -1).map((insert, i) => sql`${sql.raw(`w${i}`)} as (${insert})`);
  return before.length === 0 ? last : sql`with ${sql.join(before, sql`, `)} ${last}`;
}
