import { eq, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import type { JobRunner, ScheduleDefinition } from '../../platform/jobs/index.ts';
import { type Actor, recordAudit } from '../access/index.ts';
import { customerData as analyticsData } from '../analytics/index.ts';
import { privacySettings } from './schema.ts';

/** GA4's choices for raw event data, in months; null keeps events forever. */
export const retentionChoices = [2, 14, 26, 38, 50] as const;

export const privacySettingsInput = z
  .object({
    analyticsRetentionMonths: z
      .union([z.literal(2), z.literal(14), z.literal(26), z.literal(38), z.literal(50), z.null()])
      .describe('Months raw analytics events are kept (2, 14, 26, 38 or 50), or null for forever'),
  })
  .strict();

export type PrivacySettingsInput = z.infer<typeof privacySettingsInput>;

export interface PrivacySettings {
  analyticsRetentionMonths: number | null;
  updatedAt: Date | null;
}

export async function getPrivacySettings(db: Db, storeId: string): Promise<PrivacySettings> {
  const [row] = await db.select().from(privacySettings).where(eq(privacySettings.storeId, storeId));
  return {
    analyticsRetentionMonths: row?.analyticsRetentionMonths ?? null,
    updatedAt: row?.updatedAt ?? null,
  };
}

export async function updatePrivacySettings(
  db: Db,
  storeId: string,
  actor: Actor,
  input: PrivacySettingsInput,
): Promise<PrivacySettings> {
  return db.transaction(async (tx) => {
    const before = await getPrivacySettings(tx, storeId);
    const values = { storeId, analyticsRetentionMonths: input.analyticsRetentionMonths, updatedAt: now() };
    await tx
      .insert(privacySettings)
      .values(values)
      .onConflictDoUpdate({ target: privacySettings.storeId, set: values });
    await recordAudit(tx, actor, {
      storeId,
      action: 'privacy.settings_updated',
      entityType: 'privacy_settings',
      entityId: storeId,
      before: { analyticsRetentionMonths: before.analyticsRetentionMonths },
      after: { analyticsRetentionMonths: input.analyticsRetentionMonths },
    });
    return getPrivacySettings(tx, storeId);
  });
}

/** The moment before which a store's raw events go: `months` calendar months before `at`. */
export function retentionCutoff(at: Date, months: number): Date {
  const cutoff = new Date(at);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff;
}

export const ANALYTICS_RETENTION_JOB = 'privacy.analytics-retention';

/** Daily: events cross the line one day at a time. */
export const analyticsRetentionSchedule: ScheduleDefinition = {
  name: ANALYTICS_RETENTION_JOB,
  jobName: ANALYTICS_RETENTION_JOB,
  everySeconds: 24 * 3600,
  payload: {},
};

/** Deletes every store's raw events older than its retention setting; returns how many per store. */
export async function applyAnalyticsRetention(db: Db, at = now()): Promise<Record<string, number>> {
  const stores = await db
    .select({ storeId: privacySettings.storeId, months: privacySettings.analyticsRetentionMonths })
    .from(privacySettings)
    .where(isNotNull(privacySettings.analyticsRetentionMonths));
  const deleted: Record<string, number> = {};
  for (const { storeId, months } of stores) {
    deleted[storeId] = await analyticsData.deleteRawEventsBefore(db, storeId, retentionCutoff(at, months!));
  }
  return deleted;
}

export function registerAnalyticsRetentionJob(jobs: Pick<JobRunner, 'register'>): void {
  jobs.register(ANALYTICS_RETENTION_JOB, async (_payload, { db, logger }) => {
    const deleted = await applyAnalyticsRetention(db);
    const total = Object.values(deleted).reduce((a, b) => a + b, 0);
    if (total > 0)
      logger.info(
        { deleted: total, stores: Object.keys(deleted).length },
        'raw analytics events past retention deleted',
      );
  });
}
