import { date, jsonb, pgTable, primaryKey, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { now } from '../../platform/clock.ts';
import type { DemandForecast } from './forecasting/forecast-demand.ts';

/**
 * The store days whose anomalies have been announced (`insights.anomaly_detected` events, which
 * webhooks deliver): one row per store day, written with the events, so a day is announced once.
 */
export const insightsAlertedDays = pgTable(
  'insights_alerted_days',
  {
    storeId: text('store_id').notNull(),
    day: date('day').notNull(),
    flagged: smallint('flagged').notNull(),
    alertedAt: timestamp('alerted_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.day] })],
);

/**
 * Each variant's latest demand forecast (reorder-forecasts/stored-forecasts.ts): the method chosen
 * by backtest and the daily forecast, as of a store day and for a horizon and backtest distance. The
 * history behind it ends the day before, so it holds all day; the nightly job and the first request
 * of the day write it, every later request reads it. `forecast` holds the method, pattern, daily
 * units, residual spread and backtest summary.
 */
export const insightsDemandForecasts = pgTable(
  'insights_demand_forecasts',
  {
    storeId: text('store_id').notNull(),
    variantId: text('variant_id').notNull(),
    asOf: date('as_of').notNull(),
    horizon: smallint('horizon').notNull(),
    backtestHorizon: smallint('backtest_horizon').notNull(),
    forecast: jsonb('forecast').notNull().$type<StoredDemandForecast>(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.variantId] })],
);

/** The part of a demand forecast the reorder screen and plan use. */
export type StoredDemandForecast = Pick<
  DemandForecast,
  'method' | 'pattern' | 'forecast' | 'residualSd' | 'backtest'
>;

/**
 * The store days whose forecasts the nightly job has made (forecast-job.ts): one row per store day,
 * so the job forecasts each store once a day however often it runs.
 */
export const insightsForecastedDays = pgTable(
  'insights_forecasted_days',
  {
    storeId: text('store_id').notNull(),
    day: date('day').notNull(),
    variants: smallint('variants').notNull(),
    forecastedAt: timestamp('forecasted_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.day] })],
);
