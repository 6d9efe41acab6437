import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { emitEvent } from '../../platform/events/index.ts';
import { type Actor, recordAudit } from '../access/index.ts';
import { newsletterSettings } from './schema.ts';

export const NEWSLETTER_SETTINGS_UPDATED_EVENT = 'newsletter.settings_updated';

export interface NewsletterSettings {
  /** The most newsletter messages the store queues in any minute (the sender's and the ISP's patience). */
  messagesPerMinute: number;
  /** Whether opens and clicks may be measured at all; each recipient's consent must allow it too. */
  trackingEnabled: boolean;
}

export const defaultNewsletterSettings: NewsletterSettings = {
  messagesPerMinute: 600,
  trackingEnabled: false,
};

export const newsletterSettingsInput = z
  .object({
    messagesPerMinute: z.number().int().min(1).max(100_000).optional(),
    trackingEnabled: z.boolean().optional(),
  })
  .strict();
export type NewsletterSettingsInput = z.input<typeof newsletterSettingsInput>;

/** The store's settings, or the defaults (600 a minute, no tracking) when it never changed them. */
export async function getNewsletterSettings(db: Db, storeId: string): Promise<NewsletterSettings> {
  const [row] = await db
    .select({
      messagesPerMinute: newsletterSettings.messagesPerMinute,
      trackingEnabled: newsletterSettings.trackingEnabled,
    })
    .from(newsletterSettings)
    .where(eq(newsletterSettings.storeId, storeId));
  return row ?? { ...defaultNewsletterSettings };
}

/** Changes the given settings (the others stay), audited, `newsletter.settings_updated`. */
export async function updateNewsletterSettings(
  db: Db,
  storeId: string,
  actor: Actor,
  input: NewsletterSettingsInput,
): Promise<NewsletterSettings> {
  const change = newsletterSettingsInput.parse(input);
  return db.transaction(async (tx) => {
    const before = await getNewsletterSettings(tx, storeId);
    const after = { ...before, ...change };
    await tx
      .insert(newsletterSettings)
      .values({ storeId, ...after })
      .onConflictDoUpdate({ target: newsletterSettings.storeId, set: { ...after, updatedAt: sql`now()` } });
    await recordAudit(tx, actor, {
      storeId,
      action: NEWSLETTER_SETTINGS_UPDATED_EVENT,
      entityType: 'newsletter_settings',
      entityId: storeId,
      before,
      after,
    });
    await emitEvent(tx, { storeId, type: NEWSLETTER_SETTINGS_UPDATED_EVENT, payload: after });
    return after;
  });
}
