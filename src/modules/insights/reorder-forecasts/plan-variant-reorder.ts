import type { DemandForecast } from '../forecasting/forecast-demand.ts';
import { planReorder, type ReorderPlan } from '../forecasting/reorder-plan.ts';

/**
 * One variant's reorder plan from its demand forecast (stored-forecasts.ts), stock and supplier
 * terms: safety stock, reorder point, days of cover, stock-out date and the
 * order in whole packs (docs/forecasting.md, "Forecasts and reorders in the store").
 */

export interface VariantReorderInput {
  /** ISO date of today: the forecast's day 0. */
  today: string;
  available: number;
  incoming: number;
  leadTimeDays: number;
  reviewPeriodDays: number;
  serviceLevel: number;
  packSize: number;
  minimumOrderQuantity: number;
}

export interface VariantReorderPlan {
  /** Daily demand spread the safety stock is sized with (units per day). */
  demandSd: number;
  plan: ReorderPlan;
}

/**
 * Forecast at least three months ahead, so a stock-out date is found for all but slow sellers, and
 * always past the delivery after next.
 */
const minimumHorizonDays = 91;

/** The horizons a variant's forecast is made for, from its supplier's lead time and the review period. */
export function forecastHorizons(leadTimeDays: number, reviewPeriodDays: number) {
  return {
    horizon: Math.max(minimumHorizonDays, Math.ceil(leadTimeDays + reviewPeriodDays)),
    // Backtest over the distance that matters, the lead time, within one to four weeks.
    backtestHorizon: Math.min(28, Math.max(7, Math.ceil(leadTimeDays))),
  };
}

/**
 * σ for safety stock from the backtest: the mean absolute error of the forecasts made from each
 * origin over the days after it is an out-of-sample error at the distances a delivery waits, and
 * √(π/2)·MAE is the standard deviation when errors are normal. The one-step in-sample residual
 * spread is used only without a backtest (under 28 days of history); in-sample it flatters.
 */
export function demandSpread(forecast: Pick<DemandForecast, 'backtest' | 'residualSd'>): number {
  return forecast.backtest
    ? Math.sqrt(Math.PI / 2) * forecast.backtest.meanAbsoluteError
    : forecast.residualSd;
}

/** The reorder plan on a variant's forecast (made for `forecastHorizons` of its lead time). */
export function planVariantReorder(
  forecast: Pick<DemandForecast, 'backtest' | 'residualSd' | 'forecast'>,
  input: VariantReorderInput,
): VariantReorderPlan {
  const demandSd = demandSpread(forecast);
  const plan = planReorder({
    demand: { forecast: forecast.forecast, residualSd: demandSd },
    firstDay: input.today,
    available: input.available,
    incoming: input.incoming > 0 ? [{ units: input.incoming }] : [],
    leadTimeDays: input.leadTimeDays,
    reviewPeriodDays: input.reviewPeriodDays,
    serviceLevel: input.serviceLevel,
    packSize: input.packSize,
    minimumOrderQuantity: input.minimumOrderQuantity,
  });
  return { demandSd, plan };
}
