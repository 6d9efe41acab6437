import { date, doublePrecision, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { now } from '../../platform/clock.ts';

export const goalMetrics = [
  'netSales',
  'orders',
  'units',
  'sessions',
  'conversionRate',
  'averageOrderValue',
  'newCustomerOrders',
] as const;
export type GoalMetric = (typeof goalMetrics)[number];

export const goalPeriodKinds = ['month', 'quarter', 'custom'] as const;
export type GoalPeriodKind = (typeof goalPeriodKinds)[number];

export const goalScopes = ['store', 'channel', 'category'] as const;
export type GoalScope = (typeof goalScopes)[number];

/**
 * A store's targets: reach `target` of `metric` over the store days `startDay`…`endDay` (in the
 * store's time zone, as the rollups count days), store-wide, for one channel group or for one
 * category and the categories below it. `target` is in the metric's own unit: minor units of the
 * store's currency for money (a whole number), a count, or a fraction for conversion rate; a
 * double holds every such value exactly (whole numbers up to 2^53).
 */
export const goals = pgTable(
  'goals',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    name: text('name').notNull(),
    metric: text('metric').$type<GoalMetric>().notNull(),
    periodKind: text('period_kind').$type<GoalPeriodKind>().notNull(),
    startDay: date('start_day', { mode: 'string' }).notNull(),
    endDay: date('end_day', { mode: 'string' }).notNull(),
    scope: text('scope').$type<GoalScope>().notNull(),
    /** The channel group's name or the category id; null for a store-wide goal. */
    scopeValue: text('scope_value'),
    target: doublePrecision('target').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [index('goals_store_period_idx').on(t.storeId, t.endDay)],
);
