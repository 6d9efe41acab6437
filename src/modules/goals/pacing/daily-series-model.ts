import { forecasting } from '../../insights/index.ts';

/**
 * What a goal's pacing needs from one daily series (net sales, sessions …): the expected value of
 * each remaining day, and sample paths of those days drawn from the model's own error
 * distribution, so the chance of reaching a total can be read off the paths.
 */
export interface DailySeriesModel {
  method: 'holt-winters' | 'mean' | 'none';
  /** Expected value of each of the next `horizon` days (never below zero). */
  expected(horizon: number): number[];
  /**
   * The sum of one simulated path over the next `shocks.length` days, `shocks` being standard
   * normal draws, one per day; the first `skip` days are simulated but not counted (days before a
   * future goal starts still move the state).
   */
  simulatedSum(shocks: readonly number[], skip: number): number;
  /**
   * One-step-ahead errors over the history (for the correlation of two series); empty without a
   * model. A function: only ratio goals need them, and they cost a run of the model per day.
   */
  residuals(): number[];
}

/** Weeks of history a pacing forecast is fitted on: enough weeks to see the weekly rhythm twice over, recent enough to be today's level. */
export const historyDays = 84;
/** Holt-Winters needs two whole weeks to start its state and two more to fit its weights. */
const holtWintersDays = 28;
/** Fewer days than a week say nothing about a day's typical value. */
const meanDays = 7;

/** Days before the first day with anything in either series are before the store (or channel) existed. */
export function firstActiveDay(...series: readonly (readonly number[])[]): number {
  const length = series[0]?.length ?? 0;
  for (let t = 0; t < length; t++) if (series.some((s) => s[t] !== 0)) return t;
  return length;
}

/**
 * The model of one daily series, `history` ending yesterday and already trimmed of the days before
 * the first activity. Holt-Winters (ETS(A,A,A), weekly period) from four weeks of history: it
 * carries level, trend and weekday shape, and its state-space form says how a day's error moves
 * the days after it (Hyndman et al., Forecasting with Exponential Smoothing, ch. 6), which is what
 * the spread of a sum over many days depends on. With one to four weeks, the mean day with
 * independent normal errors; with less, no forecast (the remaining days count as nothing).
 */
export function dailySeriesModel(history: readonly number[]): DailySeriesModel {
  if (history.length >= holtWintersDays) return holtWintersModel(history);
  if (history.length >= meanDays) return meanModel(history);
  return {
    method: 'none',
    expected: (horizon) => new Array<number>(horizon).fill(0),
    simulatedSum: () => 0,
    residuals: () => [],
  };
}

function holtWintersModel(history: readonly number[]): DailySeriesModel {
  const fitted = forecasting.fitHoltWinters(history, 7);
  const { alpha = 0, beta = 0, gamma = 0 } = fitted.parameters;
  const sd = fitted.residualSd;
  return {
    method: 'holt-winters',
    expected: (horizon) => fitted.forecast(horizon).map((v) => Math.max(0, v)),
    simulatedSum(shocks, skip) {
      const seasonal = [...fitted.state.seasonal];
      let level = fitted.state.level;
      let trend = fitted.state.trend;
      let sum = 0;
      for (let h = 0; h < shocks.length; h++) {
        const slot = h % seasonal.length;
        const error = sd * shocks[h]!;
        // A day below zero is not a sale; the state still moves by the full error, as the model says.
        if (h >= skip) sum += Math.max(0, level + trend + seasonal[slot]! + error);
        level += trend + alpha * error;
        trend += beta * error;
        seasonal[slot]! += gamma * error;
      }
      return sum;
    },
    residuals: () => history.map((y, t) => y - fitted.rerun(history.slice(0, t)).forecast(1)[0]!),
  };
}

function meanModel(history: readonly number[]): DailySeriesModel {
  const mean = history.reduce((a, b) => a + b, 0) / history.length;
  const sd = Math.sqrt(history.reduce((a, y) => a + (y - mean) ** 2, 0) / (history.length - 1));
  return {
    method: 'mean',
    expected: (horizon) => new Array<number>(horizon).fill(mean),
    simulatedSum: (shocks, skip) =>
      shocks.reduce((sum, z, h) => (h < skip ? sum : sum + Math.max(0, mean + sd * z)), 0),
    residuals: () => history.map((y) => y - mean),
  };
}

/** Pearson correlation of two equally long series; 0 when either does not vary. */
export function correlation(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  if (n < 3) return 0;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i]! / n;
    mb += b[i]! / n;
  }
  let cov = 0;
  let va = 0;
  let vb = 0;
  for (let i = 0; i < n; i++) {
    cov += (a[i]! - ma) * (b[i]! - mb);
    va += (a[i]! - ma) ** 2;
    vb += (b[i]! - mb) ** 2;
  }
  return va === 0 || vb === 0 ? 0 : Math.max(-1, Math.min(1, cov / Math.sqrt(va * vb)));
}
