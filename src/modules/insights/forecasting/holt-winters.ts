import { fitByOneStepError, interior, logistic, logit } from './fit-smoothing-parameters.ts';
import { type FittedForecaster, type ForecastCandidate, residualSdOf } from './forecaster.ts';

/**
 * Additive Holt-Winters, the ETS(A,A,A) model: level, trend and a repeating pattern of `period`
 * days (7 for a weekly rhythm), each corrected by the day's one-step error e:
 *   μₜ = lₜ₋₁ + bₜ₋₁ + sₜ₋ₘ,  e = yₜ − μₜ
 *   lₜ = lₜ₋₁ + bₜ₋₁ + αe,  bₜ = bₜ₋₁ + βe,  sₜ = sₜ₋ₘ + γe
 *   ŷₙ₊ₕ = lₙ + h·bₙ + (the seasonal term of that weekday)
 * Keeping 0 < β < α and 0 < γ < 1 − α is the usual region where the updates stay stable.
 */

export interface HoltWintersParameters {
  alpha: number;
  beta: number;
  gamma: number;
}

export interface HoltWintersState {
  level: number;
  trend: number;
  /**
   * One term per day of the period, oldest first: `seasonal[0]` belongs to the next day to come,
   * `seasonal[period − 1]` to the day just seen.
   */
  seasonal: number[];
}

/** Forecasts from a state: level + h·trend + the seasonal term of the day. */
export function forecastFromHoltWintersState(state: HoltWintersState, horizon: number): number[] {
  const period = state.seasonal.length;
  const out: number[] = [];
  for (let h = 1; h <= horizon; h++)
    out.push(state.level + h * state.trend + state.seasonal[(h - 1) % period]!);
  return out;
}

/** Runs the recursion over `history` from `initial`; returns the state after the last day. */
export function holtWintersFixed(
  history: readonly number[],
  parameters: HoltWintersParameters,
  initial: HoltWintersState,
  fittedParameters = 0,
): FittedForecaster & { state: HoltWintersState } {
  const { alpha, beta, gamma } = parameters;
  const period = initial.seasonal.length;
  const seasonal = [...initial.seasonal];
  let level = initial.level;
  let trend = initial.trend;
  let sumOfSquares = 0;
  // Day t uses the term written m days earlier, which sits at position t mod m of this ring.
  for (let t = 0; t < history.length; t++) {
    const slot = t % period;
    const error = history[t]! - level - trend - seasonal[slot]!;
    sumOfSquares += error * error;
    level += trend + alpha * error;
    trend += beta * error;
    seasonal[slot]! += gamma * error;
  }
  const next = history.length % period;
  const state: HoltWintersState = {
    level,
    trend,
    seasonal: [...seasonal.slice(next), ...seasonal.slice(0, next)],
  };
  return {
    method: 'holt-winters',
    parameters: { alpha, beta, gamma },
    state,
    forecast: (horizon) => forecastFromHoltWintersState(state, horizon),
    residualSd: residualSdOf(sumOfSquares, history.length, fittedParameters),
    rerun: (other) => holtWintersFixed(other, parameters, initial, fittedParameters),
  };
}

/**
 * The starting state when fitting, from up to the first four whole periods: a least-squares line
 * through the period means gives level and trend; each weekday's average gap from that line gives
 * its seasonal term, shifted so the terms sum to zero (the pattern carries no level of its own).
 * Needs two whole periods.
 */
export function holtWintersInitialState(history: readonly number[], period: number): HoltWintersState {
  const periods = Math.min(4, Math.floor(history.length / period));
  if (periods < 2) throw new RangeError(`Holt-Winters needs at least ${2 * period} days of history`);
  const means: number[] = [];
  for (let k = 0; k < periods; k++) {
    let sum = 0;
    for (let i = 0; i < period; i++) sum += history[k * period + i]!;
    means.push(sum / period);
  }
  const centre = (periods - 1) / 2;
  const meanOfMeans = means.reduce((a, b) => a + b, 0) / periods;
  let cross = 0;
  let squares = 0;
  for (let k = 0; k < periods; k++) {
    cross += (k - centre) * (means[k]! - meanOfMeans);
    squares += (k - centre) ** 2;
  }
  const trend = cross / squares / period;
  // The line passes through meanOfMeans at the middle day of the periods used.
  const middleDay = (periods * period - 1) / 2;
  const lineAt = (t: number) => meanOfMeans + trend * (t - middleDay);
  const seasonal = new Array<number>(period).fill(0);
  for (let k = 0; k < periods; k++) {
    for (let i = 0; i < period; i++) {
      const t = k * period + i;
      seasonal[i]! += (history[t]! - lineAt(t)) / periods;
    }
  }
  const offset = seasonal.reduce((a, b) => a + b, 0) / period;
  return { level: lineAt(-1), trend, seasonal: seasonal.map((s) => s - offset) };
}

/** ETS(A,A,A) with α, β, γ chosen to minimise the one-step-ahead squared error. */
export function fitHoltWinters(
  history: readonly number[],
  period: number,
  warmStart?: Readonly<Record<string, number>>,
): FittedForecaster & { state: HoltWintersState } {
  const initial = holtWintersInitialState(history, period);
  // β is searched as a share of α and γ as a share of 1 − α: every point tried is in the stable region.
  const decode = (free: number[]): HoltWintersParameters => {
    const alpha = logistic(free[0]!);
    return { alpha, beta: alpha * logistic(free[1]!), gamma: (1 - alpha) * logistic(free[2]!) };
  };
  const seasonal = new Array<number>(period);
  const sumOfSquares = (free: number[]) => {
    const { alpha, beta, gamma } = decode(free);
    for (let i = 0; i < period; i++) seasonal[i] = initial.seasonal[i]!;
    let level = initial.level;
    let trend = initial.trend;
    let total = 0;
    let slot = 0;
    for (const y of history) {
      const error = y - level - trend - seasonal[slot]!;
      total += error * error;
      level += trend + alpha * error;
      trend += beta * error;
      seasonal[slot]! += gamma * error;
      slot = slot + 1 === period ? 0 : slot + 1;
    }
    return total;
  };
  const alpha = interior(warmStart?.alpha ?? 0.2);
  const start = [
    logit(alpha),
    logit(interior((warmStart?.beta ?? 0.01) / alpha)),
    logit(interior((warmStart?.gamma ?? 0.1) / (1 - alpha))),
  ];
  const found = decode(fitByOneStepError(sumOfSquares, start, history));
  return holtWintersFixed(history, found, initial, 3);
}

export function holtWintersCandidate(period: number): ForecastCandidate {
  return {
    method: 'holt-winters',
    // Two periods start the state; two more give the weights something to be fitted on.
    minimumHistory: 4 * period,
    fit: (history, warmStart) => fitHoltWinters(history, period, warmStart),
  };
}
