import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { emitEvent } from '../../platform/events/index.ts';
import { type Actor, recordAudit } from '../access/index.ts';
import { reviewSettings } from './schema.ts';

export interface ReviewSettings {
  /** Whether delivered orders get the review request e-mail. */
  requestsEnabled: boolean;
  /** Days after delivery the request goes out. */
  requestDelayDays: number;
  /** Unflagged reviews go live at once; otherwise every review waits for moderation. */
  autoPublish: boolean;
  /** Texts shorter than this (characters, trimmed) are flagged `too_short`. */
  minLength: number;
}

export const defaultReviewSettings: ReviewSettings = {
  requestsEnabled: true,
  requestDelayDays: 7,
  autoPublish: false,
  minLength: 20,
};

export const reviewSettingsInput = z
  .object({
    requestsEnabled: z.boolean(),
    requestDelayDays: z.number().int().min(0).max(90),
    autoPublish: z.boolean(),
    minLength: z.number().int().min(0).max(1000),
  })
  .partial()
  .strict();

export async function getReviewSettings(db: Db, storeId: string): Promise<ReviewSettings> {
  const [row] = await db.select().from(reviewSettings).where(eq(reviewSettings.storeId, storeId));
  if (!row) return { ...defaultReviewSettings };
  const { storeId: _, updatedAt: __, ...settings } = row;
  return settings;
}

export async function updateReviewSettings(
  db: Db,
  storeId: string,
  actor: Actor,
  input: z.input<typeof reviewSettingsInput>,
): Promise<ReviewSettings> {
  const change = reviewSettingsInput.parse(input);
  return db.transaction(async (tx) => {
    const before = await getReviewSettings(tx, storeId);
    const after = { ...before, ...change };
    await tx
      .insert(reviewSettings)
      .values({ storeId, ...after })
      .onConflictDoUpdate({ target: reviewSettings.storeId, set: { ...after, updatedAt: now() } });
    await recordAudit(tx, actor, {
      storeId,
      action: 'review.settings_updated',
      entityType: 'review_settings',
      entityId: storeId,
      before,
      after,
    });
    await emitEvent(tx, {
      storeId,
      type: 'review.settings_updated',
      payload: { changed: Object.keys(change) },
    });
    return after;
  });
}
