import { eq, sql } from 'drizzle-orm';
import * as clock from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/database.ts';
import { resultRows } from '../../../platform/db/result-rows.ts';
import { conflict, unprocessable } from '../../../platform/errors.ts';
import { emitEvent } from '../../../platform/events/index.ts';
import type { Actor } from '../../access/index.ts';
import { findStockVariants } from '../../catalog/index.ts';
import { type Movement, recordMovements } from '../ledger/record-movements.ts';
import { inventoryCounts } from '../schema.ts';
import { assertCountState, countName, readCount, type StockCountWithLines } from './count-records.ts';

/**
 * Makes on hand at the count's location what was counted, in one go: a `count` movement of
 * (counted − on hand now) for every counted line that differs, referring to the count; each counted
 * line keeps the correction it got (`appliedDelta`, 0 when it matched), uncounted lines are left
 * alone and the count is applied. The levels are locked first, so no movement slips in between
 * reading on hand and correcting it.
 *
 * A count below what is reserved there is refused for variants that do not sell beyond their stock
 * (409 `count_below_reserved`, every such line listed) and nothing is applied: those units are
 * promised to orders; release or move the reservations first. Variants that keep selling may be
 * counted below their reservations (back-orders). Lines whose variant has since left the catalog
 * are skipped.
 */
export async function applyCount(
  tx: Db,
  storeId: string,
  actor: Actor,
  id: string,
): Promise<{ before: StockCountWithLines; after: StockCountWithLines; movements: Movement[] }> {
  const before = await readCount(tx, storeId, id, { lock: true });
  assertCountState(before, ['open'], 'applied');
  const variants = await findStockVariants(
    tx,
    storeId,
    before.lines.map((l) => l.variantId),
  );
  const counted = before.lines.filter((l) => l.countedQuantity !== null && variants.has(l.variantId));
  if (counted.length === 0) {
    throw unprocessable('nothing_counted', 'Enter at least one counted quantity before applying the count.');
  }
  const ids = counted.map((l) => l.variantId);
  // A level to lock for every counted line (an empty one where nothing was recorded yet changes nothing).
  await tx.execute(sql`
    insert into inventory_levels (store_id, variant_id, location_id)
    select ${storeId}, v, ${before.locationId} from unnest(${sql.param(ids)}::text[]) as v
    on conflict (variant_id, location_id) do nothing`);
  const levels = new Map(
    resultRows<{ variant_id: string; on_hand: number; reserved: number }>(
      await tx.execute(sql`
        select variant_id, on_hand, reserved from inventory_levels
        where location_id = ${before.locationId} and variant_id = any(${sql.param(ids)}::text[])
        order by variant_id
        for update`),
    ).map((r) => [r.variant_id, { onHand: Number(r.on_hand), reserved: Number(r.reserved) }]),
  );

  const belowReserved = counted
    .filter((line) => variants.get(line.variantId)!.inventoryPolicy !== 'continue')
    .filter((line) => line.countedQuantity! < levels.get(line.variantId)!.reserved)
    .map((line) => ({
      variantId: line.variantId,
      countedQuantity: line.countedQuantity!,
      reserved: levels.get(line.variantId)!.reserved,
    }));
  if (belowReserved.length > 0) {
    throw conflict(
      'count_below_reserved',
      'Some counts are below the units reserved there for orders; release or move those reservations first.',
      { lines: belowReserved },
    );
  }

  const deltas = counted.map((line) => ({
    variantId: line.variantId,
    delta: line.countedQuantity! - levels.get(line.variantId)!.onHand,
  }));
  const movements = await recordMovements(
    tx,
    storeId,
    actor,
    deltas
      .filter((d) => d.delta !== 0)
      .map((d) => ({
        variantId: d.variantId,
        locationId: before.locationId,
        kind: 'count' as const,
        quantity: d.delta,
        referenceType: 'count',
        referenceId: id,
      })),
    { variants },
  );
  await tx.execute(sql`
    update inventory_count_lines c set applied_delta = d.delta
    from jsonb_to_recordset(${JSON.stringify(deltas)}::jsonb) as d("variantId" text, delta integer)
    where c.count_id = ${id} and c.variant_id = d."variantId"`);
  const now = clock.now();
  await tx
    .update(inventoryCounts)
    .set({ state: 'applied', appliedAt: now, updatedAt: now })
    .where(eq(inventoryCounts.id, id));
  await emitEvent(tx, {
    storeId,
    type: 'count.applied',
    payload: {
      countId: id,
      number: before.number,
      name: countName(before.number),
      locationId: before.locationId,
      lines: deltas.filter((d) => d.delta !== 0),
    },
  });
  return { before, after: await readCount(tx, storeId, id), movements };
}
