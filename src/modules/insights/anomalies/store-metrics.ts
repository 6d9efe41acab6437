/**
 * The daily store metrics the briefing watches, how each is judged, and the words used for it.
 */
import type { MetricKind } from './metric-series.ts';

export const storeMetricNames = [
  'revenue',
  'orders',
  'sessions',
  'conversionRate',
  'averageOrderValue',
  'refunds',
] as const;

export type StoreMetricName = (typeof storeMetricNames)[number];

export const storeMetricKinds: Record<StoreMetricName, MetricKind> = {
  revenue: 'amount', // minor units, with the day's orders as units
  orders: 'count',
  sessions: 'count',
  conversionRate: 'proportion', // orders ÷ sessions
  averageOrderValue: 'mean', // revenue ÷ orders
  refunds: 'amount', // refunded minor units, with the day's refunds as units
};

/** Lower-case words for sentences ("sessions −58% …"). */
export const storeMetricWords: Record<StoreMetricName, string> = {
  revenue: 'revenue',
  orders: 'orders',
  sessions: 'sessions',
  conversionRate: 'conversion rate',
  averageOrderValue: 'average order value',
  refunds: 'refunds',
};

export const breakdownDimensions = ['channel', 'campaign', 'device', 'country', 'product'] as const;
export type BreakdownDimension = (typeof breakdownDimensions)[number];
