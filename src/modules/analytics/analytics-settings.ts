import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { announceChange, cachedConfig } from '../../platform/cache/index.ts';
import type { Db } from '../../platform/db/database.ts';
import { type Actor, recordAudit } from '../access/index.ts';
import { analyticsSettings, type ConsentMode, consentModes } from './schema.ts';

export interface AnalyticsSettings {
  /**
   * `not_required`: the storefront sets its visitor cookie at once (a store whose law or policy
   * allows analytics cookies without asking). `required`: it asks first, with a banner; until the
   * visitor accepts, visits are counted without cookies (see CookielessVisitors).
   */
  consentMode: ConsentMode;
}

export const defaultAnalyticsSettings: AnalyticsSettings = { consentMode: 'not_required' };

export const analyticsTopic = (storeId: string) => `analytics:${storeId}`;

export const analyticsSettingsInput = z.object({ consentMode: z.enum(consentModes) }).strict();

/** The store's settings, read through the process's configuration cache. */
export function getAnalyticsSettings(db: Db, storeId: string): Promise<AnalyticsSettings> {
  return cachedConfig(`${storeId} analytics-settings`, [analyticsTopic(storeId)], () =>
    readAnalyticsSettings(db, storeId),
  );
}

export async function updateAnalyticsSettings(
  db: Db,
  actor: Actor,
  storeId: string,
  input: z.output<typeof analyticsSettingsInput>,
): Promise<AnalyticsSettings> {
  return db.transaction(async (tx) => {
    const before = await readAnalyticsSettings(tx, storeId);
    await tx
      .insert(analyticsSettings)
      .values({ storeId, consentMode: input.consentMode })
      .onConflictDoUpdate({
        target: analyticsSettings.storeId,
        set: { consentMode: input.consentMode, updatedAt: new Date() },
      });
    const after = { consentMode: input.consentMode };
    await recordAudit(tx, actor, {
      storeId,
      action: 'analytics.settings.update',
      entityType: 'analytics_settings',
      entityId: storeId,
      before,
      after,
    });
    await announceChange(tx, analyticsTopic(storeId));
    return after;
  });
}

async function readAnalyticsSettings(db: Db, storeId: string): Promise<AnalyticsSettings> {
  const [row] = await db
    .select({ consentMode: analyticsSettings.consentMode })
    .from(analyticsSettings)
    .where(eq(analyticsSettings.storeId, storeId));
  return row ?? defaultAnalyticsSettings;
}
