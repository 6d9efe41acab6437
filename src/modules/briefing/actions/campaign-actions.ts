import { DateTime } from 'luxon';
import type { Db } from '../../../platform/db/database.ts';
import { formatMoney, moneyOf } from '../../../platform/money.ts';
import { campaignReport } from '../../marketing/index.ts';
import { adminPath, type BriefingAction, type BriefingContext } from '../briefing-types.ts';

/** The window a campaign is judged over: a week, so one slow day does not condemn it. */
const windowDays = 7;

/**
 * Campaigns that spent more than they brought over the week to the briefing's day (ROAS below 1):
 * pause or fix each, the loss (spend less the sales it brought) at stake. The campaigns screen opens
 * on the same week.
 */
export async function campaignActions(db: Db, context: BriefingContext): Promise<BriefingAction[]> {
  const to = context.day;
  const from = DateTime.fromISO(to, { zone: 'utc' })
    .minus({ days: windowDays - 1 })
    .toISODate()!;
  const report = await campaignReport(db, context.store, { from, to });
  const money = (amount: number) => formatMoney(Math.round(amount), report.currency, 'en');
  const search = new URLSearchParams({ view: 'campaigns', range: 'custom', from, to });
  return report.campaigns
    .filter((c) => c.spend > 0 && (c.roas ?? 0) < 1)
    .map(
      (c): BriefingAction => ({
        kind: 'campaign',
        urgency: c.spend - c.netSales > 0 && (c.roas ?? 0) < 0.5 ? 'now' : 'today',
        title: `Pause or fix the campaign “${c.campaign}”: ROAS ${(c.roas ?? 0).toFixed(2)} over the last ${windowDays} days`,
        detail: `${money(c.spend)} spent on ${c.platform} brought ${c.orders} ${c.orders === 1 ? 'order' : 'orders'} and ${money(c.netSales)} in sales.`,
        link: `${adminPath(context.store.handle, 'analytics')}?${search}`,
        atStake: moneyOf(Math.max(0, Math.round(c.spend - c.netSales)), report.currency),
      }),
    );
}
