import { DateTime } from 'luxon';
import type { Db } from '../../../platform/db/database.ts';
import { formatMoney, moneyOf } from '../../../platform/money.ts';
import { campaignReport } from '../../marketing/index.ts';
import { adminPath, type BriefingAction, type BriefingContext } from '../briefing-types.ts';

/** The window a campaign is judged over: a week, so one slow day does not condemn it. */
const windowDays = 7;

/** Where the money went, as the manager knows it; spend entered by hand or from a generic file names none. */
const platformWords: Record<string, string> = { google_ads: 'Google Ads', meta_ads: 'Meta Ads' };

/**
 * What the campaign's week brought, in words. Refunds count on the day they are made, so a week can
 * refund more of the campaign's earlier orders than its new orders bring: said as such, never as
 * negative sales.
 */
function campaignDetail(
  c: { spend: number; platform: string; orders: number; netSales: number; refunds: number },
  money: (amount: number) => string,
): string {
  const orders = `${c.orders} ${c.orders === 1 ? 'order' : 'orders'}`;
  const on = platformWords[c.platform];
  const spent = `${money(c.spend)} spent${on ? ` on ${on}` : ''} brought ${orders}`;
  const sales = c.netSales + c.refunds;
  if (c.refunds <= 0) return `${spent} and ${money(c.netSales)} in sales.`;
  if (c.netSales < 0) {
    return `${spent}${sales > 0 ? ` (${money(sales)} in sales)` : ''}, and ${money(c.refunds)} was refunded on orders it brought before.`;
  }
  return `${spent} and ${money(c.netSales)} in sales after ${money(c.refunds)} of refunds.`;
}

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
        detail: campaignDetail(c, money),
        link: `${adminPath(context.store.handle, 'analytics')}?${search}`,
        // What pausing saves: the spend its sales do not cover (refunds of earlier orders come anyway).
        atStake: moneyOf(Math.max(0, Math.round(c.spend - Math.max(0, c.netSales))), report.currency),
      }),
    );
}
