import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { newId } from '../../../platform/ids.ts';
import type { Actor } from '../../access/index.ts';
import type { AdjustmentReason, MovementKind } from '../schema.ts';

/** What every movement of a batch shares. */
export interface MovementBatchKind {
  kind: MovementKind;
  reason?: AdjustmentReason | null;
  referenceType?: string | null;
  referenceId?: string | null;
  note?: string | null;
}

/** One level's change: signed, never 0. */
export interface LevelChange {
  variantId: string;
  locationId: string;
  quantity: number;
}

/**
 * Writes many movements in one statement, for bulk writers (a product import's stock): each level
 * gets its change (one multi-row upsert) and the ledger one movement per level with the balance the
 * upsert left (one multi-row insert, in the same statement), so the levels still equal the ledger.
 * At most one change per level. `recordMovements` applies movements one at a time and checks each
 * decrease against what is reserved; here the caller has locked the levels and checked that, and
 * starting tracking and what follows a change of stock (`stockChanged`) are also the caller's.
 */
export async function recordMovementBatch(
  tx: Db,
  storeId: string,
  actor: Actor,
  shared: MovementBatchKind,
  changes: readonly LevelChange[],
): Promise<void> {
  if (changes.length === 0) return;
  const levels = new Set<string>();
  for (const change of changes) {
    if (!Number.isInteger(change.quantity) || change.quantity === 0) {
      throw new Error(`A movement changes stock by a whole number other than 0 (got ${change.quantity}).`);
    }
    const level = `${change.variantId} ${change.locationId}`;
    if (levels.has(level)) throw new Error(`Two changes of one level in a batch (${level}).`);
    levels.add(level);
  }
  // Levels are written in (variant, location) order, as every writer of levels locks them.
  const ordered = [...changes].sort((a, b) =>
    a.variantId === b.variantId
      ? a.locationId.localeCompare(b.locationId)
      : a.variantId.localeCompare(b.variantId),
  );
  await tx.execute(sql`
    with changes as (
      select * from unnest(
        ${sql.param(ordered.map(() => newId('movement')))}::text[],
        ${sql.param(ordered.map((c) => c.variantId))}::text[],
        ${sql.param(ordered.map((c) => c.locationId))}::text[],
        ${sql.param(ordered.map((c) => c.quantity))}::int[]
      ) with ordinality as c(id, variant_id, location_id, quantity, at)
    ), levels as (
      insert into inventory_levels as l (store_id, variant_id, location_id, on_hand)
      select ${storeId}, variant_id, location_id, quantity from changes order by at
      on conflict (variant_id, location_id)
      do update set on_hand = l.on_hand + excluded.on_hand, updated_at = now()
      returning l.variant_id, l.location_id, l.on_hand
    )
    insert into inventory_movements
      (id, store_id, variant_id, location_id, kind, quantity, on_hand_after, reason, reference_type,
       reference_id, note, actor_label)
    select c.id, ${storeId}, c.variant_id, c.location_id, ${shared.kind}, c.quantity, levels.on_hand,
      ${shared.reason ?? null}, ${shared.referenceType ?? null}, ${shared.referenceId ?? null},
      ${shared.note ?? null}, ${actor.label}
    from changes c
    join levels on levels.variant_id = c.variant_id and levels.location_id = c.location_id
    order by c.at`);
}
