import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { now } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/database.ts';
import { insertJsonRows } from '../../../platform/db/json-rows-insert.ts';
import { resultRows } from '../../../platform/db/result-rows.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { findStockVariants } from '../../catalog/index.ts';
import { requireLocations } from '../locations/locations.ts';
import { inventoryCountLines, inventoryCounts } from '../schema.ts';
import { nextNumber } from '../sequences.ts';
import { assertCountState, readCount, type StockCountWithLines } from './count-records.ts';

/** A sheet longer than this is split into several counts (a response, and a person, take a page at a time). */
export const MAX_COUNT_LINES = 10_000;

const id = z.string().min(1).max(64);

export const createCountInput = z
  .object({
    locationId: id,
    /** The variants to count; every tracked variant with stock recorded there when left out. */
    variantIds: z.array(id).min(1).max(MAX_COUNT_LINES).optional(),
    note: z.string().trim().max(1000).nullable().optional(),
  })
  .strict();
export type CreateCountInput = z.input<typeof createCountInput>;

export const recordCountsInput = z
  .object({
    lines: z
      .array(
        z
          .object({
            variantId: id,
            /** Units found; null clears a count entered by mistake. */
            countedQuantity: z.number().int().min(0).max(10_000_000).nullable(),
          })
          .strict(),
      )
      .min(1)
      .max(MAX_COUNT_LINES),
  })
  .strict();
export type RecordCountsInput = z.input<typeof recordCountsInput>;

/** Tracked variants with a level at the location, and their on hand there. */
async function stockedVariants(tx: Db, storeId: string, locationId: string): Promise<Map<string, number>> {
  const rows = resultRows<{ variant_id: string; on_hand: number }>(
    await tx.execute(sql`
      select l.variant_id, l.on_hand from inventory_levels l
      join inventory_items i on i.variant_id = l.variant_id and i.tracked
      where l.store_id = ${storeId} and l.location_id = ${locationId}
      order by l.variant_id`),
  );
  return new Map(rows.map((r) => [r.variant_id, Number(r.on_hand)]));
}

/** The listed variants' on hand at the location (0 where they have no level), checked: the store's, tracked. */
async function listedVariants(
  tx: Db,
  storeId: string,
  locationId: string,
  variantIds: readonly string[],
): Promise<Map<string, number>> {
  const ids = [...new Set(variantIds)];
  const variants = await findStockVariants(tx, storeId, ids);
  const rows = resultRows<{ variant_id: string; on_hand: number | null }>(
    await tx.execute(sql`
      select i.variant_id, l.on_hand from inventory_items i
      left join inventory_levels l on l.variant_id = i.variant_id and l.location_id = ${locationId}
      where i.store_id = ${storeId} and i.tracked and i.variant_id = any(${sql.param(ids)}::text[])`),
  );
  const tracked = new Map(rows.map((r) => [r.variant_id, Number(r.on_hand ?? 0)]));
  for (const [index, variantId] of variantIds.entries()) {
    const path = `variantIds.${index}`;
    if (!variants.has(variantId)) {
      throw unprocessable('unknown_variant', `No variant ${variantId} in this store.`, {
        path,
        id: variantId,
      });
    }
    if (!tracked.has(variantId)) {
      throw unprocessable(
        'variant_not_tracked',
        'This variant’s stock is not tracked, so there is nothing to count; track it first.',
        { path, id: variantId },
      );
    }
  }
  return new Map(ids.map((variantId) => [variantId, tracked.get(variantId)!]));
}

/**
 * A count sheet (CNT-1001 …) for one location: the given variants, or every tracked variant with
 * stock recorded there. Each line expects what is on hand now; nothing changes until it is applied.
 */
export async function createCount(
  tx: Db,
  storeId: string,
  input: CreateCountInput,
): Promise<StockCountWithLines> {
  const data = createCountInput.parse(input);
  await requireLocations(tx, storeId, [data.locationId]);
  let expected: Map<string, number>;
  if (data.variantIds) {
    expected = await listedVariants(tx, storeId, data.locationId, data.variantIds);
  } else {
    const stocked = await stockedVariants(tx, storeId, data.locationId);
    // Levels outlive variants deleted from the catalog: those are not on the shelf to count.
    const live = await findStockVariants(tx, storeId, [...stocked.keys()]);
    expected = new Map([...stocked].filter(([variantId]) => live.has(variantId)));
  }
  if (expected.size === 0) {
    throw unprocessable('nothing_to_count', 'No tracked variant has stock recorded at this location.', {
      path: 'locationId',
    });
  }
  if (expected.size > MAX_COUNT_LINES) {
    throw unprocessable(
      'count_too_large',
      `A count holds up to ${MAX_COUNT_LINES} variants; list the variants to count in parts (variantIds).`,
      { path: 'variantIds', variants: expected.size },
    );
  }
  const id = newId('stockCount');
  await tx.insert(inventoryCounts).values({
    id,
    storeId,
    number: await nextNumber(tx, storeId, 'count'),
    locationId: data.locationId,
    note: data.note ?? null,
  });
  await insertJsonRows(
    tx,
    inventoryCountLines,
    [...expected].map(([variantId, onHand]) => ({
      countId: id,
      storeId,
      variantId,
      expectedQuantity: onHand,
    })),
  );
  return readCount(tx, storeId, id);
}

/** Enters counted quantities on an open sheet, some lines at a time; the rest stay as they were. */
export async function recordCounts(
  tx: Db,
  storeId: string,
  id: string,
  input: RecordCountsInput,
): Promise<{ before: StockCountWithLines; after: StockCountWithLines }> {
  const data = recordCountsInput.parse(input);
  const before = await readCount(tx, storeId, id, { lock: true });
  assertCountState(before, ['open'], 'counted');
  const onSheet = new Set(before.lines.map((l) => l.variantId));
  const seen = new Set<string>();
  for (const [index, line] of data.lines.entries()) {
    const path = `lines.${index}.variantId`;
    if (!onSheet.has(line.variantId)) {
      throw unprocessable('unknown_line', 'This variant is not on the count sheet.', {
        path,
        id: line.variantId,
      });
    }
    if (seen.has(line.variantId)) {
      throw unprocessable('duplicate_variant', 'Each variant is counted once per request.', {
        path,
        id: line.variantId,
      });
    }
    seen.add(line.variantId);
  }
  await tx.execute(sql`
    update inventory_count_lines c set counted_quantity = v."countedQuantity"
    from jsonb_to_recordset(${JSON.stringify(data.lines)}::jsonb) as v("variantId" text, "countedQuantity" integer)
    where c.count_id = ${id} and c.variant_id = v."variantId"`);
  await tx.update(inventoryCounts).set({ updatedAt: now() }).where(eq(inventoryCounts.id, id));
  return { before, after: await readCount(tx, storeId, id) };
}

/** Closes an open count without changing any stock. */
export async function cancelCount(
  tx: Db,
  storeId: string,
  id: string,
): Promise<{ before: StockCountWithLines; after: StockCountWithLines }> {
  const before = await readCount(tx, storeId, id, { lock: true });
  assertCountState(before, ['open'], 'cancelled');
  await tx
    .update(inventoryCounts)
    .set({ state: 'cancelled', updatedAt: now() })
    .where(eq(inventoryCounts.id, id));
  return { before, after: await readCount(tx, storeId, id) };
}
