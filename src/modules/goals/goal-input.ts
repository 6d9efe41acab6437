import { DateTime } from 'luxon';
import { z } from 'zod';
import { badRequest } from '../../platform/errors.ts';
import { type GoalMetric, goalMetrics, goalPeriodKinds, goalScopes } from './schema.ts';

/**
 * What a goal is made of, as the API takes it. A month (`2026-11`) or quarter (`2026-Q4`) is turned
 * into its first and last store day; a custom period gives them itself.
 */
export const goalInput = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    metric: z.enum(goalMetrics),
    periodKind: z.enum(goalPeriodKinds),
    /** `2026-11` for a month, `2026-Q4` for a quarter. */
    period: z.string().max(7).optional(),
    startDay: z.iso.date().optional(),
    endDay: z.iso.date().optional(),
    scope: z.enum(goalScopes).default('store'),
    /** The channel group (`Paid Search`) or the category id; left out for a store-wide goal. */
    scopeValue: z.string().trim().min(1).max(200).optional(),
    /** In the metric's unit: minor units of the store's currency, a count, or a fraction (0.025). */
    target: z.number().finite(),
  })
  .strict();
export type GoalInput = z.input<typeof goalInput>;

/** Money metrics, in minor units of the store's currency. */
export const moneyGoalMetrics: ReadonlySet<GoalMetric> = new Set(['netSales', 'averageOrderValue']);
/** Metrics that are a fraction between 0 and 1. */
export const rateGoalMetrics: ReadonlySet<GoalMetric> = new Set(['conversionRate']);
/**
 * What a category goal can measure: the product rollups keep sales and units per product, not
 * sessions, and an order with two of the category's products would count twice as an order.
 */
export const categoryGoalMetrics: ReadonlySet<GoalMetric> = new Set(['netSales', 'units']);

/** A custom period covers a year at most: beyond that a daily forecast says little. */
const maxCustomDays = 366;

export const goalMetricWords: Record<GoalMetric, string> = {
  netSales: 'Net sales',
  orders: 'Orders',
  units: 'Units sold',
  sessions: 'Sessions',
  conversionRate: 'Conversion rate',
  averageOrderValue: 'Average order value',
  newCustomerOrders: 'Orders from new customers',
};

/** The goal's days, checked: 400 `invalid_period` for a malformed or reversed period. */
export function goalDays(input: z.output<typeof goalInput>): { startDay: string; endDay: string } {
  if (input.periodKind === 'custom') {
    if (!input.startDay || !input.endDay)
      throw badRequest('invalid_period', 'A custom period needs startDay and endDay.', { path: 'startDay' });
    const days = DateTime.fromISO(input.endDay).diff(DateTime.fromISO(input.startDay), 'days').days + 1;
    if (days < 1)
      throw badRequest('invalid_period', 'The period ends before it starts.', {
        startDay: input.startDay,
        endDay: input.endDay,
      });
    if (days > maxCustomDays)
      throw badRequest('invalid_period', `A custom period covers ${maxCustomDays} days at most.`, { days });
    return { startDay: input.startDay, endDay: input.endDay };
  }
  const pattern = input.periodKind === 'month' ? /^(\d{4})-(0[1-9]|1[0-2])$/ : /^(\d{4})-Q([1-4])$/;
  const match = pattern.exec(input.period ?? '');
  if (!match)
    throw badRequest(
      'invalid_period',
      input.periodKind === 'month' ? 'Give the month as 2026-11.' : 'Give the quarter as 2026-Q4.',
      { path: 'period', period: input.period ?? null },
    );
  const year = Number(match[1]);
  const firstMonth = input.periodKind === 'month' ? Number(match[2]) : (Number(match[2]) - 1) * 3 + 1;
  const start = DateTime.utc(year, firstMonth, 1);
  const end = start.plus({ months: input.periodKind === 'month' ? 1 : 3 }).minus({ days: 1 });
  return { startDay: start.toISODate()!, endDay: end.toISODate()! };
}

/** 400 `invalid_target` unless the target is positive and in the metric's unit. */
export function checkTarget(metric: GoalMetric, target: number): void {
  if (!(target > 0)) throw badRequest('invalid_target', 'A target is above zero.', { target });
  if (rateGoalMetrics.has(metric) && target > 1)
    throw badRequest('invalid_target', 'A rate target is a fraction: 0.025 is 2.5 %.', { target });
  if (!rateGoalMetrics.has(metric) && !Number.isSafeInteger(target))
    throw badRequest(
      'invalid_target',
      moneyGoalMetrics.has(metric)
        ? 'A money target is a whole number of minor units of the store currency (1999 is 19.99).'
        : 'A count target is a whole number.',
      { target },
    );
}
