import {
  bigint,
  date,
  doublePrecision,
  index,
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

export const budgetPeriods = ['total', 'monthly'] as const;
export type BudgetPeriod = (typeof budgetPeriods)[number];

/**
 * A campaign as the marketing team plans it: the channel it buys, its dates, its budget, and the
 * UTM tags its links carry. The tags are how sessions (utm_campaign) and imported ad spend (the
 * platform's campaign name) are matched to it, compared without regard to case.
 */
export const marketingCampaigns = pgTable(
  'marketing_campaigns',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    name: text('name').notNull(),
    /** One of GA4's default channel groups (analytics' channel grouping). */
    channel: text('channel').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    /** Minor units of the store's currency, for the whole campaign or for each calendar month. */
    budget: bigint('budget', { mode: 'number' }).notNull(),
    budgetPeriod: text('budget_period').$type<BudgetPeriod>().notNull(),
    utmCampaign: text('utm_campaign').notNull(),
    utmSource: text('utm_source').notNull(),
    utmMedium: text('utm_medium').notNull(),
    /** Where the campaign's link leads; the storefront's home page when null. */
    landingUrl: text('landing_url'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().$defaultFn(now),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().$defaultFn(now),
  },
  (t) => [index('marketing_campaigns_store_idx').on(t.storeId, t.startsOn)],
);
