/** What the marketing API answers (src/modules/marketing/routes.ts). Amounts are minor units. */

// The server's own list of GA4 channel groups, so the form offers exactly what the API accepts.
export { channelGroups } from '../../../src/modules/analytics/channel-grouping/channel-groups.ts';

export type PacingStatus = 'not_started' | 'on_pace' | 'overspending' | 'underspending' | 'ended';

export interface CampaignFields {
  name: string;
  channel: string;
  startsOn: string;
  endsOn: string;
  budget: number;
  budgetPeriod: 'total' | 'monthly';
  utmCampaign?: string;
  utmSource: string;
  utmMedium: string;
  landingUrl: string | null;
}

export interface Campaign extends CampaignFields {
  id: string;
  utmCampaign: string;
  link: string;
  pacing: {
    from: string;
    to: string;
    budget: number;
    asOf: string;
    elapsedDays: number;
    totalDays: number;
    spendToDate: number;
    expectedToDate: number;
    projectedSpend: number;
    status: PacingStatus;
  };
}

export interface CampaignList {
  currency: string;
  campaigns: Campaign[];
}

export const attributionModels = [
  { value: 'last_non_direct', label: 'Last non-direct click' },
  { value: 'first', label: 'First click' },
  { value: 'linear', label: 'Linear' },
  { value: 'position_based', label: 'Position-based (40/20/40)' },
] as const;
export type AttributionModel = (typeof attributionModels)[number]['value'];

interface Attributed {
  orders: number;
  revenue: number;
  newCustomers: number;
  spend: number;
  roas: number | null;
  cpa: number | null;
  cac: number | null;
}

export interface AttributionReport {
  currency: string;
  model: AttributionModel;
  lookbackDays: number;
  totals: {
    orders: number;
    revenue: number;
    newCustomers: number;
    spend: number;
    mer: number | null;
    cac: number | null;
  };
  channels: (Attributed & { channel: string })[];
  campaigns: (Attributed & {
    campaignId: string | null;
    campaign: string;
    utmCampaign: string | null;
    channel: string | null;
  })[];
}

export interface DiscountCodeReport {
  currency: string;
  withoutCode: { orders: number; revenue: number; aov: number | null };
  codes: {
    code: string;
    orders: number;
    revenue: number;
    discount: number;
    newCustomers: number;
    aov: number | null;
    aovIndex: number | null;
  }[];
}
