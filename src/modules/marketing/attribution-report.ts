import { and, between, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { badRequest } from '../../platform/errors.ts';
import { moneyOf } from '../../platform/money.ts';
import { type OrderJourney, orderJourneys, type Period, periodsOf } from '../analytics/index.ts';
import {
  type AttributionModel,
  attributeConversionValue,
  cac,
  cpa,
  defaultLookbackDays,
  mer,
  roas,
  type Touchpoint,
} from './attribution/index.ts';
import { listCampaigns } from './campaigns/campaign-records.ts';
import { marketingAdSpend } from './schema.ts';

/** The report's model names, and the attribution functions' models they stand for. */
const reportModels = {
  last_non_direct: 'last_non_direct_click',
  first: 'first_click',
  linear: 'linear',
  position_based: 'position_based',
} as const satisfies Record<string, AttributionModel>;
export type ReportModel = keyof typeof reportModels;
export const reportModelNames = Object.keys(reportModels) as ReportModel[];

export const attributionReportQuery = z
  .object({
    from: z.iso.date(),
    to: z.iso.date(),
    model: z.string().default('last_non_direct'),
    lookbackDays: z.coerce.number().int().default(defaultLookbackDays),
  })
  .strict();
export type AttributionReportQuery = z.input<typeof attributionReportQuery>;

/** Orders are credited in millionths, allocated exactly, so fractional credits still add up to whole orders. */
const orderUnits = 1_000_000;
const maxLookbackDays = 90;
const notSet = '(not set)';
/** An order no session led to (placed by staff or through the API) still counts, here. */
const unassigned: Touchpoint = { at: new Date(0), channel: 'Unassigned', campaign: null };

interface Credit {
  orders: number;
  revenue: number;
  newCustomers: number;
}

/**
 * Orders and net sales attributed to channels and campaigns over each order's journey (its
 * visitor's sessions in the lookback window) by the chosen model, against spend: ROAS, CPA, CAC
 * and, for the store as a whole, MER (docs/channels-and-attribution.md). Revenue is split in minor
 * units with `allocate`, so channels and campaigns each add up to the period's net sales exactly.
 * Errors: 400 `invalid_attribution_model`, `invalid_lookback`, `invalid_period`.
 */
export async function attributionReport(
  db: Db,
  store: { id: string; baseCurrency: string },
  query: AttributionReportQuery,
) {
  const parsed = attributionReportQuery.parse(query);
  if (!(parsed.model in reportModels)) {
    throw badRequest(
      'invalid_attribution_model',
      `Unknown attribution model: ${JSON.stringify(parsed.model)}.`,
      {
        model: parsed.model,
        models: reportModelNames,
      },
    );
  }
  if (parsed.lookbackDays < 1 || parsed.lookbackDays > maxLookbackDays) {
    throw badRequest('invalid_lookback', `The lookback window is 1 to ${maxLookbackDays} days.`, {
      lookbackDays: parsed.lookbackDays,
    });
  }
  const model = reportModels[parsed.model as ReportModel];
  const period: Period = periodsOf({ from: parsed.from, to: parsed.to, compare: 'none' }).current;
  const [journeys, spendRows, campaigns] = await Promise.all([
    orderJourneys(db, store.id, period, parsed.lookbackDays),
    db
      .select({
        campaign: sql<string>`lower(${marketingAdSpend.campaign})`,
        name: sql<string>`min(${marketingAdSpend.campaign})`,
        channel: marketingAdSpend.channel,
        spend: sql<number>`sum(${marketingAdSpend.spendInStoreCurrency})`,
      })
      .from(marketingAdSpend)
      .where(
        and(eq(marketingAdSpend.storeId, store.id), between(marketingAdSpend.day, period.from, period.to)),
      )
      .groupBy(sql`lower(${marketingAdSpend.campaign})`, marketingAdSpend.channel),
    listCampaigns(db, store.id),
  ]);

  const byChannel = new Map<string, Credit>();
  const byCampaign = new Map<string, Credit & { tag: string }>();
  let totalRevenue = 0;
  let totalNewCustomers = 0;
  for (const journey of journeys) {
    totalRevenue += journey.netSales;
    if (journey.firstOrder) totalNewCustomers += 1;
    for (const share of creditOrder(journey, model, parsed.lookbackDays, store.baseCurrency)) {
      const channel = share.touchpoint.channel ?? 'Unassigned';
      add(byChannel, channel, share);
      const tag = share.touchpoint.campaign?.trim() || notSet;
      const key = tag.toLowerCase();
      const row = byCampaign.get(key) ?? { tag, orders: 0, revenue: 0, newCustomers: 0 };
      addTo(row, share);
      byCampaign.set(key, row);
    }
  }

  // Planned campaigns are known by utm_campaign in sessions and by either tag or name in spend.
  const planned = new Map<string, (typeof campaigns)[number]>();
  for (const c of campaigns) {
    planned.set(c.utmCampaign.toLowerCase(), c);
    planned.set(c.name.toLowerCase(), c);
  }
  const keyOf = (name: string) => {
    const campaign = planned.get(name);
    return campaign ? campaign.utmCampaign.toLowerCase() : name;
  };
  const spendByCampaign = new Map<string, { spend: number; name: string; channel: string }>();
  const spendByChannel = new Map<string, number>();
  let totalSpend = 0;
  for (const row of spendRows) {
    const spend = Number(row.spend);
    totalSpend += spend;
    spendByChannel.set(row.channel, (spendByChannel.get(row.channel) ?? 0) + spend);
    const key = keyOf(row.campaign);
    const seen = spendByCampaign.get(key);
    if (seen) seen.spend += spend;
    else spendByCampaign.set(key, { spend, name: row.name, channel: row.channel });
  }
  const money = (amount: number) => moneyOf(amount, store.baseCurrency);
  const ratios = (credit: Credit, spend: number) => ({
    orders: credit.orders / orderUnits,
    revenue: credit.revenue,
    newCustomers: credit.newCustomers / orderUnits,
    spend,
    roas: roas(money(credit.revenue), money(spend)),
    // Without spend there is no cost per anything (not a cost of zero).
    cpa: spend === 0 ? null : (cpa(money(spend), credit.orders / orderUnits)?.amount ?? null),
    cac: spend === 0 ? null : (cac(money(spend), credit.newCustomers / orderUnits)?.amount ?? null),
  });
  const empty: Credit = { orders: 0, revenue: 0, newCustomers: 0 };

  const campaignKeys = new Set([...byCampaign.keys()].map(keyOf));
  for (const key of spendByCampaign.keys()) campaignKeys.add(key);
  for (const c of campaigns) campaignKeys.add(c.utmCampaign.toLowerCase());
  const campaignRows = [...campaignKeys]
    .map((key) => {
      const campaign = planned.get(key);
      const credit = { ...empty };
      for (const [tag, row] of byCampaign) if (keyOf(tag) === key) addTo(credit, row);
      const spent = spendByCampaign.get(key);
      return {
        campaignId: campaign?.id ?? null,
        campaign: campaign?.name ?? spent?.name ?? byCampaign.get(key)?.tag ?? key,
        utmCampaign: campaign?.utmCampaign ?? (key === notSet ? null : (byCampaign.get(key)?.tag ?? key)),
        channel: campaign?.channel ?? spent?.channel ?? null,
        ...ratios(credit, spent?.spend ?? 0),
      };
    })
    .sort((a, b) => b.revenue - a.revenue || b.spend - a.spend || a.campaign.localeCompare(b.campaign));
  const channelRows = [...new Set([...byChannel.keys(), ...spendByChannel.keys()])]
    .map((channel) => ({
      channel,
      ...ratios(byChannel.get(channel) ?? empty, spendByChannel.get(channel) ?? 0),
    }))
    .sort((a, b) => b.revenue - a.revenue || b.spend - a.spend || a.channel.localeCompare(b.channel));

  return {
    currency: store.baseCurrency,
    period,
    model: parsed.model as ReportModel,
    lookbackDays: parsed.lookbackDays,
    totals: {
      orders: journeys.length,
      revenue: totalRevenue,
      newCustomers: totalNewCustomers,
      spend: totalSpend,
      mer: mer(money(totalRevenue), money(totalSpend)),
      cac: cac(money(totalSpend), totalNewCustomers)?.amount ?? null,
    },
    channels: channelRows,
    campaigns: campaignRows,
  };
}

/**
 * An order's credit per touchpoint: its net sales, one order and (if it was the customer's first)
 * one new customer, each split by the model's weights into exact integer parts.
 */
function creditOrder(journey: OrderJourney, model: AttributionModel, lookbackDays: number, currency: string) {
  const touchpoints: Touchpoint[] =
    journey.sessions.length > 0
      ? journey.sessions.map((s) => ({ ...s, channel: s.channel as Touchpoint['channel'] }))
      : [{ ...unassigned, at: journey.placedAt }];
  const options = { model, lookbackDays };
  const split = (amount: number) =>
    attributeConversionValue(touchpoints, { at: journey.placedAt, value: { amount, currency } }, options);
  const revenue = split(journey.netSales);
  const orders = split(orderUnits);
  return revenue.map((part, i) => ({
    touchpoint: part.touchpoint,
    revenue: part.value.amount,
    orders: orders[i]!.value.amount,
    newCustomers: journey.firstOrder ? orders[i]!.value.amount : 0,
  }));
}

function add(map: Map<string, Credit>, key: string, share: Credit) {
  const row = map.get(key) ?? { orders: 0, revenue: 0, newCustomers: 0 };
  addTo(row, share);
  map.set(key, row);
}

function addTo(row: Credit, share: Credit) {
  row.orders += share.orders;
  row.revenue += share.revenue;
  row.newCustomers += share.newCustomers;
}
