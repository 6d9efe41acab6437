import { type ChannelGroup, channelGroup } from '../../analytics/channel-grouping/index.ts';
import type { ReportLayout } from './report-layout.ts';

/**
 * Google Ads' campaign report as the web interface downloads it (Campaigns → Download → CSV or
 * Excel CSV): a title line and a date-range line above the header, English column names such as
 * "Campaign", "Day", "Currency code", "Cost", "Impr.", "Clicks", "Conversions", "Campaign ID",
 * numbers with thousands separators, "--" for none, and "Total: …" rows at the end.
 */

// The campaign type says which network the spend bought; GA4 files the same clicks so.
const channelByCampaignType: Readonly<Record<string, ChannelGroup>> = {
  search: 'Paid Search',
  display: 'Display',
  shopping: 'Paid Shopping',
  video: 'Paid Video',
  // These serve across Search, Display, YouTube, Discover and Gmail at once.
  'performance max': 'Cross-network',
  smart: 'Cross-network',
  'demand gen': 'Cross-network',
};

export const googleAdsLayout: ReportLayout = {
  platform: 'google_ads',
  description: 'a Google Ads campaign report',
  exampleHeader: 'Campaign, Day, Currency code, Cost, Impr., Clicks, Conversions, Campaign ID',
  signature: [
    'impr.',
    'currency code',
    'campaign status',
    'campaign state',
    'avg. cpc',
    'cost / conv.',
    'conv. rate',
    'conv. value',
    'all conv.',
    'campaign type',
    'interactions',
    'interaction rate',
    'budget type',
    'budget name',
    'optimization score',
    'search impr. share',
    'ctr',
  ],
  columns: {
    campaign: ['campaign'],
    campaignId: ['campaign id'],
    day: ['day', 'date'],
    spend: ['cost'],
    spendWithCurrency: /^cost \(([a-z]{3})\)$/,
    currency: ['currency code', 'currency'],
    impressions: ['impr.', 'impressions'],
    clicks: ['clicks'],
    conversions: ['conversions', 'conv.'],
    extra: { campaignType: ['campaign type'] },
  },
  rangeAbove: true,
  totalRow: /^total\s*:/i,
  traffic({ campaignName, extra }) {
    const byType = channelByCampaignType[(extra.campaignType ?? '').trim().toLowerCase()];
    // Without a known type, the clicks arrive as google / cpc (auto-tagging) and group so.
    return {
      channel: byType ?? channelGroup({ source: 'google', medium: 'cpc', campaign: campaignName }),
      source: 'google',
      medium: 'cpc',
    };
  },
};
