import type { Actor, Store } from '../modules/access/index.ts';
import { importAdSpend } from '../modules/marketing/index.ts';
import type { Db } from '../platform/db/database.ts';
import type { DemoHistoryPlan } from './demo-history-plan.ts';
import { sources } from './demo-visitors.ts';

const money = (minor: number) => (minor / 100).toFixed(2);

/**
 * The paid campaigns' spend over the history, imported the way a manager brings it in: a Google
 * Ads campaign report (by day) for paid search and a Meta Ads export for paid social, through the
 * marketing module's own import. Campaign names are the ones the sessions' UTM tags carry, so
 * ROAS joins spend to the revenue of the same campaign. A campaign-day without spend (the one
 * stopped by mistake) has no row, as in the platforms' reports.
 */
export async function importHistorySpend(
  db: Db,
  actor: Actor,
  store: Store,
  plan: DemoHistoryPlan,
): Promise<number> {
  const google: string[] = [
    'Campaign report',
    `"${plan.days[0]} - ${plan.days.at(-1)}"`,
    'Campaign status,Campaign,Day,Campaign type,Currency code,Cost,Impr.,Clicks,Campaign ID',
  ];
  const meta: string[] = ['Campaign name,Day,Impressions,Amount spent (EUR),Link clicks,Campaign ID'];
  for (const row of plan.spend) {
    const source = sources[row.source]!;
    const day = plan.days[row.day]!;
    const campaignId = 20_483_920_000 + row.source;
    if (source.channel === 'Paid Search') {
      google.push(
        `Enabled,${source.campaign},${day},Search,${store.baseCurrency},${money(row.spend)},${row.impressions},${row.clicks},${campaignId}`,
      );
    } else {
      meta.push(
        `${source.campaign},${day},${row.impressions},${money(row.spend)},${row.clicks},${campaignId}`,
      );
    }
  }
  let spend = 0;
  if (google.length > 3)
    spend += (await importAdSpend(db, actor, store, google.join('\n'), { platform: 'google_ads' })).spend;
  if (meta.length > 1)
    spend += (await importAdSpend(db, actor, store, meta.join('\n'), { platform: 'meta_ads' })).spend;
  return spend;
}
