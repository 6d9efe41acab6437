import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { announceChange, cachedConfig } from '../../platform/cache/index.ts';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { type Actor, recordAudit } from '../access/index.ts';
import { orderSettings } from './schema.ts';

export interface OrderSettings {
  returnWindowDays: number;
  numberPrefix: string;
  returnInstructions: string | null;
}

export const orderSettingDefaults: OrderSettings = {
  returnWindowDays: 30,
  numberPrefix: '#',
  returnInstructions: null,
};

export const orderSettingsInput = z
  .object({
    returnWindowDays: z.number().int().min(0).max(365),
    numberPrefix: z.string().trim().max(10),
    returnInstructions: z.string().trim().max(5000).nullable(),
  })
  .partial()
  .strict();

/** The store's order settings (read by every order e-mail and order page, so cached; writes announce). */
export function getOrderSettings(db: Db, storeId: string): Promise<OrderSettings> {
  return cachedConfig(`${storeId}:order-settings`, [orderSettingsTopic(storeId)], () =>
    readOrderSettings(db, storeId),
  );
}

function orderSettingsTopic(storeId: string): string {
  return `order-settings:${storeId}`;
}

async function readOrderSettings(db: Db, storeId: string): Promise<OrderSettings> {
  const [row] = await db.select().from(orderSettings).where(eq(orderSettings.storeId, storeId));
  if (!row) return { ...orderSettingDefaults };
  return {
    returnWindowDays: row.returnWindowDays,
    numberPrefix: row.numberPrefix,
    returnInstructions: row.returnInstructions,
  };
}

export async function updateOrderSettings(
  tx: Db,
  storeId: string,
  actor: Actor,
  input: z.input<typeof orderSettingsInput>,
): Promise<OrderSettings> {
  const changes = orderSettingsInput.parse(input);
  const before = await getOrderSettings(tx, storeId);
  const after = { ...before, ...changes };
  await tx
    .insert(orderSettings)
    .values({ storeId, ...after })
    .onConflictDoUpdate({ target: orderSettings.storeId, set: { ...after, updatedAt: now() } });
  await announceChange(tx, orderSettingsTopic(storeId));
  await recordAudit(tx, actor, {
    storeId,
    action: 'order_settings.updated',
    entityType: 'order_settings',
    entityId: storeId,
    before,
    after,
  });
  return after;
}
