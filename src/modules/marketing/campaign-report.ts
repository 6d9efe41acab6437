import { and, between, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { moneyOf } from '../../platform/money.ts';
import {
  dailyMeasures,
  dailyMeasuresByValue,
  type Measures,
  type Period,
  periodsOf,
} from '../analytics/index.ts';
import { cpa, mer, roas } from './attribution/index.ts';
import { marketingAdSpend } from './schema.ts';

export const campaignReportQuery = z.object({ from: z.iso.date(), to: z.iso.date() }).strict();
export type CampaignReportQuery = z.output<typeof campaignReportQuery>;

interface Traffic {
  sessions: number;
  orders: number;
  /**
   * Gross sales − discounts of the orders placed in the campaign's sessions in the period, less the
   * refunds booked in the period on the campaign's orders (placed then or earlier: refunds count on
   * the day they are made, as in every sales report). Negative when refunds of earlier orders
   * outweigh new sales.
   */
  netSales: number;
  /** The refunds in `netSales`. */
  refunds: number;
}

function trafficOf(days: readonly { measures: Measures }[] | undefined): Traffic {
  const out = { sessions: 0, orders: 0, netSales: 0, refunds: 0 };
  for (const { measures: m } of days ?? []) {
    out.sessions += m.sessions;
    out.orders += m.orders;
    out.netSales += m.grossSales - m.discounts - m.refunds;
    out.refunds += m.refunds;
  }
  return out;
}

/**
 * Spend against what it brought, per campaign and per channel, over a period: spend (imported),
 * clicks, the sessions that arrived tagged with the campaign, their orders and net sales (last
 * click on the session's own campaign, as the rollups attribute orders), ROAS and cost per order;
 * and MER, all net sales over all spend.
 */
export async function campaignReport(
  db: Db,
  store: { id: string; baseCurrency: string },
  query: CampaignReportQuery,
) {
  // The analytics module's own check: a period that ends before it starts, or is too long, is a 400.
  const period: Period = periodsOf({ ...query, compare: 'none' }).current;
  const [spendRows, byCampaign, byChannel, overall] = await Promise.all([
    db
      .select({
        platform: marketingAdSpend.platform,
        campaign: marketingAdSpend.campaign,
        channel: marketingAdSpend.channel,
        spend: sql<number>`sum(${marketingAdSpend.spendInStoreCurrency})`,
        clicks: sql<number>`sum(${marketingAdSpend.clicks})`,
        impressions: sql<number>`sum(${marketingAdSpend.impressions})`,
      })
      .from(marketingAdSpend)
      .where(
        and(eq(marketingAdSpend.storeId, store.id), between(marketingAdSpend.day, period.from, period.to)),
      )
      .groupBy(marketingAdSpend.platform, marketingAdSpend.campaign, marketingAdSpend.channel),
    dailyMeasuresByValue(db, store.id, period, 'campaign'),
    dailyMeasuresByValue(db, store.id, period, 'channel'),
    dailyMeasures(db, store.id, period),
  ]);
  const campaignTraffic = new Map(
    [...byCampaign].map(([name, days]) => [name.toLowerCase(), trafficOf(days)]),
  );
  const money = (amount: number) => moneyOf(Math.round(amount), store.baseCurrency);
  const campaigns = spendRows
    .map((r) => {
      const spend = Number(r.spend);
      const traffic = campaignTraffic.get(r.campaign.toLowerCase()) ?? trafficOf(undefined);
      return {
        campaign: r.campaign,
        platform: r.platform,
        channel: r.channel,
        spend,
        clicks: Number(r.clicks),
        impressions: Number(r.impressions),
        ...traffic,
        roas: roas(money(traffic.netSales), money(spend)),
        costPerOrder: cpa(money(spend), traffic.orders)?.amount ?? null,
      };
    })
    .sort((a, b) => b.spend - a.spend || a.campaign.localeCompare(b.campaign));
  const spendByChannel = new Map<string, number>();
  for (const c of campaigns) spendByChannel.set(c.channel, (spendByChannel.get(c.channel) ?? 0) + c.spend);
  const channels = [...new Set([...spendByChannel.keys(), ...byChannel.keys()])]
    .map((channel) => {
      const spend = spendByChannel.get(channel) ?? 0;
      const traffic = trafficOf(byChannel.get(channel));
      return {
        channel,
        spend,
        ...traffic,
        roas: roas(money(traffic.netSales), money(spend)),
        costPerOrder: cpa(money(spend), traffic.orders)?.amount ?? null,
      };
    })
    .sort((a, b) => b.spend - a.spend || b.netSales - a.netSales || a.channel.localeCompare(b.channel));
  const totalSpend = campaigns.reduce((n, c) => n + c.spend, 0);
  const total = trafficOf(overall);
  return {
    currency: store.baseCurrency,
    period,
    totals: {
      spend: totalSpend,
      netSales: total.netSales,
      orders: total.orders,
      mer: mer(money(total.netSales), money(totalSpend)),
    },
    campaigns,
    channels,
  };
}
