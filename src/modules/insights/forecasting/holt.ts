import { fitByOneStepError, interior, logistic, logit } from './fit-smoothing-parameters.ts';
import { type FittedForecaster, type ForecastCandidate, residualSdOf } from './forecaster.ts';

/**
 * Holt's linear trend method, optionally damped: a level and a trend, each smoothed.
 *   lₜ = αyₜ + (1 − α)(lₜ₋₁ + φbₜ₋₁)
 *   bₜ = β*(lₜ − lₜ₋₁) + (1 − β*)φbₜ₋₁
 *   ŷₙ₊ₕ = lₙ + (φ + φ² + … + φʰ)bₙ
 * With φ = 1 the trend runs on for ever; φ < 1 flattens it out, which is usually the safer bet for
 * sales: growth seldom continues at the same pace for months.
 */

export interface HoltParameters {
  /** Level weight, in (0, 1). */
  alpha: number;
  /** Trend weight β* on level changes, in (0, 1). */
  beta: number;
  /** Damping, in (0, 1]; 1 (the default) is the undamped method. */
  phi?: number;
  /** The level and trend before the first day. */
  initialLevel: number;
  initialTrend: number;
}

/** Holt's method with the parameters given, over `history`. */
export function holtFixed(
  history: readonly number[],
  parameters: HoltParameters,
  fittedParameters = 0,
): FittedForecaster & { state: { level: number; trend: number } } {
  const { alpha, beta } = parameters;
  const phi = parameters.phi ?? 1;
  let level = parameters.initialLevel;
  let trend = parameters.initialTrend;
  let sumOfSquares = 0;
  for (const y of history) {
    // Error-correction form of the equations above: the same recursion, one multiplication fewer.
    const damped = phi * trend;
    const error = y - level - damped;
    sumOfSquares += error * error;
    level += damped + alpha * error;
    trend = damped + alpha * beta * error;
  }
  const [finalLevel, finalTrend] = [level, trend];
  const damped = phi < 1;
  return {
    method: damped ? 'damped-holt' : 'holt',
    parameters: damped ? { alpha, beta, phi } : { alpha, beta },
    state: { level: finalLevel, trend: finalTrend },
    forecast: (horizon) => {
      const out: number[] = [];
      let reach = 0;
      let power = 1;
      for (let h = 1; h <= horizon; h++) {
        power *= phi;
        reach += power;
        out.push(finalLevel + reach * finalTrend);
      }
      return out;
    },
    residualSd: residualSdOf(sumOfSquares, history.length, fittedParameters),
    rerun: (other) => holtFixed(other, parameters, fittedParameters),
  };
}

/**
 * The starting level and trend when fitting: a least-squares line through the first two weeks,
 * so a weekly pattern does not pass for a trend, with the level taken back one day to stand
 * before the first day.
 */
export function holtInitialState(history: readonly number[]): { initialLevel: number; initialTrend: number } {
  const days = Math.min(history.length, 14);
  if (days < 2) return { initialLevel: history[0] ?? 0, initialTrend: 0 };
  let meanT = 0;
  let meanY = 0;
  for (let t = 0; t < days; t++) {
    meanT += t / days;
    meanY += history[t]! / days;
  }
  let cross = 0;
  let squares = 0;
  for (let t = 0; t < days; t++) {
    cross += (t - meanT) * (history[t]! - meanY);
    squares += (t - meanT) ** 2;
  }
  const slope = cross / squares;
  const intercept = meanY - slope * meanT;
  return { initialLevel: intercept - slope, initialTrend: slope };
}

/** Damping is searched in [0.8, 0.98], the usual range: below it the trend is gone in days, above it the method is undamped Holt. */
const phiLow = 0.8;
const phiRange = 0.18;

/** Holt's method with α, β* (and φ when damped) chosen to minimise the one-step-ahead squared error. */
export function fitHolt(
  history: readonly number[],
  options: { damped: boolean },
  warmStart?: Readonly<Record<string, number>>,
): ReturnType<typeof holtFixed> {
  const initial = holtInitialState(history);
  const decode = (free: number[]) => ({
    alpha: logistic(free[0]!),
    beta: logistic(free[1]!),
    phi: options.damped ? phiLow + phiRange * logistic(free[2]!) : 1,
  });
  const sumOfSquares = (free: number[]) => {
    const { alpha, beta, phi } = decode(free);
    const alphaBeta = alpha * beta;
    let level = initial.initialLevel;
    let trend = initial.initialTrend;
    let total = 0;
    for (const y of history) {
      const damped = phi * trend;
      const error = y - level - damped;
      total += error * error;
      level += damped + alpha * error;
      trend = damped + alphaBeta * error;
    }
    return total;
  };
  const start = [logit(interior(warmStart?.alpha ?? 0.2)), logit(interior(warmStart?.beta ?? 0.1))];
  if (options.damped) start.push(logit(interior(((warmStart?.phi ?? 0.9) - phiLow) / phiRange)));
  const found = decode(fitByOneStepError(sumOfSquares, start, history));
  return holtFixed(history, { ...found, ...initial }, options.damped ? 3 : 2);
}

export const holtCandidate: ForecastCandidate = {
  method: 'holt',
  minimumHistory: 4,
  fit: (history, warmStart) => fitHolt(history, { damped: false }, warmStart),
};

export const dampedHoltCandidate: ForecastCandidate = {
  method: 'damped-holt',
  minimumHistory: 6,
  fit: (history, warmStart) => fitHolt(history, { damped: true }, warmStart),
};
