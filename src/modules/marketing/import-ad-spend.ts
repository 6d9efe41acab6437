import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Db } from '../../platform/db/database.ts';
import { jsonRowsInsert } from '../../platform/db/json-rows-insert.ts';
import { unprocessable } from '../../platform/errors.ts';
import { allocate } from '../../platform/money.ts';
import { type Actor, recordAudit, type Store } from '../access/index.ts';
import { convertToBase, effectiveExchangeRate } from '../markets/index.ts';
import { type AdPlatform, type AdSpendRow, parseAdSpendCsv } from './ad-spend-import/index.ts';
import { marketingAdSpend } from './schema.ts';

/** The channel a platform's spend buys when the report does not say. */
const platformChannels: Record<AdPlatform, string> = {
  google_ads: 'Paid Search',
  meta_ads: 'Paid Social',
  manual: 'Paid Other',
};

interface DaySpend {
  row: AdSpendRow;
  day: string;
  spend: number;
  impressions: number;
  clicks: number;
  conversions: number | null;
}

/** A row over several days (a report not broken down by day) spread evenly over them, exactly. */
function spreadOverDays(row: AdSpendRow): DaySpend[] {
  const first = DateTime.fromISO(row.date, { zone: 'utc' });
  const last = row.endDate ? DateTime.fromISO(row.endDate, { zone: 'utc' }) : first;
  const days: string[] = [];
  for (let d = first; d <= last; d = d.plus({ days: 1 })) days.push(d.toISODate()!);
  const even = days.map(() => 1);
  const spend = allocate(row.spend.amount, even);
  const impressions = allocate(row.impressions, even);
  const clicks = allocate(row.clicks, even);
  return days.map((day, i) => ({
    row,
    day,
    spend: spend[i]!,
    impressions: impressions[i]!,
    clicks: clicks[i]!,
    conversions: row.conversions === undefined ? null : row.conversions / days.length,
  }));
}

export interface AdSpendImportResult {
  platform: AdPlatform;
  rows: number;
  days: number;
  campaigns: string[];
  /** Minor units of the store's currency. */
  spend: number;
  /** Platform summary rows ("Total: Account") left out. */
  totalRowsSkipped: number;
}

/**
 * Imports an ad platform's spend report (docs/channels-and-attribution.md lists the layouts). A
 * file with any row that cannot be read is refused whole (422 `invalid_ad_spend_file`, each
 * problem with its line, column and code) and nothing is written; otherwise every campaign-day is
 * written (replacing the same campaign-day imported before) in one transaction, audited.
 */
export async function importAdSpend(
  db: Db,
  actor: Actor,
  store: Pick<Store, 'id' | 'timezone' | 'baseCurrency'>,
  file: string | Uint8Array,
  options: { platform?: AdPlatform; currency?: string } = {},
): Promise<AdSpendImportResult> {
  const parsed = parseAdSpendCsv(file, {
    ...(options.platform ? { platform: options.platform } : {}),
    defaultCurrency: options.currency ?? store.baseCurrency,
  });
  if (!parsed.platform || parsed.errors.length > 0 || parsed.rows.length === 0) {
    throw unprocessable(
      'invalid_ad_spend_file',
      parsed.errors.length > 0
        ? `${parsed.errors.length} problem(s) in the file; nothing was imported.`
        : 'The file has no spend rows; nothing was imported.',
      { platform: parsed.platform, problems: parsed.errors.slice(0, 100) },
    );
  }
  const platform = parsed.platform;
  const days = parsed.rows.flatMap(spreadOverDays);
  // One rate per currency and day: the store's rate that day, as sales are converted.
  const rates = new Map<string, string>();
  for (const d of days) {
    const currency = d.row.spend.currency;
    const key = `${currency}|${d.day}`;
    if (currency === store.baseCurrency || rates.has(key)) continue;
    const rate =
      (await effectiveExchangeRate(db, store, store.baseCurrency, currency, d.day)) ??
      (await effectiveExchangeRate(db, store, store.baseCurrency, currency, '9999-12-31'));
    if (!rate) {
      throw unprocessable(
        'missing_exchange_rate',
        `The report is in ${currency}, and the store has no exchange rate for it; record one under Markets first.`,
        { currency },
      );
    }
    rates.set(key, rate.rate);
  }
  const rows = days.map((d) => {
    const currency = d.row.spend.currency;
    const rate = rates.get(`${currency}|${d.day}`);
    return {
      storeId: store.id,
      platform,
      campaign: d.row.campaignName,
      day: d.day,
      campaignId: d.row.campaignId ?? null,
      spend: d.spend,
      currency,
      spendInStoreCurrency: rate ? convertToBase(d.spend, currency, store.baseCurrency, rate) : d.spend,
      impressions: d.impressions,
      clicks: d.clicks,
      conversions: d.conversions,
      channel: d.row.channel ?? platformChannels[platform],
      importedAt: new Date(),
    };
  });
  // The same campaign-day twice in one file (two accounts, two report rows) is added up.
  const merged = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    const key = `${row.campaign}|${row.day}`;
    const seen = merged.get(key);
    if (!seen) merged.set(key, { ...row });
    else {
      seen.spend += row.spend;
      seen.spendInStoreCurrency += row.spendInStoreCurrency;
      seen.impressions += row.impressions;
      seen.clicks += row.clicks;
      seen.conversions =
        seen.conversions === null && row.conversions === null
          ? null
          : (seen.conversions ?? 0) + (row.conversions ?? 0);
    }
  }
  const values = [...merged.values()];
  const spend = values.reduce((n, r) => n + r.spendInStoreCurrency, 0);
  const campaigns = [...new Set(values.map((r) => r.campaign))].sort();
  await db.transaction(async (tx) => {
    for (let i = 0; i < values.length; i += 2_000) {
      const insert = jsonRowsInsert(marketingAdSpend, values.slice(i, i + 2_000));
      if (!insert) continue;
      await tx.execute(sql`${insert} on conflict (store_id, platform, campaign, day) do update set
        campaign_id = excluded.campaign_id, spend = excluded.spend, currency = excluded.currency,
        spend_in_store_currency = excluded.spend_in_store_currency, impressions = excluded.impressions,
        clicks = excluded.clicks, conversions = excluded.conversions, channel = excluded.channel,
        imported_at = excluded.imported_at`);
    }
    await recordAudit(tx, actor, {
      storeId: store.id,
      action: 'marketing.ad_spend.import',
      entityType: 'ad_spend',
      entityId: null,
      after: { platform, rows: values.length, campaigns, spend, currency: store.baseCurrency },
    });
  });
  return {
    platform,
    rows: parsed.rows.length,
    days: new Set(values.map((r) => r.day)).size,
    campaigns,
    spend,
    totalRowsSkipped: parsed.totalRowsSkipped,
  };
}
