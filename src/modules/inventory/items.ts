import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { announceChange } from '../../platform/cache/index.ts';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { unprocessable } from '../../platform/errors.ts';
import { findStockVariants } from '../catalog/index.ts';
import { inventoryTopic } from './availability/stock-change-topic.ts';
import { inventoryItems } from './schema.ts';
import { stockChanged } from './stock-changes.ts';

export const inventoryItemInput = z
  .object({
    tracked: z.boolean(),
    lowStockThreshold: z.number().int().min(0).max(1_000_000).nullable(),
    overstockThreshold: z.number().int().min(0).max(10_000_000).nullable(),
  })
  .partial()
  .strict();
export type InventoryItemInput = z.input<typeof inventoryItemInput>;

export type InventoryItem = typeof inventoryItems.$inferSelect;

/**
 * Sets how a variant's stock is handled (tracking, thresholds); the variant must be the store's.
 * Its low/out state is re-evaluated at once, so lowering a threshold under the stock alerts now.
 */
export async function updateInventoryItem(
  tx: Db,
  storeId: string,
  variantId: string,
  input: InventoryItemInput,
): Promise<{ before: InventoryItem | null; after: InventoryItem }> {
  const change = inventoryItemInput.parse(input);
  const variants = await findStockVariants(tx, storeId, [variantId]);
  if (!variants.has(variantId)) {
    throw unprocessable('unknown_variant', `No variant ${variantId} in this store.`, { path: 'variantId' });
  }
  const [before] = await tx
    .select()
    .from(inventoryItems)
    .where(sql`${inventoryItems.variantId} = ${variantId}`)
    .for('update');
  const [after] = await tx
    .insert(inventoryItems)
    .values({ variantId, storeId, ...change })
    .onConflictDoUpdate({ target: inventoryItems.variantId, set: { ...change, updatedAt: now() } })
    .returning();
  await stockChanged(tx, storeId, [variantId], variants);
  // Tracking on or off changes what the storefront shows even when no state moves.
  if ((before?.tracked ?? false) !== after!.tracked) await announceChange(tx, inventoryTopic(storeId));
  return { before: before ?? null, after: after! };
}
