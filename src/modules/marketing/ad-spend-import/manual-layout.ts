import { channelGroup, channelGroups } from '../../analytics/channel-grouping/index.ts';
import type { ReportLayout } from './report-layout.ts';

/**
 * Storepilot's own layout for spend from anywhere else (a newsletter sponsorship, a podcast, an
 * ad network without an export we read): date, campaign, spend, currency, and optionally the
 * channel — or the source / medium its links are tagged with, from which the channel follows.
 */
export const manualLayout: ReportLayout = {
  platform: 'manual',
  description: 'a manual spend file',
  exampleHeader: 'date, campaign, spend, currency, channel, source, medium',
  signature: ['date', 'spend', 'currency', 'channel', 'source', 'medium', 'utm_source', 'utm_medium'],
  columns: {
    campaign: ['campaign', 'campaign name'],
    campaignId: ['campaign id', 'campaign_id'],
    day: ['date', 'day'],
    spend: ['spend', 'cost', 'amount'],
    spendWithCurrency: /^(?:spend|cost|amount) \(([a-z]{3})\)$/,
    currency: ['currency', 'currency code'],
    impressions: ['impressions'],
    clicks: ['clicks'],
    conversions: ['conversions'],
    extra: {
      channel: ['channel', 'channel group'],
      source: ['source', 'utm_source'],
      medium: ['medium', 'utm_medium'],
    },
  },
  rangeAbove: false,
  traffic({ campaignName, extra }) {
    const source = extra.source?.trim() || undefined;
    const medium = extra.medium?.trim() || undefined;
    const named = extra.channel?.trim() ?? '';
    if (named !== '') {
      const channel = channelGroups.find((group) => group.toLowerCase() === named.toLowerCase());
      if (!channel) {
        return {
          column: 'channel',
          error: `"${named}" is not a channel; use one of ${channelGroups.join(', ')}.`,
        };
      }
      return { channel, source, medium };
    }
    if (source === undefined && medium === undefined) return {};
    return { channel: channelGroup({ source, medium, campaign: campaignName }), source, medium };
  },
};
