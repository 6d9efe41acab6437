import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { badRequest } from '../../platform/errors.ts';
import { type Actor, recordAudit, type Store } from '../access/index.ts';
import { isChannelGroup } from '../analytics/channel-grouping/index.ts';
import { getCampaign } from './campaigns/campaign-records.ts';
import { marketingAdSpend } from './schema.ts';

/**
 * One day's spend on one campaign, typed in by hand (an influencer fee, a newsletter sponsorship,
 * a platform without an export). Either a planned campaign (`campaignId`; its name and channel
 * are used) or a campaign name with its channel.
 */
export const manualSpendInput = z
  .object({
    campaignId: z.string().min(1).max(64).optional(),
    campaign: z.string().trim().min(1).max(200).optional(),
    channel: z.string().min(1).max(60).optional(),
    day: z.iso.date(),
    /** Minor units of the store's currency. */
    amount: z.number().int(),
    clicks: z.number().int().min(0).default(0),
    impressions: z.number().int().min(0).default(0),
  })
  .strict();
export type ManualSpendInput = z.input<typeof manualSpendInput>;

/**
 * Records (or replaces) the manual spend of a campaign-day, audited with what it replaced. Errors:
 * 400 `invalid_amount` (below zero), `campaign_required`, `invalid_channel`; 404 for an unknown
 * campaign id.
 */
export async function recordManualSpend(
  db: Db,
  actor: Actor,
  store: Pick<Store, 'id' | 'baseCurrency'>,
  input: ManualSpendInput,
) {
  const entry = manualSpendInput.parse(input);
  if (entry.amount < 0 || !Number.isSafeInteger(entry.amount)) {
    throw badRequest('invalid_amount', 'Spend is a whole number of minor units, at least 0.', {
      amount: entry.amount,
    });
  }
  let campaign = entry.campaign;
  let channel = entry.channel ?? 'Paid Other';
  if (entry.campaignId) {
    const planned = await getCampaign(db, store.id, entry.campaignId);
    campaign = planned.name;
    channel = planned.channel;
  }
  if (!campaign) throw badRequest('campaign_required', 'Name the campaign the money was spent on.');
  if (!isChannelGroup(channel)) {
    throw badRequest('invalid_channel', `"${channel}" is not one of GA4's default channel groups.`, {
      channel,
    });
  }
  const row = {
    storeId: store.id,
    platform: 'manual',
    campaign,
    day: entry.day,
    campaignId: entry.campaignId ?? null,
    spend: entry.amount,
    currency: store.baseCurrency,
    spendInStoreCurrency: entry.amount,
    impressions: entry.impressions,
    clicks: entry.clicks,
    conversions: null,
    channel,
    importedAt: new Date(),
  };
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(marketingAdSpend)
      .where(
        sql`${marketingAdSpend.storeId} = ${store.id} and ${marketingAdSpend.platform} = 'manual'
          and ${marketingAdSpend.campaign} = ${campaign} and ${marketingAdSpend.day} = ${entry.day}`,
      )
      .for('update');
    const [saved] = await tx
      .insert(marketingAdSpend)
      .values(row)
      .onConflictDoUpdate({
        target: [
          marketingAdSpend.storeId,
          marketingAdSpend.platform,
          marketingAdSpend.campaign,
          marketingAdSpend.day,
        ],
        set: {
          campaignId: row.campaignId,
          spend: row.spend,
          currency: row.currency,
          spendInStoreCurrency: row.spendInStoreCurrency,
          impressions: row.impressions,
          clicks: row.clicks,
          channel: row.channel,
          importedAt: row.importedAt,
        },
      })
      .returning();
    await recordAudit(tx, actor, {
      storeId: store.id,
      action: 'marketing.ad_spend.record',
      entityType: 'ad_spend',
      entityId: `${campaign}|${entry.day}`,
      before: before ?? null,
      after: saved,
    });
    return saved!;
  });
}
