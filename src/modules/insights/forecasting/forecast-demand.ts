import { crostonCandidate, sbaCandidate } from './croston.ts';
import { classifyDemand, type DemandPattern, isIntermittent } from './demand-pattern.ts';
import type { FittedForecaster, ForecastCandidate, ForecastMethod } from './forecaster.ts';
import { dampedHoltCandidate, holtCandidate } from './holt.ts';
import { holtWintersCandidate } from './holt-winters.ts';
import { type BacktestResult, backtestOrigins, rollingOriginBacktest } from './rolling-origin-backtest.ts';
import { sesCandidate } from './simple-exponential-smoothing.ts';
import { tsbCandidate } from './tsb.ts';

/**
 * Daily demand forecast for one variant: classify the history, backtest each suitable method,
 * keep the one with the smallest error, refit it on the whole history and forecast.
 */

export interface ForecastDemandOptions {
  /** Days to forecast (default 28). */
  horizon?: number;
  /** Length of the repeating pattern in days (default 7, the week). */
  period?: number;
  /** Days forecast from each backtest origin (default 14). */
  backtestHorizon?: number;
  /** Backtest origins (default 3). */
  backtestOrigins?: number;
  /** Days between backtest origins (default 7): with the defaults the last 28 days are held out. */
  originSpacing?: number;
}

export interface CandidateScore {
  method: ForecastMethod;
  mase: number | null;
  wape: number | null;
}

export interface DemandForecast {
  method: ForecastMethod;
  /** Units per day for the `horizon` days after the history; never negative. */
  forecast: number[];
  /** Spread of one-step-ahead errors of the chosen method over the whole history (units per day). */
  residualSd: number;
  /**
   * The chosen method's backtest errors; null when the history was too short to backtest.
   * `meanAbsoluteError` is in units per day, over every day forecast from every origin.
   */
  backtest: { mase: number | null; wape: number | null; meanAbsoluteError: number; origins: number } | null;
  pattern: DemandPattern;
  parameters: Readonly<Record<string, number>>;
  /** Every method tried, in the order tried, with its backtest errors. */
  candidates: CandidateScore[];
}

/** Two weeks of history before the first origin, at least: less fits nothing worth scoring. */
const minimumTrainingDays = 14;

function validated(dailyUnits: readonly number[], options: ForecastDemandOptions) {
  const settings = {
    horizon: options.horizon ?? 28,
    period: options.period ?? 7,
    backtestHorizon: options.backtestHorizon ?? 14,
    backtestOrigins: options.backtestOrigins ?? 3,
    originSpacing: options.originSpacing ?? 7,
  };
  for (const [name, value] of Object.entries(settings)) {
    const least = name === 'horizon' ? 0 : 1;
    if (!Number.isInteger(value) || value < least) {
      throw new RangeError(`${name} must be a whole number of at least ${least}, got ${value}`);
    }
  }
  const history = dailyUnits.map((units, day) => {
    if (!Number.isFinite(units)) throw new RangeError(`day ${day}: units must be a finite number`);
    // More returned than sold on a day is not negative demand.
    return Math.max(0, units);
  });
  return { history, settings };
}

/**
 * A more complex method must beat a simpler one (listed earlier) by more than this share of the
 * error to be chosen: over a few weeks held out, smaller gaps are noise, and the simpler method
 * extrapolates more safely.
 */
export const simplerMethodMargin = 0.02;

/**
 * The simplest candidate whose backtest error is within the margin of the smallest. Ranked by mean
 * absolute error, which orders candidates as MASE does (one scale for all) and still ranks when
 * MASE has no scale.
 */
export function chooseByBacktest(results: readonly BacktestResult[]): BacktestResult | undefined {
  if (results.length === 0) return undefined;
  const smallest = Math.min(...results.map((r) => r.meanAbsoluteError));
  // The absolute allowance covers rounding noise when several methods fit exactly.
  return results.find((r) => r.meanAbsoluteError <= smallest * (1 + simplerMethodMargin) + 1e-9);
}

export function candidatesFor(pattern: DemandPattern, period: number): ForecastCandidate[] {
  if (isIntermittent(pattern)) return [crostonCandidate, sbaCandidate, tsbCandidate];
  return [sesCandidate, holtCandidate, dampedHoltCandidate, holtWintersCandidate(period)];
}

export function forecastDemand(
  dailyUnits: readonly number[],
  options: ForecastDemandOptions = {},
): DemandForecast {
  const { history, settings } = validated(dailyUnits, options);
  const { pattern } = classifyDemand(history);
  if (pattern === 'no-sales') {
    return {
      method: 'zero',
      forecast: new Array<number>(settings.horizon).fill(0),
      residualSd: 0,
      backtest: null,
      pattern,
      parameters: {},
      candidates: [],
    };
  }

  const backtestOptions = {
    horizon: settings.backtestHorizon,
    origins: settings.backtestOrigins,
    spacing: settings.originSpacing,
    period: settings.period,
  };
  const origins = backtestOrigins(history.length, backtestOptions, minimumTrainingDays);
  const trainingDays = origins[0] ?? 0;
  const candidates = candidatesFor(pattern, settings.period).filter((c) => c.minimumHistory <= trainingDays);

  const results: BacktestResult[] = candidates.map((c) =>
    rollingOriginBacktest(history, c, origins, backtestOptions),
  );
  const best = chooseByBacktest(results);

  let fitted: FittedForecaster;
  if (best === undefined) {
    // Too short to backtest: the plainest method of the kind the pattern calls for.
    const fallback = isIntermittent(pattern) ? sbaCandidate : sesCandidate;
    fitted = fallback.fit(history);
  } else {
    const chosen = candidates.find((c) => c.method === best.method)!;
    fitted = chosen.fit(history, best.parameters);
  }

  return {
    method: fitted.method,
    forecast: fitted.forecast(settings.horizon).map((units) => Math.max(0, units)),
    residualSd: fitted.residualSd,
    backtest: best
      ? {
          mase: best.mase,
          wape: best.wape,
          meanAbsoluteError: best.meanAbsoluteError,
          origins: origins.length,
        }
      : null,
    pattern,
    parameters: fitted.parameters,
    candidates: results.map(({ method, mase, wape }) => ({ method, mase, wape })),
  };
}
