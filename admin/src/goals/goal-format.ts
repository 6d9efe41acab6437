import { formatMoney } from '../money/minor-units.ts';
import type { GoalMetric, PaceStatus } from './goal-types.ts';

const moneyMetrics = new Set<GoalMetric>(['netSales', 'averageOrderValue']);

/** A goal metric's value as the manager reads it: money in the store currency, a rate in %, else a count. */
export function formatGoalValue(metric: GoalMetric, value: number | null, currency: string): string {
  if (value === null) return '—';
  if (moneyMetrics.has(metric)) return formatMoney(Math.round(value), currency);
  if (metric === 'conversionRate') return `${(value * 100).toFixed(2)} %`;
  return Math.round(value).toLocaleString();
}

export const statusWords: Record<PaceStatus, { label: string; color: string }> = {
  on_pace: { label: 'On pace', color: 'teal' },
  at_risk: { label: 'At risk', color: 'yellow' },
  behind: { label: 'Behind', color: 'red' },
  achieved: { label: 'Achieved', color: 'teal' },
  missed: { label: 'Missed', color: 'gray' },
};
