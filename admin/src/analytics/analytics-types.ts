/** The analytics API's answers (docs/metrics.md defines each KPI). */

export type KpiKey =
  | 'grossSales'
  | 'discounts'
  | 'refunds'
  | 'netSales'
  | 'totalSales'
  | 'orders'
  | 'units'
  | 'averageOrderValue'
  | 'sessions'
  | 'pageViews'
  | 'productViews'
  | 'conversionRate'
  | 'productViewRate'
  | 'cartRate'
  | 'checkoutRate'
  | 'shippingRate'
  | 'paymentRate'
  | 'funnelCompletionRate'
  | 'newCustomerOrders'
  | 'returningCustomerOrders'
  | 'returningCustomerRate'
  | 'refundRate'
  | 'grossMargin'
  | 'grossProfit'
  | 'searches'
  | 'searchesWithoutResultsRate';

export type KpiValues = Record<KpiKey, number | null>;

export interface Period {
  from: string;
  to: string;
  days: number;
}

export interface KpiReport {
  currency: string;
  period: Period;
  comparison: Period | null;
  kpis: { key: KpiKey; value: number | null; previous: number | null; change: number | null }[];
  funnel: FunnelStep[];
  openFunnel: FunnelStep[];
  series: { day: string; previousDay: string | null; current: KpiValues; previous: KpiValues | null }[];
  pendingDays: number;
}

export interface FunnelStep {
  step: string;
  sessions: number;
  fromPrevious: number | null;
  fromStart: number | null;
  /** Sessions of the step before that did not reach this one (closed funnel only). */
  dropOff: number | null;
}

export interface FunnelReport {
  period: Period;
  comparison: Period | null;
  total: FunnelStep[];
  previous: FunnelStep[] | null;
  open: FunnelStep[];
  breakdown: Dimension | null;
  rows: { value: string; funnel: FunnelStep[] }[];
}

export type Granularity = 'day' | 'week' | 'month';

export interface ExploreLine {
  value: number | null;
  previous: number | null;
  change: number | null;
  series: (number | null)[];
  previousSeries: (number | null)[] | null;
}

export interface ExploreReport {
  metric: KpiKey;
  kind: 'money' | 'count' | 'rate';
  currency: string;
  breakdown: Dimension | 'none';
  granularity: Granularity;
  period: Period;
  comparison: Period | null;
  buckets: { start: string; end: string }[];
  total: ExploreLine;
  rows: (ExploreLine & { key: string; other: boolean })[];
}

export type Dimension = 'channel' | 'campaign' | 'source_medium' | 'device' | 'country';

export interface BreakdownReport {
  currency: string;
  dimension: Dimension;
  rows: {
    value: string;
    current: KpiValues;
    previous: KpiValues | null;
    change: { netSales: number | null; sessions: number | null };
  }[];
}

export interface ProductReport {
  currency: string;
  rows: {
    key: string;
    label: string;
    handle: string | null;
    views: number;
    orders: number;
    units: number;
    netSales: number;
    grossProfit: number;
    grossMargin: number | null;
    viewToOrderRate: number | null;
  }[];
}

export interface SearchTermsReport {
  rows: { term: string; searches: number; withoutResults: number }[];
}

export interface SegmentsReport {
  currency: string;
  customers: number;
  frequencyScoring: 'quintiles' | 'fixed_breaks';
  segments: {
    segment: string;
    label: string;
    meaning: string;
    action: string;
    customers: number;
    revenue: { amount: number; currency: string };
    customerShare: number;
    revenueShare: number;
  }[];
}

export interface CohortReport {
  currency: string;
  monthsFollowed: number;
  cohorts: { cohort: string; customers: number; active: number[]; retention: number[]; revenue: number[] }[];
}

export type LifetimeValueReport =
  | {
      status: 'not_enough_history';
      customers: number;
      repeatBuyers: number;
      minimumCustomers: number;
      minimumRepeatBuyers: number;
      currency: string;
    }
  | {
      status: 'no_fit';
      customers: number;
      repeatBuyers: number;
      minimumCustomers: number;
      minimumRepeatBuyers: number;
      currency: string;
    }
  | {
      status: 'ok';
      currency: string;
      customers: number;
      repeatBuyers: number;
      horizonMonths: number;
      model: { converged: boolean };
      totals: {
        predictedValue: number;
        expectedOrders: number;
        meanPredictedValue: number;
        probablyLost: number;
      };
      distribution: { p10: number; p25: number; p50: number; p75: number; p90: number; max: number };
      histogram: { from: number; to: number | null; customers: number }[];
      top: {
        customerId: string;
        orders: number;
        netSpend: number;
        lastOrderAt: string;
        probabilityAlive: number;
        expectedOrders: number;
        predictedValue: number;
      }[];
    };

export interface AnomaliesReport {
  day: string;
  currency: string;
  metrics: {
    metric: 'revenue' | 'orders' | 'sessions' | 'conversionRate' | 'averageOrderValue' | 'refunds';
    judgement: {
      status: string;
      actual: number | null;
      expected: number | null;
      lower: number | null;
      upper: number | null;
      relativeChange: number | null;
      flagged: boolean;
      direction: 'up' | 'down' | 'none';
      severity: string;
      note: string | null;
    };
    flaggedSegments: { dimension: string; value: string; relativeChange: number | null; direction: string }[];
    explanation: { sentence: string; dimension: string | null } | null;
  }[];
}

export interface AdSpendImportResult {
  platform: string;
  rows: number;
  days: number;
  campaigns: string[];
  spend: number;
}
