import { channelGroup } from '../../analytics/channel-grouping/index.ts';
import type { ReportLayout } from './report-layout.ts';

/**
 * Meta Ads Manager's exported table (Reports → Export table data → CSV) at campaign level:
 * "Campaign name", "Reporting starts" / "Reporting ends" (and "Day" when broken down by day),
 * "Amount spent (EUR)" with the account currency in the header, "Impressions", "Link clicks",
 * "Results", "Campaign ID" when that column is added.
 */
export const metaAdsLayout: ReportLayout = {
  platform: 'meta_ads',
  description: 'a Meta Ads Manager export',
  exampleHeader: 'Campaign name, Day, Amount spent (EUR), Impressions, Link clicks, Results, Campaign ID',
  signature: [
    'campaign name',
    'reporting starts',
    'reporting ends',
    'link clicks',
    'clicks (all)',
    'results',
    'result indicator',
    'result type',
    'reach',
    'frequency',
    'cost per result',
    'cost per results',
    'attribution setting',
    'campaign delivery',
    'amount spent',
  ],
  signaturePatterns: [/^amount spent \([a-z]{3}\)$/],
  columns: {
    campaign: ['campaign name', 'campaign'],
    campaignId: ['campaign id'],
    day: ['day', 'date'],
    rangeStart: ['reporting starts'],
    rangeEnd: ['reporting ends'],
    spend: ['amount spent'],
    spendWithCurrency: /^amount spent \(([a-z]{3})\)$/,
    currency: ['currency'],
    impressions: ['impressions'],
    clicks: ['link clicks', 'clicks (all)', 'clicks'],
    // "Results" counts whatever the campaign optimises for; purchases, when exported, say more.
    conversions: ['purchases', 'website purchases', 'results'],
  },
  rangeAbove: false,
  traffic({ campaignName }) {
    // Meta campaigns are tagged facebook / paid by convention (docs/channels-and-attribution.md).
    return {
      channel: channelGroup({ source: 'facebook', medium: 'paid', campaign: campaignName }),
      source: 'facebook',
      medium: 'paid',
    };
  },
};
