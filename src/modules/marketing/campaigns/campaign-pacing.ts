import { and, eq, gte, lte, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { now } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/database.ts';
import { marketingAdSpend } from '../schema.ts';
import { budgetPacing, earliestDay, type Pacing, pacingWindow } from './budget-pacing.ts';
import { type Campaign, listCampaigns } from './campaign-records.ts';

/** The names a campaign's ad spend rows may carry: its utm_campaign or its own name, any case. */
export function spendKeysOf(campaign: Pick<Campaign, 'name' | 'utmCampaign'>): string[] {
  return [...new Set([campaign.utmCampaign.toLowerCase(), campaign.name.toLowerCase()])];
}

/** The store's calendar day now. */
export function storeToday(store: { timezone: string }): string {
  return DateTime.fromJSDate(now(), { zone: store.timezone }).toISODate()!;
}

/**
 * Every campaign of the store with its pacing on `asOf` (the store's today by default). The
 * spend of all campaigns is read in one statement, per spend name and day, and summed per
 * campaign's budget window here.
 */
export async function campaignsWithPacing(
  db: Db,
  store: { id: string; timezone: string },
  asOf: string = storeToday(store),
): Promise<(Campaign & { pacing: Pacing })[]> {
  const campaigns = await listCampaigns(db, store.id);
  if (campaigns.length === 0) return [];
  const windows = campaigns.map((c) => pacingWindow(c, asOf));
  const from = earliestDay(...windows.map((w) => w.from));
  const spendRows = await db
    .select({
      key: sql<string>`lower(${marketingAdSpend.campaign})`,
      day: marketingAdSpend.day,
      spend: sql<number>`sum(${marketingAdSpend.spendInStoreCurrency})`,
    })
    .from(marketingAdSpend)
    .where(
      and(
        eq(marketingAdSpend.storeId, store.id),
        gte(marketingAdSpend.day, from),
        lte(marketingAdSpend.day, asOf),
      ),
    )
    .groupBy(sql`lower(${marketingAdSpend.campaign})`, marketingAdSpend.day);
  const byKey = new Map<string, { day: string; spend: number }[]>();
  for (const row of spendRows) {
    const list = byKey.get(row.key) ?? [];
    list.push({ day: row.day, spend: Number(row.spend) });
    byKey.set(row.key, list);
  }
  return campaigns.map((campaign, i) => {
    const window = windows[i]!;
    const end = asOf < window.to ? asOf : window.to;
    let spend = 0;
    for (const key of spendKeysOf(campaign)) {
      for (const row of byKey.get(key) ?? [])
        if (row.day >= window.from && row.day <= end) spend += row.spend;
    }
    return { ...campaign, pacing: budgetPacing(window, asOf, spend) };
  });
}
