import type { Dimension, Granularity, KpiKey } from './analytics-types.ts';
import { kpiLooks } from './kpi-format.ts';

/** What the analytics screen shows, kept in its address so a view can be shared and reloaded. */
export interface AnalyticsSearch {
  /** A preset period ending today; `custom` uses from / to. */
  range?: RangePreset;
  from?: string;
  to?: string;
  compare?: 'previous_period' | 'previous_year' | 'none';
  dimension?: Dimension;
  /** Another tab than sales and traffic: customers, campaigns, or the KPI explorer. */
  view?: AnalyticsView;
  /** The explorer's metric, breakdown and buckets. */
  metric?: KpiKey;
  breakdown?: Dimension | 'none';
  granularity?: Granularity;
  /** The funnel card's breakdown. */
  funnelBy?: Dimension;
}

const views = ['customers', 'campaigns', 'explore'] as const;
export type AnalyticsView = (typeof views)[number];
const granularities: readonly Granularity[] = ['day', 'week', 'month'];

export const rangePresets = ['7d', '30d', '90d', '365d', 'custom'] as const;
export type RangePreset = (typeof rangePresets)[number];
export const dimensions: readonly Dimension[] = ['channel', 'campaign', 'source_medium', 'device', 'country'];
export const dimensionLabels: Record<Dimension, string> = {
  channel: 'Channel',
  campaign: 'Campaign',
  source_medium: 'Source / medium',
  device: 'Device',
  country: 'Country',
};
const comparisons = ['previous_period', 'previous_year', 'none'] as const;
const isoDay = /^\d{4}-\d{2}-\d{2}$/;

export function parseAnalyticsSearch(raw: Record<string, unknown>): AnalyticsSearch {
  const out: AnalyticsSearch = {};
  if (rangePresets.includes(raw.range as RangePreset)) out.range = raw.range as RangePreset;
  if (typeof raw.from === 'string' && isoDay.test(raw.from)) out.from = raw.from;
  if (typeof raw.to === 'string' && isoDay.test(raw.to)) out.to = raw.to;
  if (comparisons.includes(raw.compare as (typeof comparisons)[number]))
    out.compare = raw.compare as AnalyticsSearch['compare'];
  if (dimensions.includes(raw.dimension as Dimension)) out.dimension = raw.dimension as Dimension;
  if (views.includes(raw.view as AnalyticsView)) out.view = raw.view as AnalyticsView;
  if (typeof raw.metric === 'string' && Object.hasOwn(kpiLooks, raw.metric))
    out.metric = raw.metric as KpiKey;
  if (raw.breakdown === 'none' || dimensions.includes(raw.breakdown as Dimension))
    out.breakdown = raw.breakdown as Dimension | 'none';
  if (granularities.includes(raw.granularity as Granularity))
    out.granularity = raw.granularity as Granularity;
  if (dimensions.includes(raw.funnelBy as Dimension)) out.funnelBy = raw.funnelBy as Dimension;
  return out;
}

/** A day as `YYYY-MM-DD` in the reader's calendar. */
export function isoDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The period the search names: a preset's last N days to today, else from / to (if in order). */
export function periodOf(search: AnalyticsSearch, today = new Date()): { from: string; to: string } {
  if (search.range === 'custom' && search.from && search.to && search.from <= search.to) {
    return { from: search.from, to: search.to };
  }
  const days = { '7d': 7, '30d': 30, '90d': 90, '365d': 365 }[
    search.range && search.range !== 'custom' ? search.range : '30d'
  ];
  const start = new Date(today);
  start.setDate(start.getDate() - (days - 1));
  return { from: isoDate(start), to: isoDate(today) };
}
