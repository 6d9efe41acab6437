import {
  bigint,
  date,
  doublePrecision,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { now } from '../../platform/clock.ts';

/**
 * Ad spend per platform, campaign and day, as imported from the platforms' reports (or entered in
 * the manual layout). A campaign's day imported again replaces the earlier figures, so a report
 * can be exported and imported again as the month goes on.
 */
export const marketingAdSpend = pgTable(
  'marketing_ad_spend',
  {
    storeId: text('store_id').notNull(),
    platform: text('platform').notNull(),
    campaign: text('campaign').notNull(),
    day: date('day').notNull(),
    campaignId: text('campaign_id'),
    /** As the report states it: minor units of `currency`. */
    spend: bigint('spend', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    /** In minor units of the store's currency, at its exchange rate of that day. */
    spendInStoreCurrency: bigint('spend_in_store_currency', { mode: 'number' }).notNull(),
    impressions: integer('impressions').notNull().default(0),
    clicks: integer('clicks').notNull().default(0),
    conversions: doublePrecision('conversions'),
    /** The GA4 channel the spend buys (Paid Search, Paid Social …). */
    channel: text('channel').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().$defaultFn(now),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.platform, t.campaign, t.day] })],
);
