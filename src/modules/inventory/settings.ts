import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { inventorySettings, reservationStrategies } from './schema.ts';

export type InventorySettings = Omit<typeof inventorySettings.$inferSelect, 'updatedAt'>;

export const inventorySettingsInput = z
  .object({
    reservationStrategy: z.enum(reservationStrategies),
    reservationTtlSeconds: z
      .number()
      .int()
      .min(60)
      .max(7 * 24 * 3600),
  })
  .partial()
  .strict();

/** What a store without a settings row gets. */
export const inventorySettingDefaults = { reservationStrategy: 'split', reservationTtlSeconds: 900 } as const;

export async function getInventorySettings(db: Db, storeId: string): Promise<InventorySettings> {
  const [row] = await db.select().from(inventorySettings).where(eq(inventorySettings.storeId, storeId));
  if (!row) return { storeId, ...inventorySettingDefaults };
  const { updatedAt: _u, ...settings } = row;
  return settings;
}

export async function updateInventorySettings(
  db: Db,
  storeId: string,
  input: z.input<typeof inventorySettingsInput>,
): Promise<{ before: InventorySettings; after: InventorySettings }> {
  const change = inventorySettingsInput.parse(input);
  const before = await getInventorySettings(db, storeId);
  const after = { ...before, ...change };
  await db
    .insert(inventorySettings)
    .values({ ...after, updatedAt: now() })
    .onConflictDoUpdate({ target: inventorySettings.storeId, set: { ...change, updatedAt: now() } });
  return { before, after };
}
