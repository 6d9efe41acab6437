/** Shapes of the goals API's answers (src/modules/goals). */
export type GoalMetric =
  | 'netSales'
  | 'orders'
  | 'units'
  | 'sessions'
  | 'conversionRate'
  | 'averageOrderValue'
  | 'newCustomerOrders';
export type PaceStatus = 'on_pace' | 'at_risk' | 'behind' | 'achieved' | 'missed';

export interface Goal {
  id: string;
  name: string;
  metric: GoalMetric;
  periodKind: 'month' | 'quarter' | 'custom';
  startDay: string;
  endDay: string;
  scope: 'store' | 'channel' | 'category';
  scopeValue: string | null;
  target: number;
}

export interface GoalPacing {
  goal: Goal;
  currency: string;
  today: string;
  totalDays: number;
  elapsedDays: number;
  pace: {
    actual: number | null;
    projected: number | null;
    projectedShare: number | null;
    actualShare: number | null;
    probability: number | null;
    status: PaceStatus;
    method: 'holt-winters' | 'mean' | 'none';
    remainingDays: number;
  };
}

export interface GoalOptions {
  currency: string;
  metrics: { metric: GoalMetric; label: string; unit: 'money' | 'rate' | 'count'; forCategories: boolean }[];
  channels: string[];
  categories: { id: string; path: string }[];
}

export interface GoalBody {
  name?: string;
  metric: GoalMetric;
  periodKind: Goal['periodKind'];
  period?: string;
  startDay?: string;
  endDay?: string;
  scope: Goal['scope'];
  scopeValue?: string;
  target: number;
}
