import { ErrorTally, maseScale } from './forecast-accuracy.ts';
import type { ForecastCandidate, ForecastMethod } from './forecaster.ts';

/**
 * Rolling-origin backtest: pretend it is an earlier day (the origin), forecast the next days from
 * the history up to it, compare with what then sold; repeat from several origins, each a few days
 * later, and pool the errors. One origin alone can be a lucky or unlucky week.
 *
 * The parameters are fitted once, on the history before the first origin; at each later origin the
 * method runs on with them over the days since (as it would in use between refits). Refitting at
 * every origin would multiply the cost of model choice by the number of origins for little change
 * in which method wins.
 */

export interface BacktestOptions {
  /** Days forecast from each origin. */
  horizon: number;
  /** How many origins. */
  origins: number;
  /** Days between consecutive origins. */
  spacing: number;
  /** Seasonal period for the MASE scale. */
  period: number;
}

export interface BacktestResult {
  method: ForecastMethod;
  /** Scaled by the seasonal naive error on the history before the first origin (see maseScale). */
  mase: number | null;
  wape: number | null;
  meanAbsoluteError: number;
  /** The parameters fitted at the first origin, to warm-start the final fit. */
  parameters: Readonly<Record<string, number>>;
}

/**
 * The origins (lengths of the history known at each), latest last: the last one leaves exactly
 * `horizon` days to compare with. Only origins with at least `minimumHistory` days behind them are
 * kept, so a young variant is backtested from fewer origins; empty when none qualifies.
 */
export function backtestOrigins(length: number, options: BacktestOptions, minimumHistory: number): number[] {
  const origins: number[] = [];
  for (let k = options.origins - 1; k >= 0; k--) {
    const origin = length - options.horizon - k * options.spacing;
    if (origin >= Math.max(1, minimumHistory)) origins.push(origin);
  }
  return origins;
}

/** The candidate's pooled errors over `origins`; forecasts below zero count as zero, as shown. */
export function rollingOriginBacktest(
  history: readonly number[],
  candidate: ForecastCandidate,
  origins: readonly number[],
  options: BacktestOptions,
): BacktestResult {
  const first = origins[0];
  if (first === undefined) throw new RangeError('a backtest needs at least one origin');
  const fitted = candidate.fit(history.slice(0, first));
  const tally = new ErrorTally();
  for (const origin of origins) {
    const run = origin === first ? fitted : fitted.rerun(history.slice(0, origin));
    const days = Math.min(options.horizon, history.length - origin);
    const forecast = run.forecast(days);
    for (let h = 0; h < days; h++) tally.add(history[origin + h]!, Math.max(0, forecast[h]!));
  }
  const scale = maseScale(history.slice(0, first), options.period);
  return {
    method: candidate.method,
    mase: tally.mase(scale),
    wape: tally.wape(),
    meanAbsoluteError: tally.meanAbsoluteError,
    parameters: fitted.parameters,
  };
}
