import { fitByOneStepError, interior, logistic, logit } from './fit-smoothing-parameters.ts';
import { type FittedForecaster, type ForecastCandidate, residualSdOf } from './forecaster.ts';

/**
 * Simple exponential smoothing (SES): the level is a weighted average of the latest day and the
 * previous level, lₜ = αyₜ + (1 − α)lₜ₋₁, and every future day is forecast at the last level.
 * For demand with no trend and no weekly pattern.
 */

export interface SesParameters {
  /** Weight of the newest day, in (0, 1). */
  alpha: number;
  /** The level before the first day. */
  initialLevel: number;
}

/** SES with the parameters given, over `history`. */
export function sesFixed(
  history: readonly number[],
  parameters: SesParameters,
  fittedParameters = 0,
): FittedForecaster {
  const { alpha, initialLevel } = parameters;
  let level = initialLevel;
  let sumOfSquares = 0;
  for (const y of history) {
    const error = y - level;
    sumOfSquares += error * error;
    level += alpha * error;
  }
  const finalLevel = level;
  return {
    method: 'ses',
    parameters: { alpha },
    forecast: (horizon) => new Array<number>(horizon).fill(finalLevel),
    residualSd: residualSdOf(sumOfSquares, history.length, fittedParameters),
    rerun: (other) => sesFixed(other, parameters, fittedParameters),
  };
}

/**
 * The starting level when fitting: the mean of the first week, so neither a slow first day nor a
 * weekly peak on it sets the level for the weeks the smoothing takes to forget it.
 */
export function sesInitialLevel(history: readonly number[]): number {
  const days = Math.min(history.length, 7);
  let sum = 0;
  for (let t = 0; t < days; t++) sum += history[t]!;
  return days > 0 ? sum / days : 0;
}

/** SES with α chosen to minimise the one-step-ahead squared error. */
export function fitSes(
  history: readonly number[],
  warmStart?: Readonly<Record<string, number>>,
): FittedForecaster {
  const initialLevel = sesInitialLevel(history);
  const sumOfSquares = ([free = 0]: number[]) => {
    const alpha = logistic(free);
    let level = initialLevel;
    let total = 0;
    for (const y of history) {
      const error = y - level;
      total += error * error;
      level += alpha * error;
    }
    return total;
  };
  const [free = 0] = fitByOneStepError(sumOfSquares, [logit(interior(warmStart?.alpha ?? 0.2))], history);
  return sesFixed(history, { alpha: logistic(free), initialLevel }, 1);
}

export const sesCandidate: ForecastCandidate = { method: 'ses', minimumHistory: 2, fit: fitSes };
